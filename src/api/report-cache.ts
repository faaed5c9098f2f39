// Finished reports, reused while nothing in the store has changed. The key is the format,
// the normalised parameters (2024-02-01 and 2024-02-01T00:00:00Z are one question) and the
// store's change marker, so a new item, a correction or a fetch record makes the next
// request render afresh; identical requests in flight share one render. A backend without
// a change marker (Elasticsearch) only shares renders in flight.
import type { Store } from '../core/store.ts';
import { cacheKey, resultCache, type ResultCache } from './result-cache.ts';

export interface ReportParamsKey {
  kind: string;
  lang: string;
  from?: string | undefined;
  to?: string | undefined;
}

export interface ReportCache {
  get<T>(format: string, params: ReportParamsKey, render: () => Promise<T>): Promise<T>;
}

export interface ReportCacheOptions {
  /** Reports kept; they are large (a PDF is a few hundred KB). Default 16. */
  maxEntries?: number;
  /**
   * Longest reuse even when nothing changed: an interim report runs "to now" and says
   * when it was generated. Default 10 minutes.
   */
  maxAgeMs?: number;
  now?: () => number;
}

const iso = (d: string | undefined) => (d === undefined ? null : new Date(d).toISOString());

export function reportCache(store: Store, opts: ReportCacheOptions = {}): ReportCache {
  const marker = store.changeMarker?.bind(store);
  const cache: ResultCache = resultCache({
    maxAgeMs: marker ? (opts.maxAgeMs ?? 10 * 60_000) : 0,
    maxEntries: opts.maxEntries ?? 16,
    ...(opts.now ? { now: opts.now } : {}),
  });
  return {
    async get(format, p, render) {
      const key = cacheKey(`report.${format}`, {
        kind: p.kind,
        lang: p.lang,
        from: iso(p.from),
        to: iso(p.to),
        store: marker ? await marker() : null,
      });
      return (await cache.get(key, render)).value;
    },
  };
}
