// Aggregations (metrics, charts) read every matching item: at 100,000 items one takes most
// of a second and blocks the server meanwhile. Fifty users asking the same few questions
// share one computation: identical requests in flight wait for the same promise, and a
// result is reused until it is `maxAgeMs` old. Changes made through the API (a coder's
// correction) clear it at once; crawled items show up when the result ages out.

export interface CachedResult<T> {
  value: T;
  /** When the value was computed (ms since the epoch). */
  computedAt: number;
}

export interface ResultCache {
  get<T>(key: string, compute: () => Promise<T>): Promise<CachedResult<T>>;
  clear(): void;
  readonly maxAgeMs: number;
}

export interface ResultCacheOptions {
  /** 0 keeps nothing, but identical requests in flight still share one computation. */
  maxAgeMs: number;
  /** Results kept at most; the least recently used go first. Default 200. */
  maxEntries?: number;
  now?: () => number;
}

export function resultCache(opts: ResultCacheOptions): ResultCache {
  const now = opts.now ?? Date.now;
  const maxEntries = opts.maxEntries ?? 200;
  const done = new Map<string, CachedResult<unknown>>();
  const pending = new Map<string, Promise<CachedResult<unknown>>>();
  // Bumped by clear(): a computation started before it must not refill the cache.
  let generation = 0;

  return {
    maxAgeMs: opts.maxAgeMs,
    get<T>(key: string, compute: () => Promise<T>): Promise<CachedResult<T>> {
      const hit = done.get(key);
      if (hit && now() - hit.computedAt < opts.maxAgeMs) {
        done.delete(key);
        done.set(key, hit); // most recently used last
        return Promise.resolve(hit as CachedResult<T>);
      }
      const running = pending.get(key);
      if (running) return running as Promise<CachedResult<T>>;
      const started = generation;
      const job = (async () => {
        const value = await compute();
        return { value, computedAt: now() };
      })();
      pending.set(key, job);
      job.then(
        (result) => {
          pending.delete(key);
          if (opts.maxAgeMs <= 0 || started !== generation) return;
          done.delete(key);
          done.set(key, result);
          while (done.size > maxEntries) done.delete(done.keys().next().value!);
        },
        () => pending.delete(key),
      );
      return job;
    },
    clear() {
      generation++;
      done.clear();
      pending.clear();
    },
  };
}

/** A stable key for parsed query parameters (key order does not matter). */
export function cacheKey(name: string, params: Record<string, unknown>): string {
  const sorted = Object.keys(params)
    .sort()
    .map((k) => [k, params[k]]);
  return `${name} ${JSON.stringify(sorted)}`;
}
