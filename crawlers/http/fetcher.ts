// The polite fetcher every crawler uses: robots.txt, per-host pacing, conditional
// requests, retries with back-off, redirects with loop detection, size cap, SSRF guard.
import { RetryLaterError, SkipItemError } from '../../src/core/errors.ts';
import type { FetchOptions, FetchResult, Fetcher } from '../types.ts';
import { basicDecode } from './decode-fallback.ts';
import { createHostPacer } from './host-pacer.ts';
import { isPrivateAddress } from './private-address.ts';
import { request } from './request.ts';
import type { RawResponse, ResolveHost } from './request.ts';
import { RETRYABLE_STATUS, backoffMs, parseRetryAfter } from './retry.ts';
import { createRobotsCache } from './robots.ts';

export const BROWSER_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

export interface FetcherOptions {
  userAgent: string;
  hostConcurrency: number;
  hostDelayMs: number;
  maxBodyBytes: number;
  timeoutMs: number;
  maxRedirects?: number;
  /** Extra attempts after the first one. */
  retries?: number;
  retryBaseMs?: number;
  /** A Retry-After longer than this is not waited for: the fetch fails with RetryLaterError. */
  maxRetryWaitMs?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Bytes → text for non-UTF-8 pages (src/extract/decode.ts decodeHtml). */
  decode?: (bytes: Buffer, contentType?: string) => string;
  /** The SSRF guard's predicate; replaceable in tests only. */
  isPrivate?: (ip: string) => boolean;
  /** Name → addresses for the SSRF guard; node's DNS unless given (tests only). */
  resolve?: ResolveHost;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createFetcher(opts: FetcherOptions): Fetcher {
  const now = opts.now ?? (() => new Date());
  const sleep = opts.sleep ?? defaultSleep;
  const maxRedirects = opts.maxRedirects ?? 5;
  const retries = opts.retries ?? 2;
  const retryBaseMs = opts.retryBaseMs ?? 1000;
  const maxRetryWaitMs = opts.maxRetryWaitMs ?? 60_000;
  const decode = opts.decode ?? basicDecode;
  const isPrivate = opts.isPrivate ?? isPrivateAddress;
  const pacer = createHostPacer({
    concurrency: opts.hostConcurrency,
    delayMs: opts.hostDelayMs,
    now: () => now().getTime(),
    sleep,
  });
  const robots = createRobotsCache({
    now: () => now().getTime(),
    load: async (robotsUrl, allowPrivate) => {
      const res = await follow(robotsUrl, { allowPrivate }, false, 0);
      return res.status === 200 ? decode(res.body, res.headers['content-type']) : null;
    },
  });

  function headersFor(o: FetchOptions): Record<string, string> {
    const h: Record<string, string> = {
      'user-agent': o.browserUserAgent ? BROWSER_USER_AGENT : opts.userAgent,
      accept:
        'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-language': 'az,ru;q=0.8,en;q=0.6',
    };
    if (o.validators?.etag) h['if-none-match'] = o.validators.etag;
    if (o.validators?.lastModified) h['if-modified-since'] = o.validators.lastModified;
    return h;
  }

  /** One hop, paced, with retries on transient failures. */
  async function hop(url: URL, o: FetchOptions, maxRetries: number): Promise<RawResponse> {
    for (let attempt = 0; ; attempt++) {
      let wait: number;
      let failure: RetryLaterError;
      try {
        const res = await pacer.run(url.host, () =>
          request(url, {
            headers: headersFor(o),
            timeoutMs: opts.timeoutMs,
            maxBodyBytes: opts.maxBodyBytes,
            allowPrivate: o.allowPrivate ?? false,
            isPrivate,
            ...(opts.resolve ? { resolve: opts.resolve } : {}),
          }),
        );
        if (!RETRYABLE_STATUS.has(res.status)) return res;
        const retryAfter = parseRetryAfter(res.headers['retry-after'], now());
        wait = retryAfter ?? backoffMs(attempt, retryBaseMs, opts.random);
        failure = new RetryLaterError(
          `HTTP ${res.status} from ${url.href} after ${attempt + 1} attempt(s)`,
          retryAfter === undefined ? {} : { retryAfterMs: retryAfter },
        );
      } catch (err) {
        if (!(err instanceof RetryLaterError)) throw err;
        wait = backoffMs(attempt, retryBaseMs, opts.random);
        failure = new RetryLaterError(`${err.message} (after ${attempt + 1} attempt(s))`, {
          cause: err,
        });
      }
      if (attempt >= maxRetries || wait > maxRetryWaitMs) throw failure;
      await sleep(wait);
    }
  }

  async function follow(
    start: string,
    o: FetchOptions,
    checkRobots: boolean,
    maxRetries: number,
  ): Promise<RawResponse & { url: string }> {
    let url = parseUrl(start);
    const chain = [url.href];
    for (let hops = 0; ; hops++) {
      if (checkRobots) {
        const rules = await robots.rules(url.origin, o.allowPrivate ?? false);
        const delay = rules.crawlDelayMs(opts.userAgent);
        if (delay) pacer.setMinDelay(url.host, delay);
        if (!rules.isAllowed(url.href, opts.userAgent)) {
          throw new SkipItemError(`forbidden by robots.txt: ${url.href}`);
        }
      }
      const res = await hop(url, o, maxRetries);
      const location = res.headers.location;
      if (res.status < 300 || res.status >= 400 || res.status === 304 || !location) {
        return { ...res, url: url.href };
      }
      const next = parseUrl(location, url);
      if (chain.includes(next.href)) {
        throw new SkipItemError(`redirect loop: ${[...chain, next.href].join(' → ')}`);
      }
      chain.push(next.href);
      if (hops + 1 > maxRedirects) {
        throw new SkipItemError(`too many redirects (more than ${maxRedirects}) from ${start}`);
      }
      url = next;
    }
  }

  return {
    async allowed(url, o = {}) {
      const u = parseUrl(url);
      const rules = await robots.rules(u.origin, o.allowPrivate ?? false);
      return rules.isAllowed(u.href, opts.userAgent);
    },
    async fetch(url, o = {}): Promise<FetchResult> {
      const res = await follow(url, o, true, retries);
      if (res.status >= 400) {
        throw new SkipItemError(`HTTP ${res.status} for ${res.url}`);
      }
      const notModified = res.status === 304;
      const etag = res.headers.etag ?? (notModified ? o.validators?.etag : undefined);
      const lastModified =
        res.headers['last-modified'] ?? (notModified ? o.validators?.lastModified : undefined);
      let decoded: string | undefined;
      return {
        url: res.url,
        status: res.status,
        headers: res.headers,
        body: res.body,
        notModified,
        ...(etag ? { etag } : {}),
        ...(lastModified ? { lastModified } : {}),
        text: () => (decoded ??= decode(res.body, res.headers['content-type'])),
      };
    },
  };
}

function parseUrl(raw: string, base?: URL): URL {
  try {
    return new URL(raw, base);
  } catch (err) {
    throw new SkipItemError(`not a valid URL: ${raw}`, { cause: err });
  }
}
