import { afterEach, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { RetryLaterError, SkipItemError } from '../../../src/core/errors.ts';
import { isPrivateAddress } from '../../../crawlers/http/index.ts';
import { startFixtureServer } from '../../helpers/fixture-server.ts';
import type { FixtureServer } from '../../helpers/fixture-server.ts';
import { testFetcher } from './helpers.ts';

let site: FixtureServer;
afterEach(async () => site?.close());

const html = (body: string) => ({ body: `<html><body>${body}</body></html>` });

describe('fetcher', () => {
  it('retries a 500 and succeeds on the following 200', async () => {
    let calls = 0;
    site = await startFixtureServer({
      '/flaky': (_req, res) => {
        calls++;
        if (calls === 1) res.writeHead(500).end('boom');
        else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok now</p>');
      },
    });
    const { fetcher, clock } = testFetcher();
    const res = await fetcher.fetch(site.url('/flaky'), { allowPrivate: true });
    expect(res.status).toBe(200);
    expect(res.text()).toContain('ok now');
    expect(site.hits('/flaky')).toBe(2);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('waits as long as Retry-After says on 429', async () => {
    let calls = 0;
    site = await startFixtureServer({
      '/busy': (_req, res) => {
        calls++;
        if (calls === 1) res.writeHead(429, { 'retry-after': '7' }).end();
        else res.writeHead(200).end('fine');
      },
    });
    const { fetcher, clock } = testFetcher();
    const res = await fetcher.fetch(site.url('/busy'), { allowPrivate: true });
    expect(res.text()).toBe('fine');
    expect(clock.sleeps).toEqual([7000]);
  });

  it('gives up with RetryLaterError when Retry-After is too long', async () => {
    site = await startFixtureServer({
      '/later': { status: 503, headers: { 'retry-after': '3600' } },
    });
    const { fetcher, clock } = testFetcher();
    const err = await fetcher.fetch(site.url('/later'), { allowPrivate: true }).catch((e) => e);
    expect(err).toBeInstanceOf(RetryLaterError);
    expect((err as RetryLaterError).retryAfterMs).toBe(3_600_000);
    expect(err.message).toContain('HTTP 503');
    expect(clock.sleeps).toEqual([]);
  });

  it('times out on a slow site, retries, then fails with RetryLaterError', async () => {
    site = await startFixtureServer({ '/slow': () => undefined /* never answers */ });
    const { fetcher } = testFetcher({ timeoutMs: 150, retries: 1 });
    const err = await fetcher.fetch(site.url('/slow'), { allowPrivate: true }).catch((e) => e);
    expect(err).toBeInstanceOf(RetryLaterError);
    expect(err.message).toMatch(/timed out after 150 ms.*after 2 attempt/);
    expect(site.hits('/slow')).toBe(2);
  });

  it('stops a redirect loop with a clear error', async () => {
    site = await startFixtureServer({
      '/a': { status: 302, headers: { location: '/b' } },
      '/b': { status: 301, headers: { location: '/a' } },
    });
    const { fetcher } = testFetcher();
    const err = await fetcher.fetch(site.url('/a'), { allowPrivate: true }).catch((e) => e);
    expect(err).toBeInstanceOf(SkipItemError);
    expect(err.message).toMatch(/redirect loop: .*\/a → .*\/b → .*\/a/);
  });

  it('limits the number of redirects and follows legitimate ones', async () => {
    const routes: Record<string, { status: number; headers: Record<string, string> }> = {};
    for (let i = 0; i < 8; i++)
      routes[`/r${i}`] = { status: 302, headers: { location: `/r${i + 1}` } };
    site = await startFixtureServer({ ...routes, '/r8': html('end') });
    const { fetcher } = testFetcher({ maxRedirects: 3 });
    await expect(fetcher.fetch(site.url('/r0'), { allowPrivate: true })).rejects.toThrow(
      /too many redirects/,
    );
    const res = await fetcher.fetch(site.url('/r6'), { allowPrivate: true });
    expect(res.url).toBe(site.url('/r8'));
  });

  it('aborts a 50 MB page at the size cap without reading it all', async () => {
    let sent = 0;
    let aborted = false;
    site = await startFixtureServer({
      '/huge': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const total = 50 * 1024 * 1024;
        res.on('close', () => {
          aborted = sent < total;
        });
        const pump = (): void => {
          while (sent < total && !res.destroyed) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
      },
    });
    const { fetcher } = testFetcher({ maxBodyBytes: 1024 * 1024 });
    const err = await fetcher.fetch(site.url('/huge'), { allowPrivate: true }).catch((e) => e);
    expect(err).toBeInstanceOf(SkipItemError);
    expect(err.message).toMatch(/larger than the 1048576-byte limit/);
    await new Promise((r) => setTimeout(r, 50));
    expect(aborted).toBe(true);
    expect(sent).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses a body whose declared length is over the cap', async () => {
    site = await startFixtureServer({
      '/big': (_req, res) => {
        res.writeHead(200, { 'content-length': String(5 * 1024 * 1024) });
        res.write('x');
      },
    });
    const { fetcher } = testFetcher();
    await expect(fetcher.fetch(site.url('/big'), { allowPrivate: true })).rejects.toThrow(
      /declared 5242880 bytes/,
    );
  });

  it('decodes windows-1251 pages and gzip bodies', async () => {
    const text = 'Выборы президента Азербайджана';
    site = await startFixtureServer({
      '/cp1251': {
        headers: { 'content-type': 'text/html; charset=windows-1251' },
        body: iconv.encode(`<p>${text}</p>`, 'windows-1251'),
      },
      '/meta': {
        headers: { 'content-type': 'text/html' },
        body: iconv.encode(`<meta charset="windows-1251"><p>${text}</p>`, 'windows-1251'),
      },
      '/gz': {
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' },
        body: gzipSync(Buffer.from('<p>Seçki 2024</p>')),
      },
    });
    const { fetcher } = testFetcher();
    expect((await fetcher.fetch(site.url('/cp1251'), { allowPrivate: true })).text()).toContain(
      text,
    );
    expect((await fetcher.fetch(site.url('/meta'), { allowPrivate: true })).text()).toContain(text);
    expect((await fetcher.fetch(site.url('/gz'), { allowPrivate: true })).text()).toContain(
      'Seçki 2024',
    );
  });

  it('obeys robots.txt, including Crawl-delay', async () => {
    site = await startFixtureServer({
      '/robots.txt': {
        headers: { 'content-type': 'text/plain' },
        body: 'User-agent: *\nDisallow: /private/\nCrawl-delay: 3\n',
      },
      '/private/page': html('secret'),
      '/public/1': html('one'),
      '/public/2': html('two'),
    });
    const { fetcher, clock } = testFetcher({ hostDelayMs: 100 });
    const err = await fetcher
      .fetch(site.url('/private/page'), { allowPrivate: true })
      .catch((e) => e);
    expect(err).toBeInstanceOf(SkipItemError);
    expect(err.message).toContain('forbidden by robots.txt');
    expect(site.hits('/private/page')).toBe(0);
    await fetcher.fetch(site.url('/public/1'), { allowPrivate: true });
    await fetcher.fetch(site.url('/public/2'), { allowPrivate: true });
    expect(site.hits('/robots.txt')).toBe(1);
    // The Crawl-delay of 3 s replaced the 100 ms host delay between requests.
    expect(clock.sleeps.filter((ms) => ms >= 2900)).not.toHaveLength(0);
  });

  it('sends conditional headers and reports 304 as notModified', async () => {
    site = await startFixtureServer({
      '/feed': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
        res.writeHead(200, { etag: '"v1"', 'last-modified': 'Tue, 06 Feb 2024 10:00:00 GMT' });
        res.end('<rss/>');
      },
    });
    const { fetcher } = testFetcher();
    const first = await fetcher.fetch(site.url('/feed'), { allowPrivate: true });
    expect(first.notModified).toBe(false);
    expect(first.etag).toBe('"v1"');
    const second = await fetcher.fetch(site.url('/feed'), {
      allowPrivate: true,
      validators: { etag: first.etag, lastModified: first.lastModified },
    });
    expect(second.notModified).toBe(true);
    expect(second.status).toBe(304);
    expect(second.etag).toBe('"v1"');
    const last = site.requests.at(-1);
    expect(last?.headers['if-modified-since']).toBe('Tue, 06 Feb 2024 10:00:00 GMT');
  });

  it('sends the descriptive User-Agent, or a browser-like one when asked', async () => {
    site = await startFixtureServer({ '/ua': html('x') });
    const { fetcher } = testFetcher();
    await fetcher.fetch(site.url('/ua'), { allowPrivate: true });
    await fetcher.fetch(site.url('/ua'), { allowPrivate: true, browserUserAgent: true });
    const agents = site.requests
      .filter((r) => r.path === '/ua')
      .map((r) => r.headers['user-agent']);
    expect(agents[0]).toBe('TestMonitor/1.0');
    expect(agents[1]).toMatch(/^Mozilla\/5\.0/);
  });
});

describe('SSRF guard', () => {
  it('refuses loopback addresses unless allowPrivate', async () => {
    site = await startFixtureServer({ '/': html('home') });
    const { fetcher } = testFetcher();
    await expect(fetcher.fetch(site.url('/'))).rejects.toThrow(/private or loopback address/);
    const byName = site.url('/').replace('127.0.0.1', 'localhost');
    await expect(fetcher.fetch(byName)).rejects.toThrow(/private or loopback address/);
    expect(site.hits('/')).toBe(0);
  });

  it('checks every redirect hop', async () => {
    site = await startFixtureServer({
      '/go-meta': { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data' } },
      '/go-local': { status: 302, headers: { location: 'http://127.0.0.2/admin' } },
    });
    // Treat the fixture's own address as public so that only the redirect target is judged.
    const { fetcher } = testFetcher({
      isPrivate: (ip) => ip !== '127.0.0.1' && isPrivateAddress(ip),
    });
    await expect(fetcher.fetch(site.url('/go-meta'))).rejects.toThrow(/169\.254\.169\.254/);
    await expect(fetcher.fetch(site.url('/go-local'))).rejects.toThrow(/127\.0\.0\.2/);
    expect(site.hits('/go-meta')).toBe(1);
  });

  it('classifies addresses', () => {
    for (const ip of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::5',
      '::ffff:127.0.0.1',
      '0.0.0.0',
      '100.64.0.1',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ['8.8.8.8', '185.11.2.3', '172.32.0.1', '2a00:1450::1', '::ffff:8.8.8.8']) {
      expect(isPrivateAddress(ip), ip).toBe(false);
    }
  });
});
