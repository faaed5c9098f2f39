// rss: RSS 2.0, Atom and RDF feeds (rss-parser), tolerant of what agencies publish.
import Parser from 'rss-parser';
import { SkipItemError, errorMessage } from '../../src/core/errors.ts';
import type { RawItem } from '../../src/core/types.ts';
import type { Source } from '../../src/core/source.ts';
import type { CrawlContext, Crawler } from '../types.ts';
import { fetchArticle } from '../article.ts';
import { perUrl } from '../per-url.ts';
import { toIsoDate } from '../dates.ts';
import { sourceRef } from '../source-ref.ts';
import { cleanTitle, htmlToText, sha256 } from '../text.ts';
import { dropUnreadableAtomDates, repairXml } from './repair.ts';

type FeedItem = Parser.Item & { 'content:encoded'?: string; author?: string; description?: string };

export interface RssCrawlerOptions {
  /** Most article pages fetched per feed and run (politeness; the rest come next run). */
  maxArticlesPerFeed?: number;
}

export async function parseFeed(
  xml: string,
  feedUrl: string,
  sourceId: string,
): Promise<FeedItem[]> {
  // A fresh parser per attempt: xml2js reused after an error resumes the failed document
  // (2,000 open tags and 1,000 stray close tags made the retry take 10 s, then fail anyway).
  const parser = () =>
    new Parser<Record<string, unknown>, FeedItem>({
      customFields: { item: ['content:encoded', 'description', 'author'] },
    });
  const prepared = dropUnreadableAtomDates(xml);
  try {
    return (await parser().parseString(prepared)).items;
  } catch (first) {
    try {
      return (await parser().parseString(repairXml(prepared))).items;
    } catch {
      const looksHtml = /^\s*(<!doctype html|<html)/i.test(xml);
      const why = looksHtml ? 'got an HTML page, not a feed' : errorMessage(first);
      throw new SkipItemError(`feed ${feedUrl} of source ${sourceId} is not valid XML: ${why}`, {
        cause: first,
      });
    }
  }
}

function itemUrl(item: FeedItem, feedUrl: string): string | null {
  const candidates = [item.link, item.guid].filter((v): v is string => typeof v === 'string');
  for (const c of candidates) {
    try {
      const u = new URL(c.trim(), feedUrl);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    } catch {
      // try the next candidate
    }
  }
  return null;
}

/** The helper's result, or null after skipping the item it refused (SkipItemError). */
function readable(read: () => string, url: string, ctx: CrawlContext): string | null {
  try {
    return read();
  } catch (err) {
    if (!(err instanceof SkipItemError)) throw err;
    ctx.skip(url, `feed item ${err.message}`);
    return null;
  }
}

export function rssCrawler(opts: RssCrawlerOptions = {}): Crawler {
  const maxArticles = opts.maxArticlesPerFeed ?? 60;

  async function* crawlFeed(source: Source, feedUrl: string, ctx: CrawlContext) {
    const res = await ctx.fetchListing(feedUrl);
    if (res.notModified) {
      ctx.log.debug('feed not modified', { source: source.id, url: feedUrl });
      return;
    }
    const items = await parseFeed(res.text(), feedUrl, source.id);
    const now = ctx.now();
    // Identity is the link: some feeds repeat one guid for every item, others have none.
    const done = new Set<string>();
    let fetched = 0;
    for (const item of items) {
      const url = itemUrl(item, res.url);
      // The text helpers refuse markup too deep for cheerio: that item goes, the feed stays.
      const title = readable(() => cleanTitle(item.title), url ?? feedUrl, ctx);
      if (title === null) continue;
      if (!url) {
        ctx.skip(feedUrl, `feed item without a link: "${title.slice(0, 60)}"`);
        continue;
      }
      if (done.has(url)) continue;
      done.add(url);
      const publishedAt = toIsoDate(item.isoDate ?? item.pubDate, now);
      if (ctx.since && publishedAt && Date.parse(publishedAt) < ctx.since.getTime()) continue;
      const author = item.creator ?? item.author ?? null;
      if (source.fetchArticles) {
        if (await ctx.seen(url)) continue;
        // One item left over is enough to keep the feed's validators back for next time.
        if (fetched >= maxArticles) {
          ctx.defer(url);
          break;
        }
        fetched++;
        const article = await fetchArticle(url, source, ctx, { title, publishedAt, author });
        if (article) yield article;
        continue;
      }
      const content =
        item['content:encoded'] ?? item.content ?? item.description ?? item.summary ?? '';
      const text = readable(() => htmlToText(content), url, ctx);
      if (text === null) continue;
      if (!text && !title) {
        ctx.skip(url, 'feed item has neither title nor text');
        continue;
      }
      const raw: RawItem = {
        url,
        title,
        text,
        publishedAt,
        author,
        fetchedAt: now.toISOString(),
        source: sourceRef(source),
        rawHash: sha256(`${title}\n${content}`),
      };
      yield raw;
    }
  }

  return {
    kind: 'rss',
    async *crawl(source, ctx) {
      yield* perUrl(source, ctx, (feedUrl) => crawlFeed(source, feedUrl, ctx));
    },
  };
}
