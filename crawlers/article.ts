// Article pages: fetch, extract, and shape a RawItem. Used by rss, html and browser.
import { RetryLaterError, errorMessage } from '../src/core/errors.ts';
import type { Extracted, RawItem } from '../src/core/types.ts';
import type { Source } from '../src/core/source.ts';
import type { CrawlContext } from './types.ts';
import { sourceRef } from './source-ref.ts';
import { sha256 } from './text.ts';
import { toIsoDate } from './dates.ts';

/** Hints from the listing (feed item, sitemap entry) used when the page lacks them. */
export interface ArticleHints {
  title?: string;
  publishedAt?: string | null;
  author?: string | null;
}

function sameSite(a: URL, b: URL): boolean {
  const bare = (h: string) => h.replace(/^www\./, '');
  return bare(a.hostname) === bare(b.hostname);
}

/** The canonical URL if it is on the same site; reposts must not merge outlets. */
export function canonicalFor(pageUrl: string, canonical: string | null): string {
  if (!canonical) return pageUrl;
  try {
    const c = new URL(canonical, pageUrl);
    return sameSite(c, new URL(pageUrl)) ? c.href : pageUrl;
  } catch {
    return pageUrl;
  }
}

export function itemFromExtracted(
  source: Source,
  pageUrl: string,
  html: string | Buffer,
  ex: Extracted,
  hints: ArticleHints,
  now: Date,
): RawItem {
  return {
    url: canonicalFor(pageUrl, ex.canonicalUrl),
    title: ex.title || hints.title || '',
    text: ex.text,
    publishedAt: toIsoDate(ex.publishedAt, now) ?? hints.publishedAt ?? null,
    author: ex.author ?? hints.author ?? null,
    ...(ex.lang ? { lang: ex.lang } : {}),
    fetchedAt: now.toISOString(),
    source: sourceRef(source),
    rawHash: sha256(html),
  };
}

/**
 * Fetches and extracts one article; returns null (and counts a skip) when the page is
 * bad or has no text, so one broken article never stops a source.
 */
export async function fetchArticle(
  url: string,
  source: Source,
  ctx: CrawlContext,
  hints: ArticleHints = {},
): Promise<RawItem | null> {
  try {
    const res = await ctx.fetchPage(url);
    const html = res.text();
    const ex = ctx.extractor.extract(html, {
      url: res.url,
      ...(source.selectors ? { selectors: source.selectors } : {}),
    });
    if (!ex.text.trim()) {
      ctx.skip(url, 'no article text found');
      return null;
    }
    return itemFromExtracted(source, res.url, res.body, ex, hints, ctx.now());
  } catch (err) {
    // Not stored, so not "seen": a transient failure is retried on the next run.
    ctx.skip(url, errorMessage(err), { retry: err instanceof RetryLaterError });
    return null;
  }
}
