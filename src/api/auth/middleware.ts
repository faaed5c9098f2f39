// Who is asking (sessionUser), whether they may (requireRole), and whether the request
// really comes from our own pages (csrfProtect).
import type { Request, RequestHandler, Response } from 'express';
import { roleAtLeast, type AccountStore, type Role } from '../../core/accounts.ts';
import { ANON_COOKIE, readCookie, SESSION_COOKIE } from './cookies.ts';
import type { AuthOptions } from './options.ts';
import { csrfTokenMatches, readSession, sessionName } from './tokens.ts';

export interface SessionUser {
  name: string;
  role: Role;
}

const CHECKED = Symbol('session checked');

/** The logged-in user of this request, once sessionUser has run. */
export function currentUser(res: Response): SessionUser | undefined {
  const u = (res.locals as { user?: unknown }).user;
  return u && typeof u === 'object' ? (u as SessionUser) : undefined;
}

/**
 * Sets res.locals.user = {name, role} for a genuine, unexpired session cookie whose user
 * exists, is not disabled and has not changed password since. The role comes from the account store, read on every request,
 * so disabling a user or changing a role takes effect at once. Runs once per request even
 * when mounted twice.
 */
export function sessionUser(accounts: AccountStore, opts: AuthOptions): RequestHandler {
  const now = opts.now ?? Date.now;
  return async (req, res, next) => {
    const locals = res.locals as Record<string | symbol, unknown>;
    if (locals[CHECKED]) return next();
    locals[CHECKED] = true;
    const cookie = readCookie(req, SESSION_COOKIE);
    const name = cookie ? sessionName(cookie) : null;
    const user = name ? await accounts.getUser(name) : null;
    const claims =
      user && cookie ? readSession(opts.secret, cookie, now(), user.passwordHash) : null;
    if (user && claims && !user.disabled) res.locals.user = { name: user.name, role: user.role };
    next();
  };
}

/** 401 when nobody is logged in, 403 when the role is below `role` (admin > coder > viewer). */
export function requireRole(role: Role): RequestHandler {
  return (_req, res, next) => {
    const user = currentUser(res);
    if (!user) {
      res.status(401).json({ error: 'log in first' });
    } else if (!roleAtLeast(user.role, role)) {
      res.status(403).json({ error: `this needs the ${role} role; you are ${user.role}` });
    } else next();
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What the request's CSRF token is bound to: its session cookie, else its anonymous cookie. */
export function csrfBasis(req: Request): string | undefined {
  return readCookie(req, SESSION_COOKIE) || readCookie(req, ANON_COOKIE) || undefined;
}

/**
 * Every POST, PUT, PATCH and DELETE must carry in X-CSRF-Token the token GET /api/session
 * gave for the same cookie; another site can make the browser send the cookie but cannot
 * read the token.
 */
export function csrfProtect(opts: Pick<AuthOptions, 'secret' | 'log'>): RequestHandler {
  return (req, res, next) => {
    if (SAFE.has(req.method)) return next();
    const token = req.get('x-csrf-token');
    const basis = csrfBasis(req);
    if (!token || !basis) {
      res.status(403).json({
        error:
          'missing CSRF token: get one from GET /api/session and send it in the X-CSRF-Token header',
      });
    } else if (!csrfTokenMatches(opts.secret, basis, token)) {
      opts.log?.(`CSRF token refused: ${req.method} ${req.path} from ${req.ip}`);
      res.status(403).json({
        error: 'wrong CSRF token: reload the page (GET /api/session gives the current token)',
      });
    } else next();
  };
}
