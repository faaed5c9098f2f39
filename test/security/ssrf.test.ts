// Server-side request forgery: the HTTP fetcher and the browser crawler never reach a
// private or loopback address, however it is spelt or reached (redirect, DNS name, a
// request made by the page inside Chromium), unless the source allows private addresses.
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { browserCrawler } from '../../crawlers/browser/index.ts';
import { isPrivateAddress } from '../../crawlers/http/index.ts';
import { urlRefusal } from '../../crawlers/http/guard.ts';
import type { ResolveHost } from '../../crawlers/http/request.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { articlePage, crawlAll, makeSource, testFetcher } from '../unit/crawlers/helpers.ts';

const CHROMIUM = process.env.MONITOR_CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A server on `host` that counts every request: the target an attacker wants reached. */
async function secretServer(host: string) {
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    paths.push(req.url ?? '/');
    res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>secret</h1><article>x</article>');
  });
  await new Promise<void>((r) => server.listen(0, host, r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    paths,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** DNS as the test wants it: names point at loopback, everything else fails. */
const fakeDns =
  (table: Record<string, string[]>): ResolveHost =>
  async (host) => {
    const ips = table[host];
    if (!ips) throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return ips.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup) await c();
  cleanup = [];
});

async function fixture(routes: Parameters<typeof startFixtureServer>[0]): Promise<FixtureServer> {
  const site = await startFixtureServer(routes);
  cleanup.push(() => site.close());
  return site;
}

async function secret(host: string) {
  const s = await secretServer(host);
  cleanup.push(s.close);
  return s;
}

describe('HTTP fetcher SSRF guard', () => {
  it('refuses loopback however the address is spelt, and never connects', async () => {
    const site = await fixture({ '/': { body: 'home' } });
    const port = new URL(site.origin).port;
    const { fetcher } = testFetcher();
    for (const host of [
      '2130706433', // decimal 127.0.0.1
      '0x7f.1', // hex and short form
      '0x7f000001',
      '017700000001', // octal
      '127.1',
      '[::ffff:127.0.0.1]', // IPv4-mapped IPv6 (the URL parser rewrites it to ::ffff:7f00:1)
      '[::ffff:7f00:1]',
      '[0:0:0:0:0:ffff:7f00:1]',
      '[::127.0.0.1]', // IPv4-compatible
    ]) {
      await expect(fetcher.fetch(`http://${host}:${port}/`), host).rejects.toThrow(
        /private or loopback address/,
      );
    }
    expect(site.requests).toEqual([]);
  });

  it('refuses a DNS name that resolves to loopback, even beside a public address', async () => {
    const site = await fixture({ '/': { body: 'home' } });
    const port = new URL(site.origin).port;
    const { fetcher } = testFetcher({
      resolve: fakeDns({
        'news.example': ['127.0.0.1'],
        'mixed.example': ['8.8.8.8', '127.0.0.1'],
      }),
    });
    await expect(fetcher.fetch(`http://news.example:${port}/`)).rejects.toThrow(
      /news\.example is a private or loopback address \(127\.0\.0\.1\)/,
    );
    await expect(fetcher.fetch(`http://mixed.example:${port}/`)).rejects.toThrow(/127\.0\.0\.1/);
    expect(site.requests).toEqual([]);
  });

  it('refuses every redirect from a public-looking host to an internal address', async () => {
    const target = await secret('127.0.0.1');
    const p = target.port;
    const redirects: Record<string, string> = {
      '/to-loopback': `http://127.0.0.1:${p}/secret`,
      '/to-metadata': 'http://169.254.169.254/latest/meta-data/',
      '/to-mapped': `http://[::ffff:127.0.0.1]:${p}/secret`,
      '/to-decimal': `http://2130706433:${p}/secret`,
      '/to-hex': `http://0x7f.1:${p}/secret`,
      '/to-name': `http://internal.example:${p}/secret`,
      '/to-relative-hop': '/to-loopback',
    };
    // The "public" site is served on ::1, reached as news.example; only ::1 counts as public.
    const site = await new Promise<{ port: number; close: () => Promise<void> }>((resolve) => {
      const server = http.createServer((req, res) => {
        const location = redirects[req.url ?? ''];
        if (location) res.writeHead(302, { location }).end();
        else res.writeHead(404).end();
      });
      server.listen(0, '::1', () =>
        resolve({
          port: (server.address() as AddressInfo).port,
          close: () => new Promise((r) => server.close(() => r())),
        }),
      );
    });
    cleanup.push(site.close);
    const { fetcher } = testFetcher({
      isPrivate: (ip) => ip !== '::1' && isPrivateAddress(ip),
      resolve: fakeDns({ 'news.example': ['::1'], 'internal.example': ['127.0.0.1'] }),
    });
    for (const path of Object.keys(redirects)) {
      await expect(fetcher.fetch(`http://news.example:${site.port}${path}`), path).rejects.toThrow(
        /private or loopback address/,
      );
    }
    expect(target.paths).toEqual([]);
    // The same redirect with allowPrivate reaches the target: the refusal above was the guard.
    const allowed = await fetcher.fetch(`http://news.example:${site.port}/to-loopback`, {
      allowPrivate: true,
    });
    expect(allowed.status).toBe(200);
    expect(target.paths).toContain('/secret');
  });

  it('refuses a redirect to [::1] from a public-looking IPv4 host', async () => {
    const target = await secret('::1');
    const site = await fixture({
      '/go': { status: 302, headers: { location: `http://[::1]:${target.port}/secret` } },
    });
    const { fetcher } = testFetcher({
      isPrivate: (ip) => ip !== '127.0.0.1' && isPrivateAddress(ip),
    });
    await expect(fetcher.fetch(site.url('/go'))).rejects.toThrow(/::1/);
    expect(target.paths).toEqual([]);
  });

  it('lets every spelling through when the source sets allowPrivate', async () => {
    const site = await fixture({ '/': { body: 'home' } });
    const port = new URL(site.origin).port;
    const { fetcher } = testFetcher({ resolve: fakeDns({ 'demo.example': ['127.0.0.1'] }) });
    for (const host of ['2130706433', '0x7f.1', '[::ffff:127.0.0.1]', 'demo.example']) {
      const res = await fetcher.fetch(`http://${host}:${port}/`, { allowPrivate: true });
      expect(res.text(), host).toBe('home');
    }
  });

  it('urlRefusal: only http(s) goes out; data: stays local; unresolvable names are refused', async () => {
    const resolve = fakeDns({ 'ok.example': ['93.184.216.34'] });
    expect(await urlRefusal('http://ok.example/a', { resolve })).toBeNull();
    expect(await urlRefusal('data:text/plain,hello', { resolve })).toBeNull();
    expect(await urlRefusal('file:///etc/passwd', { resolve })).toMatch(/only http and https/);
    expect(await urlRefusal('http://gone.example/', { resolve })).toMatch(/cannot resolve/);
    expect(await urlRefusal('http://[::ffff:a9fe:a9fe]/', { resolve })).toMatch(/private/);
  });
});

describe.skipIf(!existsSync(CHROMIUM))('browser crawler SSRF guard (Chromium)', () => {
  // The fixture site on 127.0.0.1 stands for a public outlet; every other private address
  // (the secret server on ::1, the metadata address) must stay unreached.
  const addressCheck = { isPrivate: (ip: string) => ip !== '127.0.0.1' && isPrivateAddress(ip) };

  async function setup() {
    const target = await secret('::1');
    const s = `http://[::1]:${target.port}`;
    const site = await fixture({
      '/': {
        body: `<a href="/xeber/300001">Bir</a><a href="/xeber/300002">İki</a><a href="/xeber/300003">Üç</a>`,
      },
      '/xeber/300001': {
        body: articlePage(
          'Səhifə içindən sorğular',
          'Bu xəbərin mətni yerindədir.',
          `<img src="${s}/img"><iframe src="http://169.254.169.254/latest/"></iframe>` +
            `<script>fetch('${s}/fetch').catch(() => {}); ` +
            `location.hash = 'x'; new Image().src = '${s}/beacon';</script>`,
        ),
      },
      '/xeber/300002': { status: 302, headers: { location: `${s}/redirected` } },
      // Two hops: the first stays on the public site, the second leaves for ::1.
      '/xeber/300003': { status: 301, headers: { location: '/hop' } },
      '/hop': { status: 307, headers: { location: `${s}/second-hop` } },
    });
    return { target, site };
  }

  it('blocks redirects and subresource requests to refused addresses', async () => {
    const { target, site } = await setup();
    const { fetcher } = testFetcher({ isPrivate: addressCheck.isPrivate });
    const crawler = browserCrawler({ delayMs: 0, addressCheck });
    const source = makeSource({ kind: 'browser', urls: [site.url('/')], allowPrivate: false });
    const out = await crawlAll(crawler, source, { fetcher });
    expect(out.failures).toEqual([]);
    // The article still comes through; its requests to ::1 do not.
    expect(out.items.map((i) => i.title)).toEqual(['Səhifə içindən sorğular']);
    expect(out.skips.map((x) => x.reason)).toEqual([
      expect.stringMatching(/refused http:\/\/\[::1\]:\d+\/redirected.*private or loopback/),
      expect.stringMatching(/refused http:\/\/\[::1\]:\d+\/second-hop.*private or loopback/),
    ]);
    expect(target.paths).toEqual([]);
    expect(site.hits('/xeber/300001')).toBe(1);
  }, 60_000);

  it('lets the same page reach them when the source allows private addresses', async () => {
    const { target, site } = await setup();
    const { fetcher } = testFetcher();
    const crawler = browserCrawler({ delayMs: 0, addressCheck });
    const source = makeSource({ kind: 'browser', urls: [site.url('/')], allowPrivate: true });
    await crawlAll(crawler, source, { fetcher });
    // Without the guard the page's own requests arrive: the test above would notice a leak.
    expect(target.paths).toEqual(
      expect.arrayContaining(['/img', '/fetch', '/redirected', '/second-hop']),
    );
  }, 60_000);
});
