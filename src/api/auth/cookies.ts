// Reading and writing the two auth cookies without a cookie library.
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'monitor_session';
/** A random value for visitors who are not logged in: the basis of their CSRF token. */
export const ANON_COOKIE = 'monitor_anon';

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export interface CookieFlags {
  /** Always mark cookies Secure (behind a TLS-terminating proxy without trust proxy). */
  secureCookies?: boolean;
}

function flags(req: Request, opts: CookieFlags, maxAgeSeconds: number): string {
  const parts = ['Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`];
  if (opts.secureCookies || req.secure) parts.push('Secure');
  return parts.join('; ');
}

function append(res: Response, cookie: string): void {
  const prev = res.getHeader('Set-Cookie');
  const list = Array.isArray(prev) ? prev : prev === undefined ? [] : [String(prev)];
  res.setHeader('Set-Cookie', [...list, cookie]);
}

export function setCookie(
  req: Request,
  res: Response,
  name: string,
  value: string,
  maxAgeSeconds: number,
  opts: CookieFlags,
): void {
  append(res, `${name}=${encodeURIComponent(value)}; ${flags(req, opts, maxAgeSeconds)}`);
}

export function clearCookie(req: Request, res: Response, name: string, opts: CookieFlags): void {
  append(res, `${name}=; ${flags(req, opts, 0)}`);
}
