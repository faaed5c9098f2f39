// Settings shared by the session, CSRF and login pieces.
import type { LoginLimiter } from './rate-limit.ts';
import type { CookieFlags } from './cookies.ts';
import type { ScryptParams } from './password.ts';

export interface AuthOptions extends CookieFlags {
  /** Signs session cookies and CSRF tokens (see loadSessionSecret). */
  secret: string;
  /** Session lifetime; default 12 hours. */
  sessionTtlMs?: number;
  /** Injectable clock for expiry and the login limiter. */
  now?: () => number;
  /** Default: loginLimiter() with 5 failures per 15 minutes, per IP and per name. */
  limiter?: LoginLimiter;
  /** Security events (logins, refusals); never given a password or a secret. */
  log?: (msg: string) => void;
  /** Hash cost of passwords set through the API (default DEFAULT_SCRYPT; tests lower it). */
  scrypt?: ScryptParams;
}

export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;
