// Stateless session cookies and the CSRF tokens derived from them. A session cookie is
// `name|role|expiry|signature`, the signature an HMAC-SHA256 of `name|role|expiry`; the role
// in it is only a hint: the account store's role decides on every request.
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

export function signSession(secret: string, claims: SessionClaims): string {
  const payload = `${claims.name}|${claims.role}|${claims.expiresAt}`;
  return `${payload}|${mac(secret, 'session', payload)}`;
}

/** The claims of a genuine, unexpired cookie; null for anything else. */
export function readSession(secret: string, value: string, now: number): SessionClaims | null {
  const parts = value.split('|');
  if (parts.length !== 4) return null;
  const [name, role, expiry, sig] = parts as [string, string, string, string];
  if (!sameText(sig, mac(secret, 'session', `${name}|${role}|${expiry}`))) return null;
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
