// The SSRF check for clients that do their own networking (the browser crawler).
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { SkipItemError } from '../../src/core/errors.ts';
import { isPrivateAddress } from './private-address.ts';

export async function assertPublicUrl(
  url: string,
  isPrivate: (ip: string) => boolean = isPrivateAddress,
): Promise<void> {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  const bad = addresses.find(isPrivate);
  if (bad) {
    throw new SkipItemError(`refused ${url}: ${host} is a private or loopback address (${bad})`);
  }
}
