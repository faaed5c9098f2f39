// The SSRF check for clients that do their own networking (the browser crawler): the
// first URL, every redirect hop and every subresource the page asks for.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { SkipItemError } from '../../src/core/errors.ts';
import { isPrivateAddress } from './private-address.ts';
import type { ResolveHost } from './request.ts';

export interface AddressCheck {
  isPrivate?: (ip: string) => boolean;
  /** Name → addresses; node's DNS unless given (tests point names at 127.0.0.1). */
  resolve?: ResolveHost;
}

const systemResolve: ResolveHost = (host) => lookup(host, { all: true });

/** Schemes that never reach the network. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/**
 * Why `url` must not be fetched, or null when it may. Only http(s) goes out; a name is
 * refused when any of its addresses is private, or when it cannot be resolved.
 */
export async function urlRefusal(url: string, check: AddressCheck = {}): Promise<string | null> {
  const isPrivate = check.isPrivate ?? isPrivateAddress;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `refused ${url}: not a valid URL`;
  }
  if (LOCAL_SCHEMES.has(u.protocol)) return null;
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    return `refused ${url}: only http and https are fetched`;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host)
      ? [host]
      : (await (check.resolve ?? systemResolve)(host)).map((a) => a.address);
  } catch (err) {
    return `refused ${url}: cannot resolve ${host} (${err instanceof Error ? err.message : String(err)})`;
  }
  const bad = addresses.find(isPrivate);
  return bad ? `refused ${url}: ${host} is a private or loopback address (${bad})` : null;
}

export async function assertPublicUrl(url: string, check: AddressCheck = {}): Promise<void> {
  const reason = await urlRefusal(url, check);
  if (reason) throw new SkipItemError(reason);
}
