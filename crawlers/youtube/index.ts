// youtube: a channel's Atom feed (its 15 newest videos): title, description,
// published date and view count.
import { loadHtml } from '../../src/extract/well-formed.ts';
import { SkipItemError } from '../../src/core/errors.ts';
import type { RawItem } from '../../src/core/types.ts';
import type { Source } from '../../src/core/source.ts';
import type { CrawlContext, Crawler } from '../types.ts';
import { toIsoDate } from '../dates.ts';
import { perUrl } from '../per-url.ts';
import { sourceRef } from '../source-ref.ts';
import { normaliseSpace, sha256 } from '../text.ts';

export interface YoutubeVideo {
  videoId: string;
  url: string;
  title: string;
  description: string;
  published: string | null;
  views: number | null;
  author: string | null;
}

export function parseYoutubeFeed(xml: string): YoutubeVideo[] {
  if (!/<feed[\s>]/.test(xml)) throw new Error('not an Atom feed');
  const $ = loadHtml(xml, { xml: true });
  return $('entry')
    .map((_i, el) => {
      const e = $(el);
      const videoId = e.find('yt\\:videoId').text().trim();
      const href = e.find('link[rel="alternate"]').attr('href');
      const views = Number(e.find('media\\:statistics').attr('views'));
      return {
        videoId,
        url: href ?? `https://www.youtube.com/watch?v=${videoId}`,
        title: e.children('title').text().trim(),
        description: normaliseSpace(e.find('media\\:description').text()),
        published: e.children('published').text().trim() || null,
        views: Number.isFinite(views) && e.find('media\\:statistics').length ? views : null,
        author: e.find('author > name').first().text().trim() || null,
      };
    })
    .get()
    .filter((v) => v.videoId || v.url);
}

export function youtubeCrawler(): Crawler {
  async function* crawlFeed(source: Source, url: string, ctx: CrawlContext) {
    const res = await ctx.fetchListing(url);
    if (res.notModified) return;
    let videos: YoutubeVideo[];
    try {
      videos = parseYoutubeFeed(res.text());
    } catch (err) {
      throw new SkipItemError(`YouTube feed ${url} of source ${source.id} is unreadable`, {
        cause: err,
      });
    }
    const now = ctx.now();
    for (const v of videos) {
      const publishedAt = toIsoDate(v.published, now);
      if (ctx.since && publishedAt && Date.parse(publishedAt) < ctx.since.getTime()) continue;
      const item: RawItem = {
        url: v.url,
        title: v.title,
        text: v.description,
        publishedAt,
        author: v.author,
        views: v.views,
        fetchedAt: now.toISOString(),
        source: sourceRef(source),
        rawHash: sha256(`${v.videoId}\n${v.title}\n${v.description}`),
      };
      yield item;
    }
  }
  return {
    kind: 'youtube',
    crawl: (source, ctx) => perUrl(source, ctx, (url) => crawlFeed(source, url, ctx)),
  };
}
