// Back-off arithmetic for the fetcher: exponential with jitter, and Retry-After.

/** Milliseconds to wait before attempt `attempt + 1` (attempt counts from 0). */
export function backoffMs(
  attempt: number,
  baseMs: number,
  random: () => number = Math.random,
): number {
  const exp = baseMs * 2 ** attempt;
  // Full jitter on half the interval keeps many crawlers from retrying in lock-step.
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Retry-After as seconds or an HTTP date → milliseconds from now; undefined if absent/bad. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

export const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);
