// html: listing pages and news sitemaps → article links → article pages → extractor.
import type { Source } from '../../src/core/source.ts';
import type { CrawlContext, Crawler } from '../types.ts';
import { fetchArticle } from '../article.ts';
import { perUrl } from '../per-url.ts';
import type { ArticleLink } from './links.ts';
import { isSitemap, listingLinks, sitemapLinks } from './links.ts';

export interface HtmlCrawlerOptions {
  /** Most article pages fetched per listing and run; the rest wait for the next run. */
  maxArticlesPerListing?: number;
  /** Sub-sitemaps followed from a sitemap index. */
  maxChildSitemaps?: number;
}

export async function* crawlLinks(
  source: Source,
  links: ArticleLink[],
  ctx: CrawlContext,
  max: number,
) {
  let fetched = 0;
  for (const link of links) {
    if (ctx.since && link.publishedAt && Date.parse(link.publishedAt) < ctx.since.getTime())
      continue;
    if (await ctx.seen(link.url)) continue;
    // One link left over is enough to keep the listing's validators back for next time.
    if (fetched >= max) {
      ctx.defer(link.url);
      break;
    }
    fetched++;
    const item = await fetchArticle(link.url, source, ctx, {
      ...(link.title ? { title: link.title } : {}),
      publishedAt: link.publishedAt ?? null,
    });
    if (item) yield item;
  }
}

export function htmlCrawler(opts: HtmlCrawlerOptions = {}): Crawler {
  const max = opts.maxArticlesPerListing ?? 40;
  const maxChildren = opts.maxChildSitemaps ?? 3;

  async function linksOf(source: Source, url: string, ctx: CrawlContext): Promise<ArticleLink[]> {
    const res = await ctx.fetchListing(url);
    if (res.notModified) return [];
    const body = res.text();
    if (!isSitemap(body)) return listingLinks(body, res.url, source.selectors?.links);
    const { links, children } = sitemapLinks(body, ctx.now());
    for (const child of children.slice(0, maxChildren)) {
      const sub = await ctx.fetchListing(child);
      if (!sub.notModified) links.push(...sitemapLinks(sub.text(), ctx.now()).links);
    }
    // Newest first, so the per-run cap keeps the freshest stories.
    return links.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
  }

  return {
    kind: 'html',
    async *crawl(source, ctx) {
      yield* perUrl(source, ctx, async function* (url) {
        const links = await linksOf(source, url, ctx);
        if (links.length === 0) ctx.log.debug('no article links', { source: source.id, url });
        yield* crawlLinks(source, links, ctx, max);
      });
    },
  };
}
