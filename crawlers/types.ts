// The contract every crawler kind implements, and the context a run hands it.
import type { Extractor, RawItem, SourceKind } from '../src/core/types.ts';
import type { Source } from '../src/core/source.ts';

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface FetchResult {
  /** Final URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The body decoded to a string (charset from headers or <meta>). */
  text(): string;
  /** True when the server answered 304 to a conditional request (body is empty). */
  notModified: boolean;
  etag?: string;
  lastModified?: string;
}

export interface FetchOptions {
  validators?: Validators;
  allowPrivate?: boolean;
  browserUserAgent?: boolean;
}

export interface Fetcher {
  fetch(url: string, opts?: FetchOptions): Promise<FetchResult>;
  /** Whether robots.txt lets us fetch this URL (used by the browser crawler). */
  allowed(url: string, opts?: FetchOptions): Promise<boolean>;
}

export interface CrawlLogger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

export const silentLogger: CrawlLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};

export interface CrawlContext {
  fetcher: Fetcher;
  extractor: Extractor;
  /**
   * Fetch a feed, listing page or channel page: conditional request with the stored
   * validators, which are updated from the answer. Options come from the source.
   */
  fetchListing(url: string): Promise<FetchResult>;
  /** Fetch one article page (no validators; robots, pacing and caps still apply). */
  fetchPage(url: string): Promise<FetchResult>;
  /** Conditional-request validators per URL, as loaded from and saved to the store. */
  validators: Record<string, Validators>;
  /** True when an item with this URL is already stored: its page need not be fetched. */
  seen(url: string): Promise<boolean>;
  /**
   * Count an expected discard (no text, not an article, bad row) and log why. `retry`
   * marks a transient failure: the listing's validators are then not saved, so the
   * next run sees the listing again and retries the item.
   */
  skip(url: string, reason: string, opts?: { retry?: boolean }): void;
  /**
   * An item left for a later run (the per-run cap on article pages): not a discard, but
   * the listing's validators are not saved either, so a 304 cannot hide it next time.
   */
  defer(url: string): void;
  /**
   * A feed or listing URL failed: the run is recorded as failed, but the source's other
   * URLs are still crawled (see perUrl).
   */
  fail(url: string, err: unknown): void;
  log: CrawlLogger;
  /** Ignore items published before this date (null: no limit). */
  since: Date | null;
  now(): Date;
}

export interface Crawler {
  readonly kind: SourceKind;
  crawl(source: Source, ctx: CrawlContext): AsyncIterable<RawItem>;
}

export type CrawlerSet = Partial<Record<SourceKind, Crawler>>;
