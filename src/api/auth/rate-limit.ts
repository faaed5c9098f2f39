// Failed logins counted per key (an IP address, a user name) in a sliding window, in
// memory: enough for one dashboard process; a restart forgets the counts.

export interface LoginLimiterOptions {
  /** Failures allowed inside the window; the next attempt is refused. Default 5. */
  maxFailures?: number;
  /** Default 15 minutes. */
  windowMs?: number;
  /** Injectable clock (tests use a fake one). */
  now?: () => number;
  /** Keys remembered at most; the stalest are dropped first. Default 50,000. */
  maxKeys?: number;
}

export type LimitVerdict = { ok: true } | { ok: false; retryAfterMs: number };

export interface LoginLimiter {
  /** Whether an attempt under these keys may go ahead. */
  check(keys: string[]): LimitVerdict;
  failed(keys: string[]): void;
  /** Forgets the failures of these keys (after a successful login). */
  reset(keys: string[]): void;
}

export function loginLimiter(opts: LoginLimiterOptions = {}): LoginLimiter {
  const max = opts.maxFailures ?? 5;
  const windowMs = opts.windowMs ?? 15 * 60_000;
  const now = opts.now ?? Date.now;
  const maxKeys = opts.maxKeys ?? 50_000;
  // key → failure times, oldest first. Map order is insertion order: stalest keys first.
  const failures = new Map<string, number[]>();

  const recent = (key: string, t: number): number[] => {
    const times = (failures.get(key) ?? []).filter((x) => x > t - windowMs);
    if (times.length) failures.set(key, times);
    else failures.delete(key);
    return times;
  };

  return {
    check(keys) {
      const t = now();
      let wait = 0;
      for (const key of keys) {
        const times = recent(key, t);
        if (times.length >= max) {
          // Allowed again when enough failures have left the window.
          const freeAt = times[times.length - max]! + windowMs;
          wait = Math.max(wait, freeAt - t);
        }
      }
      return wait > 0 ? { ok: false, retryAfterMs: wait } : { ok: true };
    },
    failed(keys) {
      const t = now();
      for (const key of keys) {
        const times = recent(key, t);
        failures.delete(key);
        failures.set(key, [...times, t].slice(-max));
      }
      while (failures.size > maxKeys) {
        const stalest = failures.keys().next().value;
        if (stalest === undefined) break;
        failures.delete(stalest);
      }
    },
    reset(keys) {
      for (const key of keys) failures.delete(key);
    },
  };
}
