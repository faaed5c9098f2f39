// Stateless session cookies and the CSRF tokens derived from them. A session cookie is
// `name|role|expiry|signature`, the signature an HMAC-SHA256 of `name|role|expiry` and the
// user's password hash: a new password ends every session opened with the old one. The
// role in it is only a hint: the account store's role decides on every request.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isRole, type Role } from '../../core/accounts.ts';

export interface SessionClaims {
  name: string;
  role: Role;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

const mac = (secret: string, purpose: string, message: string) =>
  createHmac('sha256', secret).update(`${purpose}\n${message}`).digest('base64url');

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `passwordHash` is the user's stored hash (never sent: it only enters the signature). */
export function signSession(secret: string, claims: SessionClaims, passwordHash = ''): string {
  const payload = `${claims.name}|${claims.role}|${claims.expiresAt}`;
  return `${payload}|${mac(secret, 'session', `${payload}\n${passwordHash}`)}`;
}

/** The user name a cookie claims, before it is checked (to look up the password hash). */
export function sessionName(value: string): string | null {
  const parts = value.split('|');
  return parts.length === 4 && parts[0] ? parts[0] : null;
}

/** The claims of a genuine, unexpired cookie; null for anything else. */
export function readSession(
  secret: string,
  value: string,
  now: number,
  passwordHash = '',
): SessionClaims | null {
  const parts = value.split('|');
  if (parts.length !== 4) return null;
  const [name, role, expiry, sig] = parts as [string, string, string, string];
  const payload = `${name}|${role}|${expiry}`;
  if (!sameText(sig, mac(secret, 'session', `${payload}\n${passwordHash}`))) return null;
  const expiresAt = Number(expiry);
  if (!Number.isSafeInteger(expiresAt) || expiresAt <= now || !isRole(role)) return null;
  return { name, role, expiresAt };
}

/** The token the client must echo in X-CSRF-Token, bound to its session or anonymous cookie. */
export function csrfTokenFor(secret: string, basis: string): string {
  return mac(secret, 'csrf', basis);
}

export function csrfTokenMatches(secret: string, basis: string, token: string): boolean {
  return sameText(token, csrfTokenFor(secret, basis));
}
