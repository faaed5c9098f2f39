// Finding article links on listing pages and in (news) sitemaps.
import { loadHtml } from '../../src/extract/well-formed.ts';
import { toIsoDate } from '../dates.ts';

export interface ArticleLink {
  url: string;
  title?: string;
  publishedAt?: string | null;
}

const NOT_ARTICLE =
  /\/(tag|tags|category|categories|author|authors|page|search|login|register|archive|rss|feed|contact|about|haqqimizda|elaqe|reklam)(\/|$)|\.(jpe?g|png|gif|webp|pdf|mp[34]|zip|css|js)$/i;

/** Path shapes of news articles: a long slug, a numeric id, a date, or .html. */
export function looksLikeArticle(u: URL): boolean {
  const path = u.pathname;
  if (NOT_ARTICLE.test(path)) return false;
  const segments = path.split('/').filter(Boolean);
  const last = segments.at(-1) ?? '';
  if (!last) return false;
  return (
    /\d{3,}/.test(path) ||
    /\.(s?html?|php)$/i.test(last) ||
    /^[\p{L}\d]+(-[\p{L}\d]+){3,}$/u.test(decodeURIComponent(last))
  );
}

const bareHost = (h: string) => h.replace(/^www\./, '');

/** Same-site links from a listing page: via the source's selector, or by heuristics. */
export function listingLinks(html: string, pageUrl: string, selector?: string): ArticleLink[] {
  const $ = loadHtml(html);
  const base = new URL(pageUrl);
  const out = new Map<string, ArticleLink>();
  const anchors = selector ? $(selector).find('a[href]').addBack('a[href]') : $('a[href]');
  anchors.each((_i, el) => {
    const href = $(el).attr('href');
    if (!href || href.startsWith('#') || /^(mailto|javascript|tel):/i.test(href)) return;
    let u: URL;
    try {
      u = new URL(href, base);
    } catch {
      return;
    }
    u.hash = '';
    if (!/^https?:$/.test(u.protocol) || bareHost(u.hostname) !== bareHost(base.hostname)) return;
    if (!selector && !looksLikeArticle(u)) return;
    if (u.href === base.href || out.has(u.href)) return;
    const title = $(el).text().replace(/\s+/g, ' ').trim();
    out.set(u.href, title ? { url: u.href, title } : { url: u.href });
  });
  return [...out.values()];
}

export function isSitemap(xml: string): boolean {
  return /<(urlset|sitemapindex)[\s>]/.test(xml.slice(0, 4096));
}

/** URLs of a sitemap or news sitemap; for a sitemap index, `children` lists sub-sitemaps. */
export function sitemapLinks(xml: string, now: Date): { links: ArticleLink[]; children: string[] } {
  const $ = loadHtml(xml, { xml: true });
  const children = $('sitemapindex > sitemap > loc')
    .map((_i, el) => $(el).text().trim())
    .get();
  const links: ArticleLink[] = [];
  $('urlset > url').each((_i, el) => {
    const loc = $(el).children('loc').text().trim();
    if (!loc) return;
    const title = $(el).find('news\\:title').text().trim();
    const date =
      $(el).find('news\\:publication_date').text().trim() ||
      $(el).children('lastmod').text().trim();
    links.push({
      url: loc,
      ...(title ? { title } : {}),
      publishedAt: toIsoDate(date, now),
    });
  });
  return { links, children };
}
