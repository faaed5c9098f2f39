// browser: pages that need scripts. Chromium renders listing and article pages; the
// HTML then goes through the same link finder and extractor as the html kind.
import { FatalError, SkipItemError, errorMessage } from '../../src/core/errors.ts';
import type { RawItem } from '../../src/core/types.ts';
import type { Source } from '../../src/core/source.ts';
import type { CrawlContext, Crawler } from '../types.ts';
import { itemFromExtracted } from '../article.ts';
import { BROWSER_USER_AGENT } from '../http/fetcher.ts';
import { assertPublicUrl, urlRefusal, type AddressCheck } from '../http/guard.ts';
import { listingLinks } from '../html/links.ts';
import type { BrowserSession, LaunchBrowser, RenderedPage } from './launch.ts';
import { launchChromium } from './launch.ts';

export interface BrowserCrawlerOptions {
  executablePath?: string;
  launch?: LaunchBrowser;
  userAgent?: string;
  timeoutMs?: number;
  maxArticlesPerListing?: number;
  /** Pause between page loads (the fetcher's pacing does not see the browser). */
  delayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * The SSRF guard's predicate and resolver, for the first URL and for every request the
   * page makes inside Chromium (redirects, scripts, images, fetch). Replaceable in tests.
   */
  addressCheck?: AddressCheck;
}

export function browserCrawler(opts: BrowserCrawlerOptions = {}): Crawler {
  const launch = opts.launch ?? launchChromium;
  const executablePath = opts.executablePath ?? '/usr/bin/chromium';
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const max = opts.maxArticlesPerListing ?? 20;
  const delayMs = opts.delayMs ?? 1000;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const check = opts.addressCheck ?? {};

  /** One guard per page: each host is resolved once while the page loads. */
  function requestGuard() {
    const verdicts = new Map<string, Promise<string | null>>();
    return (url: string) => {
      let key: string;
      try {
        const u = new URL(url);
        key = `${u.protocol}//${u.host}`;
      } catch {
        key = url;
      }
      let verdict = verdicts.get(key);
      if (!verdict) {
        verdict = urlRefusal(key, check);
        verdicts.set(key, verdict);
      }
      return verdict.then((reason) => (reason ? reason.replace(key, url) : null));
    };
  }

  async function render(
    session: BrowserSession,
    source: Source,
    url: string,
    ctx: CrawlContext,
  ): Promise<RenderedPage> {
    if (!source.allowPrivate) await assertPublicUrl(url, check);
    if (!(await ctx.fetcher.allowed(url, { allowPrivate: source.allowPrivate }))) {
      throw new SkipItemError(`forbidden by robots.txt: ${url}`);
    }
    const userAgent = source.browserUserAgent
      ? BROWSER_USER_AGENT
      : (opts.userAgent ?? BROWSER_USER_AGENT);
    const page = await session.render(url, {
      timeoutMs,
      userAgent,
      ...(source.allowPrivate ? {} : { guard: requestGuard() }),
    });
    if (page.status !== null && page.status >= 400)
      throw new SkipItemError(`HTTP ${page.status} for ${url}`);
    for (const reason of page.refused ?? [])
      ctx.log.warn('the page asked for a refused address', { url, reason });
    await sleep(delayMs);
    return page;
  }

  async function* crawlListing(
    session: BrowserSession,
    source: Source,
    url: string,
    ctx: CrawlContext,
  ) {
    const listing = await render(session, source, url, ctx);
    let fetched = 0;
    for (const link of listingLinks(listing.html, listing.url, source.selectors?.links)) {
      if (fetched >= max) break;
      if (await ctx.seen(link.url)) continue;
      fetched++;
      try {
        const page = await render(session, source, link.url, ctx);
        const ex = ctx.extractor.extract(page.html, {
          url: page.url,
          ...(source.selectors ? { selectors: source.selectors } : {}),
        });
        if (!ex.text.trim()) {
          ctx.skip(link.url, 'no article text found');
          continue;
        }
        const hints = link.title ? { title: link.title } : {};
        const item: RawItem = itemFromExtracted(source, page.url, page.html, ex, hints, ctx.now());
        yield item;
      } catch (err) {
        ctx.skip(link.url, errorMessage(err), { retry: !(err instanceof SkipItemError) });
      }
    }
  }

  return {
    kind: 'browser',
    async *crawl(source, ctx) {
      // One browser per run of a source, closed whatever happens.
      let session: BrowserSession | undefined;
      try {
        for (const url of source.urls) {
          try {
            session ??= await launch(executablePath).catch((err: unknown) => {
              throw new FatalError(`cannot launch Chromium at ${executablePath}`, { cause: err });
            });
            yield* crawlListing(session, source, url, ctx);
          } catch (err) {
            ctx.fail(url, err);
          }
        }
      } finally {
        await session
          ?.close()
          .catch((err: unknown) =>
            ctx.log.warn('closing the browser failed', { error: errorMessage(err) }),
          );
      }
    },
  };
}
