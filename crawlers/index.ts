// All crawler kinds, built once per process by the composition root.
import type { CrawlerSet } from './types.ts';
import { browserCrawler } from './browser/index.ts';
import type { BrowserCrawlerOptions } from './browser/index.ts';
import { htmlCrawler } from './html/index.ts';
import { importCrawler } from './import/index.ts';
import { rssCrawler } from './rss/index.ts';
import { telegramCrawler } from './telegram/index.ts';
import { transcriptCrawler } from './transcript/index.ts';
import { youtubeCrawler } from './youtube/index.ts';

export function createCrawlers(opts: { browser?: BrowserCrawlerOptions } = {}): CrawlerSet {
  return {
    rss: rssCrawler(),
    html: htmlCrawler(),
    browser: browserCrawler(opts.browser),
    telegram: telegramCrawler(),
    youtube: youtubeCrawler(),
    transcript: transcriptCrawler(),
    import: importCrawler(),
  };
}

export { createFetcher } from './http/index.ts';
export type { FetcherOptions } from './http/index.ts';
export { runSource, resumeSource, nextBackoffMs } from './run-source.ts';
export type { RunSourceDeps } from './run-source.ts';
export { createScheduler, runAllOnce } from './scheduler.ts';
export { loadSources, parseSources } from './sites/load.ts';
export type { Crawler, CrawlContext, CrawlerSet, Fetcher, FetchResult } from './types.ts';
