// A crawl context whose "network" is a map of URL → text: crawlers run their real parsing
// and item-building code on fuzzed documents without any socket.
import type { RawItem } from '../../../src/core/types.ts';
import type { Source } from '../../../src/core/source.ts';
import type { CrawlContext, Crawler, FetchResult } from '../../../crawlers/types.ts';
import { silentLogger } from '../../../crawlers/types.ts';
import { fakeExtractor } from '../../unit/crawlers/helpers.ts';

export interface Outcome {
  items: RawItem[];
  skips: { url: string; reason: string }[];
  failures: { url: string; err: unknown }[];
}

function served(url: string, text: string): FetchResult {
  return {
    url,
    status: 200,
    headers: {},
    body: Buffer.from(text),
    text: () => text,
    notModified: false,
  };
}

export async function crawlDocs(
  crawler: Crawler,
  source: Source,
  docs: Record<string, string>,
): Promise<Outcome> {
  const out: Outcome = { items: [], skips: [], failures: [] };
  const get = async (url: string) => {
    const text = docs[url];
    if (text === undefined) throw new Error(`fuzz context: no document for ${url}`);
    return served(url, text);
  };
  const ctx: CrawlContext = {
    fetcher: { fetch: get, allowed: async () => true },
    extractor: fakeExtractor,
    validators: {},
    fetchListing: get,
    fetchPage: get,
    seen: async () => false,
    skip: (url, reason) => void out.skips.push({ url, reason }),
    defer: () => {},
    fail: (url, err) => void out.failures.push({ url, err }),
    log: silentLogger,
    since: null,
    now: () => new Date('2026-01-10T12:00:00Z'),
  };
  for await (const item of crawler.crawl(source, ctx)) out.items.push(item);
  return out;
}
