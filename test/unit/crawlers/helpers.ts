// Shared bits for crawler tests: a fake clock and a fetcher tuned for fixture sites.
import { createFetcher } from '../../../crawlers/http/index.ts';
import type { FetcherOptions } from '../../../crawlers/http/index.ts';

export function fakeClock(startIso = '2026-01-10T12:00:00Z') {
  let t = Date.parse(startIso);
  const sleeps: number[] = [];
  return {
    now: () => new Date(t),
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
    sleeps,
  };
}

export function testFetcher(overrides: Partial<FetcherOptions> = {}) {
  const clock = fakeClock();
  const fetcher = createFetcher({
    userAgent: 'TestMonitor/1.0',
    hostConcurrency: 2,
    hostDelayMs: 0,
    maxBodyBytes: 1024 * 1024,
    timeoutMs: 2000,
    retries: 2,
    now: clock.now,
    sleep: clock.sleep,
    ...overrides,
  });
  return { fetcher, clock };
}

import * as cheerio from 'cheerio';
import { sourceSchema } from '../../../src/core/source.ts';
import type { Source, SourceInput } from '../../../src/core/source.ts';
import type { Extractor, RawItem } from '../../../src/core/types.ts';
import type { CrawlContext, Crawler, Fetcher } from '../../../crawlers/types.ts';
import { silentLogger } from '../../../crawlers/types.ts';

export function makeSource(
  over: Partial<SourceInput> & Pick<SourceInput, 'kind' | 'urls'>,
): Source {
  return sourceSchema.parse({
    id: 'test_source',
    name: 'Test Source',
    ownership: 'private',
    allowPrivate: true,
    ...over,
  });
}

/** A stand-in extractor: <h1> title, <article> text, <time datetime>, rel=canonical. */
export const fakeExtractor: Extractor = {
  extract(html) {
    const $ = cheerio.load(html);
    return {
      title: $('h1').first().text().trim(),
      text: $('article').text().replace(/\s+/g, ' ').trim(),
      publishedAt: $('time').attr('datetime') ?? null,
      author: $('.author').first().text().trim() || null,
      canonicalUrl: $('link[rel=canonical]').attr('href') ?? null,
      lang: null,
    };
  },
};

export interface CrawlOutcome {
  items: RawItem[];
  skips: { url: string; reason: string }[];
  /** Items left for a later run by a per-run cap. */
  deferred: string[];
  failures: { url: string; err: unknown }[];
}

/** Runs one crawler over one source with a plain context (no store). */
export async function crawlAll(
  crawler: Crawler,
  source: Source,
  opts: {
    fetcher: Fetcher;
    extractor?: Extractor;
    seen?: (url: string) => boolean;
    since?: Date;
    now?: Date;
  },
): Promise<CrawlOutcome> {
  const out: CrawlOutcome = { items: [], skips: [], deferred: [], failures: [] };
  const fetchOpts = {
    allowPrivate: source.allowPrivate,
    browserUserAgent: source.browserUserAgent,
  };
  const ctx: CrawlContext = {
    fetcher: opts.fetcher,
    extractor: opts.extractor ?? fakeExtractor,
    validators: {},
    fetchListing: (url) => opts.fetcher.fetch(url, fetchOpts),
    fetchPage: (url) => opts.fetcher.fetch(url, fetchOpts),
    seen: async (url) => opts.seen?.(url) ?? false,
    skip: (url, reason) => void out.skips.push({ url, reason }),
    defer: (url) => void out.deferred.push(url),
    fail: (url, err) => void out.failures.push({ url, err }),
    log: silentLogger,
    since: opts.since ?? null,
    now: () => opts.now ?? new Date('2026-01-10T12:00:00Z'),
  };
  for await (const item of crawler.crawl(source, ctx)) out.items.push(item);
  return out;
}

export function articlePage(title: string, body: string, extra = ''): string {
  return `<!doctype html><html><head><title>${title}</title>${extra}</head><body>
<nav><a href="/">Əsas</a></nav><h1>${title}</h1><time datetime="2024-01-20T10:00:00+04:00"></time>
<article><p>${body}</p></article><aside>Related: other news</aside></body></html>`;
}
