// Builds the crawl machinery from configuration: fetcher, crawler kinds, extractor,
// pipeline sink, and a `run` that crawls one source and records its health.
import type { Source } from '../core/source.ts';
import type { FetchEvent } from '../core/store.ts';
import { createCrawlers, createFetcher, runSource } from '../../crawlers/index.ts';
import type { CrawlLogger } from '../../crawlers/types.ts';
import { createExtractor, decodeHtml } from '../extract/index.ts';
import { canonicalUrl } from '../pipeline/canonical-url.ts';
import { createSink, type Context } from './context.ts';

export interface CrawlRuntime {
  run(source: Source, opts?: { force?: boolean; stopping?: () => boolean }): Promise<FetchEvent>;
}

export function crawlLogger(ctx: Context): CrawlLogger {
  const fmt = (msg: string, data?: Record<string, unknown>) =>
    data
      ? `${msg} ${Object.entries(data)
          .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
          .join(' ')}`
      : msg;
  return {
    debug: (m, d) => ctx.log.debug(fmt(m, d)),
    info: (m, d) => ctx.log.info(fmt(m, d)),
    warn: (m, d) => ctx.log.warn(fmt(m, d)),
    error: (m, d) => ctx.log.error(fmt(m, d)),
  };
}

export async function crawlRuntime(ctx: Context): Promise<CrawlRuntime> {
  const { config } = ctx;
  const store = await ctx.store();
  const sink = await createSink(ctx);
  const fetcher = createFetcher({
    userAgent: config.userAgent,
    hostConcurrency: config.hostConcurrency,
    hostDelayMs: config.hostDelayMs,
    maxBodyBytes: config.maxBodyBytes,
    timeoutMs: config.requestTimeoutMs,
    decode: decodeHtml,
  });
  const crawlers = createCrawlers({ browser: { executablePath: config.chromiumPath } });
  const extractor = createExtractor();
  const log = crawlLogger(ctx);
  return {
    run: (source, opts) =>
      runSource(source, {
        store,
        sink,
        crawlers,
        fetcher,
        extractor,
        maxFailures: config.maxFailures,
        log,
        canonicalUrl,
        force: opts?.force ?? false,
        ...(opts?.stopping ? { stopping: opts.stopping } : {}),
      }),
  };
}

/** One line per source run, for the terminal. */
export function describeRun(source: Source, e: FetchEvent): string {
  const queued = e.itemsQueued ? `, ${e.itemsQueued} queued until the store is back` : '';
  const counts = `${e.itemsNew} new, ${e.itemsUpdated} updated, ${e.itemsDuplicate} duplicates, ${e.itemsSkipped} skipped${queued}`;
  return `${e.ok ? 'ok  ' : 'FAIL'} ${source.id.padEnd(24)} ${counts}${e.error ? ` — ${e.error}` : ''}`;
}
