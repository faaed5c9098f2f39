// POST /login, POST /logout, GET /session (mount under /api), plus the admin's /users.
import { randomBytes } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { normalizeUserName, type AccountStore } from '../../core/accounts.ts';
import { ANON_COOKIE, clearCookie, readCookie, SESSION_COOKIE, setCookie } from './cookies.ts';
import { csrfProtect, currentUser, sessionUser } from './middleware.ts';
import { DEFAULT_SESSION_TTL_MS, type AuthOptions } from './options.ts';
import { burnPasswordCheck, MAX_PASSWORD_LENGTH, verifyPassword } from './password.ts';
import { loginLimiter } from './rate-limit.ts';
import { csrfTokenFor, signSession } from './tokens.ts';
import { usersRoutes } from './users-routes.ts';

const ANON_MAX_AGE_S = 24 * 60 * 60;
const WRONG = 'wrong name or password';

const loginBody = z.object({
  name: z.string().max(200),
  password: z.string().max(MAX_PASSWORD_LENGTH),
});

export function authRoutes(accounts: AccountStore, opts: AuthOptions): Router {
  const now = opts.now ?? Date.now;
  const ttl = opts.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  const limiter = opts.limiter ?? loginLimiter({ now });
  const log = opts.log ?? (() => {});
  const session = sessionUser(accounts, opts);
  const csrf = csrfProtect(opts);
  const router = Router();

  /** The anonymous cookie's value, set now when the browser has none. */
  const anonBasis = (req: Request, res: Response): string => {
    const existing = readCookie(req, ANON_COOKIE);
    if (existing) return existing;
    const fresh = randomBytes(18).toString('base64url');
    setCookie(req, res, ANON_COOKIE, fresh, ANON_MAX_AGE_S, opts);
    return fresh;
  };

  router.get('/session', session, (req, res) => {
    res.set('Cache-Control', 'no-store');
    const user = currentUser(res) ?? null;
    const cookie = readCookie(req, SESSION_COOKIE);
    let basis: string;
    if (user && cookie) basis = cookie;
    else {
      // An expired, forged or disabled session: drop it so the token matches what comes next.
      if (cookie) clearCookie(req, res, SESSION_COOKIE, opts);
      basis = anonBasis(req, res);
    }
    res.json({ user, csrfToken: csrfTokenFor(opts.secret, basis) });
  });

  router.post('/login', csrf, async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const body = loginBody.safeParse(req.body);
    if (!body.success) {
      res.status(400).json({ error: 'send a JSON body {"name": …, "password": …}' });
      return;
    }
    const typed = body.data.name.trim().toLowerCase().slice(0, 64);
    const name = normalizeUserName(typed);
    const ip = req.ip ?? 'unknown';
    const keys = [`ip:${ip}`, `name:${typed}`];
    const verdict = limiter.check(keys);
    if (!verdict.ok) {
      const seconds = Math.ceil(verdict.retryAfterMs / 1000);
      log(`login refused: too many failures (from ${ip})`);
      res.set('Retry-After', String(seconds));
      res.status(429).json({
        error: `too many failed logins; try again in ${Math.ceil(seconds / 60)} minute(s)`,
        retryAfterSeconds: seconds,
      });
      return;
    }
    const user = name ? await accounts.getUser(name) : null;
    // Unknown names cost the same time as known ones, so timing does not reveal them.
    const matches = user
      ? await verifyPassword(body.data.password, user.passwordHash)
      : await burnPasswordCheck(body.data.password);
    if (!user || !matches || user.disabled) {
      limiter.failed(keys);
      // The typed name is logged only when it is a real account: a password typed into
      // the name field must not end up in the log.
      const who = user ? `"${user.name}"${user.disabled ? ' (disabled)' : ''}` : 'an unknown name';
      log(`failed login for ${who} from ${ip}`);
      res.status(401).json({ error: WRONG });
      return;
    }
    limiter.reset([`name:${typed}`]);
    const cookie = signSession(
      opts.secret,
      { name: user.name, role: user.role, expiresAt: now() + ttl },
      user.passwordHash,
    );
    setCookie(req, res, SESSION_COOKIE, cookie, Math.floor(ttl / 1000), opts);
    log(`login: ${user.name} (${user.role}) from ${ip}`);
    res.json({
      user: { name: user.name, role: user.role },
      csrfToken: csrfTokenFor(opts.secret, cookie),
    });
  });

  router.post('/logout', csrf, session, (req, res) => {
    const user = currentUser(res);
    clearCookie(req, res, SESSION_COOKIE, opts);
    if (user) log(`logout: ${user.name}`);
    res.json({ ok: true });
  });

  router.use('/users', usersRoutes(accounts, opts));
  return router;
}
