import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { browserCrawler } from '../../../crawlers/browser/index.ts';
import type { BrowserSession, LaunchBrowser } from '../../../crawlers/browser/launch.ts';
import { startFixtureServer } from '../../helpers/fixture-server.ts';
import type { FixtureServer } from '../../helpers/fixture-server.ts';
import { articlePage, crawlAll, makeSource, testFetcher } from './helpers.ts';

let site: FixtureServer | undefined;
afterEach(async () => site?.close());

/** A fake browser that "renders" by returning fixed HTML per URL. */
function fakeLaunch(pages: Record<string, string>) {
  const log = { launched: 0, closed: 0, rendered: [] as string[] };
  const launch: LaunchBrowser = async () => {
    log.launched++;
    const session: BrowserSession = {
      async render(url) {
        log.rendered.push(url);
        const html = pages[url];
        return html === undefined ? { status: 404, url, html: '' } : { status: 200, url, html };
      },
      close: async () => void log.closed++,
    };
    return session;
  };
  return { launch, log };
}

describe('browser crawler', () => {
  it('renders the listing and articles with one browser, closed at the end', async () => {
    site = await startFixtureServer({
      '/robots.txt': { body: 'User-agent: *\nDisallow: /private/\n' },
    });
    const u = (p: string) => site!.url(p);
    const { launch, log } = fakeLaunch({
      [u('/')]:
        `<a href="/xeber/100001">Bir</a><a href="/xeber/100002">İki</a><a href="/private/100003">Üç</a>`,
      [u('/xeber/100001')]: articlePage('Skriptli səhifə', 'Mətn skriptlə gəldi.'),
    });
    const { fetcher } = testFetcher();
    const crawler = browserCrawler({ launch, delayMs: 0 });
    const out = await crawlAll(crawler, makeSource({ kind: 'browser', urls: [u('/')] }), {
      fetcher,
    });
    expect(out.items.map((i) => [i.url, i.title, i.text])).toEqual([
      [u('/xeber/100001'), 'Skriptli səhifə', 'Mətn skriptlə gəldi.'],
    ]);
    expect(out.skips.map((s) => s.reason)).toEqual([
      `HTTP 404 for ${u('/xeber/100002')}`,
      `forbidden by robots.txt: ${u('/private/100003')}`,
    ]);
    expect(log.rendered).not.toContain(u('/private/100003'));
    expect(log).toMatchObject({ launched: 1, closed: 1 });
  });

  it('closes the browser even when the consumer stops early, and reports launch failures', async () => {
    site = await startFixtureServer({});
    const u = (p: string) => site!.url(p);
    const { launch, log } = fakeLaunch({
      [u('/')]: `<a href="/xeber/100001">Bir</a>`,
      [u('/xeber/100001')]: articlePage('Bir', 'Mətn.'),
    });
    const { fetcher } = testFetcher();
    const source = makeSource({ kind: 'browser', urls: [u('/')] });
    const crawler = browserCrawler({ launch, delayMs: 0 });
    const ctxOut = await crawlAll(crawler, source, { fetcher });
    expect(ctxOut.items).toHaveLength(1);
    expect(log.closed).toBe(1);

    const broken = browserCrawler({
      launch: () => Promise.reject(new Error('no such file')),
      executablePath: '/nope',
    });
    const out = await crawlAll(broken, source, { fetcher });
    expect(String(out.failures[0]?.err)).toContain('cannot launch Chromium at /nope');
  });

  it.runIf(existsSync(process.env.MONITOR_CHROMIUM_PATH ?? '/usr/bin/chromium'))(
    'renders a script-built page with real Chromium',
    async () => {
      site = await startFixtureServer({
        '/': {
          body: `<div id="l"></div><script>document.getElementById('l').innerHTML='<a href="/xeber/200001">JS</a>'</script>`,
        },
        '/xeber/200001': {
          body: `<h1>JS xəbəri</h1><article id="a"></article><script>document.getElementById('a').textContent='Skriptlə yazılmış mətn.'</script>`,
        },
      });
      const { fetcher } = testFetcher();
      const out = await crawlAll(
        browserCrawler({ delayMs: 0 }),
        makeSource({ kind: 'browser', urls: [site.url('/')] }),
        { fetcher },
      );
      expect(out.items[0]?.text).toBe('Skriptlə yazılmış mətn.');
    },
    60_000,
  );
});
