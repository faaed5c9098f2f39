// One item, one URL: tracking parameters, fragments and host case never make a new item.
import { createHash } from 'node:crypto';

const TRACKING = /^(utm_[a-z]+|fbclid|gclid|yclid|mc_[a-z]+|ref|_ga)$/i;

export function canonicalUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.trim();
  }
  u.hash = '';
  u.hostname = u.hostname.toLowerCase();
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  u.searchParams.sort();
  if ((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443'))
    u.port = '';
  return u.toString();
}

/** A short stable id for an item: its canonical URL hashed. */
export function itemId(canonical: string): string {
  return createHash('sha256').update(canonical).digest('hex').slice(0, 24);
}
