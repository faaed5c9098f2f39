// Admin only: GET / lists users, POST / creates one, DELETE /:name disables one (kept, not
// erased, so who-coded-what stays readable). authRoutes mounts this at /users.
import { Router } from 'express';
import { z } from 'zod';
import {
  normalizeUserName,
  ROLES,
  USER_NAME_RULE,
  type AccountStore,
  type User,
} from '../../core/accounts.ts';
import { HttpError } from '../errors.ts';
import { csrfProtect, currentUser, requireRole, sessionUser } from './middleware.ts';
import type { AuthOptions } from './options.ts';
import { hashPassword, passwordProblem } from './password.ts';

const newUser = z.object({
  name: z.string().max(200),
  role: z.enum(ROLES),
  password: z.string(),
});

const publicUser = ({ passwordHash: _hash, ...rest }: User) => rest;

export function usersRoutes(accounts: AccountStore, opts: AuthOptions): Router {
  const log = opts.log ?? (() => {});
  const now = opts.now ?? Date.now;
  const router = Router();
  // Guarded here too, so a wiring mistake in the app cannot open these routes.
  router.use(sessionUser(accounts, opts), requireRole('admin'), csrfProtect(opts));

  router.get('/', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json({ users: await accounts.listUsers() });
  });

  router.post('/', async (req, res) => {
    const parsed = newUser.safeParse(req.body);
    if (!parsed.success)
      throw new HttpError(400, 'send {"name", "role": "viewer"|"coder"|"admin", "password"}');
    const name = normalizeUserName(parsed.data.name);
    if (!name) throw new HttpError(400, USER_NAME_RULE);
    const problem = passwordProblem(parsed.data.password);
    if (problem) throw new HttpError(400, problem);
    if (await accounts.getUser(name)) throw new HttpError(409, `a user named ${name} exists`);
    const user: User = {
      name,
      role: parsed.data.role,
      passwordHash: await hashPassword(parsed.data.password, opts.scrypt),
      createdAt: new Date(now()).toISOString(),
    };
    await accounts.saveUser(user);
    log(`user ${name} (${user.role}) created by ${currentUser(res)?.name}`);
    res.status(201).json({ user: publicUser(user) });
  });

  router.delete('/:name', async (req, res) => {
    const name = normalizeUserName(String(req.params.name));
    const user = name ? await accounts.getUser(name) : null;
    if (!user) throw new HttpError(404, `no user named ${String(req.params.name)}`);
    if (user.name === currentUser(res)?.name)
      throw new HttpError(400, 'you cannot disable your own account');
    await accounts.saveUser({ ...user, disabled: true });
    log(`user ${user.name} disabled by ${currentUser(res)?.name}`);
    res.json({ user: publicUser({ ...user, disabled: true }) });
  });

  return router;
}
