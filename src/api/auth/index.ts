// Accounts, sessions and CSRF for the dashboard API.
//
// Wiring in src/api/app.ts (before the other /api routes):
//
//   import { authRoutes, csrfProtect, requireRole, sessionUser } from './auth/index.ts';
//   const auth = { secret, secureCookies, log };   // secret: loadSessionSecret({ dataDir, fromEnv })
//   app.use('/api', sessionUser(accounts, auth));  // res.locals.user = {name, role} or nothing
//   app.use('/api', csrfProtect(auth));            // POST/PUT/PATCH/DELETE need X-CSRF-Token
//   app.use('/api', authRoutes(accounts, auth));   // /login, /logout, /session, /users (admin)
//   app.use('/api/reviews', requireRole('coder'));  // in front of review routes
//   app.use('/api/segments', requireRole('coder')); // and segment entry
//
// The dashboard gets its token from GET /api/session and sends it back in X-CSRF-Token
// (dashboards/web/login.js `post`). See doc/accounts.md.
export { authRoutes } from './routes.ts';
export { usersRoutes } from './users-routes.ts';
export {
  csrfBasis,
  csrfProtect,
  currentUser,
  requireRole,
  sessionUser,
  type SessionUser,
} from './middleware.ts';
export { DEFAULT_SESSION_TTL_MS, type AuthOptions } from './options.ts';
export { loginLimiter, type LoginLimiter, type LoginLimiterOptions } from './rate-limit.ts';
export { loadSessionSecret, SECRET_FILE, type SecretOptions } from './secret.ts';
export {
  DEFAULT_SCRYPT,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
  verifyPassword,
  type ScryptParams,
} from './password.ts';
export { ANON_COOKIE, SESSION_COOKIE } from './cookies.ts';
