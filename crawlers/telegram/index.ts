// telegram: public channels via their t.me/s/<channel> preview, newest page first,
// following "older posts" (?before=<id>) until a page limit, the since date, or
// a page whose posts are all stored already.
import type { RawItem } from '../../src/core/types.ts';
import type { Source } from '../../src/core/source.ts';
import type { CrawlContext, Crawler } from '../types.ts';
import { toIsoDate } from '../dates.ts';
import { perUrl } from '../per-url.ts';
import { sourceRef } from '../source-ref.ts';
import { sha256 } from '../text.ts';
import { parseTelegramPage } from './parse.ts';

export interface TelegramCrawlerOptions {
  maxPages?: number;
}

function pageUrl(channelUrl: string, before: number | null): string {
  const u = new URL(channelUrl);
  if (before !== null) u.searchParams.set('before', String(before));
  return u.href;
}

export function telegramCrawler(opts: TelegramCrawlerOptions = {}): Crawler {
  const maxPages = opts.maxPages ?? 5;

  async function* crawlChannel(source: Source, channelUrl: string, ctx: CrawlContext) {
    let before: number | null = null;
    for (let page = 0; page < maxPages; page++) {
      const url = pageUrl(channelUrl, before);
      // Only the newest page is worth a conditional request; older pages change rarely.
      const res = page === 0 ? await ctx.fetchListing(url) : await ctx.fetchPage(url);
      if (res.notModified) return;
      const parsed = parseTelegramPage(res.text(), res.url);
      const now = ctx.now();
      let fresh = 0;
      let older = false;
      for (const post of parsed.posts.sort((a, b) => b.id - a.id)) {
        const publishedAt = toIsoDate(post.publishedAt, now);
        if (ctx.since && publishedAt && Date.parse(publishedAt) < ctx.since.getTime()) {
          older = true;
          continue;
        }
        if (!post.text) {
          ctx.skip(post.url, 'post without text (media only)');
          continue;
        }
        if (!(await ctx.seen(post.url))) fresh++;
        const item: RawItem = {
          url: post.url,
          title: '',
          text: post.text,
          publishedAt,
          author: post.author,
          views: post.views,
          forwardedFrom: post.forwardedFrom,
          fetchedAt: now.toISOString(),
          source: sourceRef(source),
          rawHash: sha256(`${post.post}\n${post.text}`),
        };
        yield item;
      }
      // Stop when the page reached known or too-old posts, or has no older link.
      if (older || fresh === 0 || parsed.before === null || parsed.before === before) return;
      before = parsed.before;
    }
  }

  return {
    kind: 'telegram',
    crawl: (source, ctx) => perUrl(source, ctx, (url) => crawlChannel(source, url, ctx)),
  };
}
