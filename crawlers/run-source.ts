// Runs one source: crawl, batch into the sink, record the fetch, keep health state
// (validators, failures, back-off, pause). Problems become the event; the one exception
// is a FatalError of the store (full disk, read-only directory, damaged file), which is
// thrown after the event is recorded (if it can be) so that the round stops there.
// A store failure is not the source's fault: it neither counts towards the pause nor
// saves validators, so the next run fetches the same items again.
import { FatalError, errorMessage } from '../src/core/errors.ts';
import type { Extractor, RawItem } from '../src/core/types.ts';
import type { FetchEvent, ItemSink, SourceState, Store } from '../src/core/store.ts';
import type { Source } from '../src/core/source.ts';
import type {
  CrawlContext,
  CrawlLogger,
  CrawlerSet,
  Fetcher,
  FetchResult,
  Validators,
} from './types.ts';
import { silentLogger } from './types.ts';

export type HealthStore = Pick<
  Store,
  'getSourceState' | 'setSourceState' | 'recordFetch' | 'getItemByUrl'
>;

export interface RunSourceDeps {
  store: HealthStore;
  sink: ItemSink;
  crawlers: CrawlerSet;
  fetcher: Fetcher;
  extractor: Extractor;
  /** Consecutive failures after which the source is paused. */
  maxFailures: number;
  now?: () => Date;
  log?: CrawlLogger;
  batchSize?: number;
  /** First back-off after a failure; doubles with each further failure. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  since?: Date | null;
  /** The pipeline's URL canonicaliser, so `seen` looks up URLs as the store keeps them. */
  canonicalUrl?: (url: string) => string;
  /** Run even while backed off (manual `crawl --once`); paused sources still wait. */
  force?: boolean;
  /**
   * True once the monitor is stopping: the run stores what it has, records its fetch and
   * ends early, keeping the old validators so the next run fetches the rest.
   */
  stopping?: () => boolean;
}

interface Tally {
  itemsNew: number;
  itemsUpdated: number;
  itemsDuplicate: number;
  itemsSkipped: number;
  itemsQueued: number;
}

export function nextBackoffMs(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
}

const statusOf = (err: unknown): number | null => {
  const m = /HTTP (\d{3})\b/.exec(errorMessage(err));
  return m ? Number(m[1]) : null;
};

export async function runSource(source: Source, deps: RunSourceDeps): Promise<FetchEvent> {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? silentLogger;
  const started = now();
  const tally: Tally = {
    itemsNew: 0,
    itemsUpdated: 0,
    itemsDuplicate: 0,
    itemsSkipped: 0,
    itemsQueued: 0,
  };
  const event = (over: Partial<FetchEvent>): FetchEvent => ({
    sourceId: source.id,
    url: source.urls[0] ?? '',
    at: started.toISOString(),
    status: null,
    ok: false,
    ...tally,
    durationMs: Math.max(0, now().getTime() - started.getTime()),
    error: null,
    ...over,
  });

  let state: SourceState;
  try {
    state = await deps.store.getSourceState(source.id);
  } catch (err) {
    log.error('cannot read source state', { source: source.id, error: errorMessage(err) });
    if (err instanceof FatalError) throw err;
    return event({ error: `cannot read source state: ${errorMessage(err)}` });
  }
  // Paused or backed-off sources are not attempted, and nothing is recorded.
  if (state.pausedReason) return event({ error: `paused: ${state.pausedReason}` });
  if (!deps.force && state.nextAttemptAt && Date.parse(state.nextAttemptAt) > started.getTime()) {
    return event({ error: `backed off until ${state.nextAttemptAt}` });
  }

  const failures: { url: string; err: unknown }[] = [];
  const pending: Record<string, Validators> = { ...state.validators };
  const yielded = new Set<string>();
  let status: number | null = null;
  let retrySkips = 0;
  let deferred = 0;
  /** The first failure of the store (or the pipeline in front of it), if any. */
  let storeFailure: { verb: 'read' | 'write'; err: unknown } | null = null;
  const fromStore = async <T>(verb: 'read' | 'write', fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      storeFailure ??= { verb, err };
      throw err;
    }
  };
  const fetchOpts = {
    allowPrivate: source.allowPrivate,
    browserUserAgent: source.browserUserAgent,
  };
  const noteStatus = (res: FetchResult) => {
    status ??= res.status;
    return res;
  };

  const ctx: CrawlContext = {
    fetcher: deps.fetcher,
    extractor: deps.extractor,
    validators: state.validators,
    async fetchListing(url) {
      const validators = state.validators[url];
      const res = noteStatus(
        await deps.fetcher.fetch(url, { ...fetchOpts, ...(validators ? { validators } : {}) }),
      );
      if (res.etag || res.lastModified) {
        pending[url] = {
          ...(res.etag ? { etag: res.etag } : {}),
          ...(res.lastModified ? { lastModified: res.lastModified } : {}),
        };
      }
      return res;
    },
    fetchPage: async (url) => noteStatus(await deps.fetcher.fetch(url, fetchOpts)),
    async seen(url) {
      if (yielded.has(url)) return true;
      let key = url;
      try {
        key = deps.canonicalUrl ? deps.canonicalUrl(url) : url;
      } catch {
        // an odd URL: look it up as it is
      }
      return (await fromStore('read', () => deps.store.getItemByUrl(key))) !== null;
    },
    skip(url, reason, opts) {
      tally.itemsSkipped++;
      if (opts?.retry) retrySkips++;
      log.warn('skipped', { source: source.id, url, reason });
    },
    defer() {
      deferred++;
    },
    fail(url, err) {
      failures.push({ url, err });
      // The run's outcome carries every failed URL: the caller reports it once.
      log.debug('source URL failed', { source: source.id, url, error: errorMessage(err) });
    },
    log,
    since: deps.since ?? null,
    now,
  };

  const batchSize = deps.batchSize ?? 25;
  let batch: RawItem[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    for (const outcome of await fromStore('write', () => deps.sink(items))) {
      if (outcome.status === 'new') tally.itemsNew++;
      else if (outcome.status === 'updated') tally.itemsUpdated++;
      else if (outcome.status === 'duplicate') tally.itemsDuplicate++;
      else if (outcome.status === 'queued') tally.itemsQueued++;
    }
  };

  const crawler = deps.crawlers[source.kind];
  if (!crawler) {
    failures.push({
      url: source.urls[0] ?? '',
      err: new Error(`no crawler for kind "${source.kind}"`),
    });
  } else {
    try {
      for await (const item of crawler.crawl(source, ctx)) {
        if (yielded.has(item.url)) continue;
        yielded.add(item.url);
        batch.push(item);
        if (batch.length >= batchSize) await flush();
        if (deps.stopping?.()) {
          deferred++;
          break;
        }
      }
      await flush();
    } catch (err) {
      // A crawler bug or a store/pipeline failure; items already sunk stay stored.
      failures.push({ url: source.urls[0] ?? '', err });
    }
  }

  const failed = storeFailure as { verb: 'read' | 'write'; err: unknown } | null;
  if (failed) return storeFailed(failed);

  const ok = failures.length === 0;
  const error = ok ? null : failures.map((f) => `${f.url}: ${errorMessage(f.err)}`).join('; ');
  const at = now();
  let next: SourceState;
  if (ok) {
    // Validators are kept only when nothing needs a retry, so nothing is lost to a 304.
    next = {
      consecutiveFailures: 0,
      pausedReason: null,
      nextAttemptAt: null,
      validators: retrySkips === 0 && deferred === 0 ? pending : state.validators,
    };
  } else {
    const n = state.consecutiveFailures + 1;
    const wait = nextBackoffMs(
      n,
      deps.backoffBaseMs ?? 5 * 60_000,
      deps.backoffMaxMs ?? 6 * 3600_000,
    );
    next = {
      consecutiveFailures: n,
      pausedReason:
        n >= deps.maxFailures
          ? `paused after ${n} consecutive failures; last error: ${error}`
          : null,
      nextAttemptAt: new Date(at.getTime() + wait).toISOString(),
      validators: state.validators,
    };
    const say = next.pausedReason ? log.warn : log.debug;
    say(next.pausedReason ? 'source paused' : 'source failed, backing off', {
      source: source.id,
      failures: n,
      nextAttemptAt: next.nextAttemptAt,
      error,
    });
  }
  const result = event({
    ok,
    error,
    status: status ?? (failures[0] ? statusOf(failures[0].err) : null),
    ...(failures[0] ? { url: failures[0].url } : {}),
  });
  try {
    await deps.store.setSourceState(source.id, next);
    await deps.store.recordFetch(result);
  } catch (err) {
    log.error('cannot record the fetch', { source: source.id, error: errorMessage(err) });
    if (err instanceof FatalError) throw err;
  }
  return result;

  /** The run stopped because the store failed: the source's state stays as it was. */
  async function storeFailed(f: { verb: 'read' | 'write'; err: unknown }): Promise<FetchEvent> {
    const others = failures
      .filter((x) => x.err !== f.err)
      .map((x) => `; ${x.url}: ${errorMessage(x.err)}`)
      .join('');
    const result = event({
      ok: false,
      status,
      error: `store could not ${f.verb}: ${errorMessage(f.err)}${others}`,
    });
    log.error('the store failed; the source is not blamed and will be fetched again', {
      source: source.id,
      error: result.error,
    });
    try {
      await deps.store.recordFetch(result);
    } catch (err) {
      log.error('cannot record the fetch', { source: source.id, error: errorMessage(err) });
    }
    if (f.err instanceof FatalError) throw f.err;
    return result;
  }
}

/** Clears a pause and back-off (for `monitor sources resume <id>`). */
export async function resumeSource(store: HealthStore, sourceId: string): Promise<void> {
  const state = await store.getSourceState(sourceId);
  await store.setSourceState(sourceId, {
    ...state,
    consecutiveFailures: 0,
    pausedReason: null,
    nextAttemptAt: null,
  });
}
