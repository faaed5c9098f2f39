// End to end, as a new user meets the monitor: `monitor demo` crawls the offline demo
// web into a fresh store; the API answers over it; Chromium drives the dashboard.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../src/api/app.ts';
import { sqliteStore, type SqliteStore } from '../../src/store/sqlite/index.ts';
import { sqliteAccounts } from '../../src/store/sqlite/accounts.ts';
import { hashPassword } from '../../src/api/auth/index.ts';
import { loadTagger } from '../../src/tagging/index.ts';
import type { Store } from '../../src/core/store.ts';
import { runMonitor } from '../helpers/run-monitor.ts';
import { CHROMIUM_ARGS } from '../../src/core/chromium.ts';
import { demoCorpus } from '../../src/demo/corpus.ts';

const CHROMIUM = process.env.MONITOR_CHROMIUM_PATH ?? '/usr/bin/chromium';
const DICTIONARIES = fileURLToPath(new URL('../../dictionaries/', import.meta.url));
const PASSWORD = 'long-enough-password-1';

describe('demo web → crawl → store → API → dashboard', () => {
  let dir: string;
  let store: Store;
  let server: Server;
  let base: string;
  let crawlOutput: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'monitor-e2e-'));
    const run = await runMonitor(['demo', '--no-serve', '--data-dir', dir], {
      env: { MONITOR_LOG_LEVEL: 'warn' },
    });
    crawlOutput = run.stdout;
    expect(run.code, run.stderr).toBe(0);
    store = sqliteStore({ path: join(dir, 'monitor.sqlite') });
    void PASSWORD;
    const election = loadTagger(DICTIONARIES, 'az-2024-presidential').election;
    // A coder account, as `monitor user add` would make it.
    const accounts = sqliteAccounts({ db: (store as SqliteStore).db });
    await accounts.init();
    await accounts.saveUser({
      name: 'aysel',
      role: 'coder',
      passwordHash: await hashPassword(PASSWORD),
      createdAt: new Date().toISOString(),
    });
    const auth = { secret: 'e2e-secret-that-is-long-enough-for-hmac-signing' };
    server = createApp({ store, election, accounts, auth, log: () => {} }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('crawls every demo source once, with reposts linked and no failures', async () => {
    expect(crawlOutput).toMatch(/Stored \d+ items from the demo web/);
    expect(crawlOutput).not.toMatch(/^FAIL/m);
    const health = await store.sourceHealth();
    expect(health.length).toBe(6);
    for (const h of health) expect(h.lastError, h.sourceId).toBeNull();
    const total = await store.countItems();
    expect(total).toBeGreaterThanOrEqual(90);
    expect(await store.countItems({ dedupe: 'story' })).toBeLessThan(total);
  });

  it('keeps exactly the article bodies: no sidebar, ticker or related headline', async () => {
    const articles = Object.values(demoCorpus().articles).flat();
    const titles = articles.map((a) => a.title);
    let checked = 0;
    for await (const batch of store.scanItems(200)) {
      for (const item of batch) {
        const article = articles.find((a) => a.title === item.title);
        if (!article) continue; // Telegram-style posts have no headline
        checked++;
        const norm = (x: string) => x.replace(/\s+/g, ' ').trim();
        expect(norm(item.text), item.url).toBe(norm(article.paragraphs.join(' ')));
        for (const other of titles) {
          if (other !== item.title)
            expect(item.text, `${item.url} holds "${other}"`).not.toContain(other);
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(80);
  });

  it('answers search, metrics and exports over the crawled items', async () => {
    const search = (await (await fetch(`${base}/api/search?q=Nurullayev`)).json()) as {
      total: number;
      hits: Array<{ item: { entities: string[] } }>;
    };
    expect(search.total).toBeGreaterThan(0);
    expect(search.hits.some((h) => h.item.entities.includes('nurullayev_razi'))).toBe(true);
    const silence = (await (await fetch(`${base}/api/search?period=silence`)).json()) as {
      total: number;
      hits: Array<{ item: { publishedAt: string } }>;
    };
    expect(silence.total).toBeGreaterThan(0);
    for (const h of silence.hits) {
      expect(
        h.item.publishedAt >= '2024-02-06T04:00:00.000Z' &&
          h.item.publishedAt < '2024-02-07T04:00:00.000Z',
      ).toBe(true);
    }
    const metrics = (await (
      await fetch(`${base}/api/metrics?unit=items&period=campaign`)
    ).json()) as { subjects: Array<{ entity: string; value: number }>; indices: { gini: number } };
    expect(metrics.subjects).toHaveLength(7);
    const top = [...metrics.subjects].sort((a, b) => b.value - a.value)[0];
    expect(top?.entity).toBe('aliyev_ilham');
    expect(metrics.indices.gini).toBeGreaterThan(0);
    // Bytes, not text(): decoding would swallow the byte-order mark being checked.
    const csv = Buffer.from(await (await fetch(`${base}/api/export/coverage.csv`)).arrayBuffer());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toMatch(/aliyev_ilham/);
    const png = Buffer.from(
      await (await fetch(`${base}/api/charts/lorenz.png?labels=az`)).arrayBuffer(),
    );
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  describe.skipIf(!existsSync(CHROMIUM))(
    `in Chromium (${CHROMIUM}; install it to run these)`,
    () => {
      let browser: Browser;
      let page: Page;
      beforeAll(async () => {
        const { chromium } = await import('playwright-core');
        browser = await chromium.launch({
          executablePath: CHROMIUM,
          args: CHROMIUM_ARGS,
        });
        page = await browser.newPage({ acceptDownloads: true });
      });
      afterAll(async () => {
        await browser?.close();
      });

      it('searches, opens an item with its mentions marked, and switches language', async () => {
        await page.goto(`${base}/#/search?q=Nurullayev`);
        const first = page.locator('ol.results li a.title').first();
        await first.waitFor();
        await expect.poll(() => page.locator('ol.results li').count()).toBeGreaterThan(0);
        expect(await page.locator('ol.results mark').first().textContent()).toMatch(/^Nurullayev/i);
        await first.click();
        await page.locator('article.item').waitFor();
        expect(await page.locator('article.item mark').count()).toBeGreaterThan(0);
        expect(await page.locator('h1').first().textContent()).toBeTruthy();
        await page.click('#lang');
        await expect.poll(() => page.locator('header nav a').first().textContent()).toBe('Search');
      });

      it('lets a coder correct a mention and shows the metric change', async () => {
        const toneOf = async () => {
          const m = (await (await fetch(`${base}/api/metrics?unit=mentions`)).json()) as {
            subjects: Array<{ entity: string; tone: { negative: number } }>;
          };
          return m.subjects.find((x) => x.entity === 'nurullayev_razi')!.tone.negative;
        };
        const before = await toneOf();
        await page.goto(`${base}/#/login`);
        await page.fill('input[name=name]', 'aysel');
        await page.fill('input[name=password]', PASSWORD);
        await page.click('form button[type=submit]');
        await expect.poll(() => page.locator('#who').textContent()).toContain('aysel');
        // The coverage page before: the cell of Nurullayev's tone counts.
        await page.goto(`${base}/#/coverage?unit=mentions`);
        const row = page.locator('table.coverage tr', { hasText: 'Razi Nurullayev' });
        await row.waitFor();
        const cellBefore = await row.locator('td').nth(4).textContent();
        // Open an item about him and correct his mention's tone to negative.
        await page.goto(`${base}/#/search?entity=nurullayev_razi`);
        await page.locator('ol.results li a.title').first().click();
        // The mention whose entity is Nurullayev (every row lists all names in its select).
        const mention = page
          .locator('li.review-mention')
          .filter({
            has: page.locator('select[name=entity] option[value=nurullayev_razi][selected]'),
          })
          .first();
        await mention.waitFor();
        const current = await mention.locator('select[name=tone]').inputValue();
        const target = current === 'negative' ? 'positive' : 'negative';
        await mention.locator('summary').click();
        await mention.locator('select[name=tone]').selectOption(target);
        await mention.locator('form.review-correct button[type=submit]').click();
        // Saving re-renders the item; the stored tone is what counts.
        const expected = before + (target === 'negative' ? 1 : current === 'negative' ? -1 : 0);
        await expect.poll(toneOf).toBe(expected);
        // The coverage page shows the new counts.
        await page.goto(`${base}/#/coverage?unit=mentions&x=1`);
        await row.waitFor();
        await expect.poll(() => row.locator('td').nth(4).textContent()).not.toBe(cellBefore);
      });

      it('downloads a chart and a CSV from the coverage page', async () => {
        await page.goto(`${base}/#/coverage?unit=items`);
        await page.locator('table.coverage').waitFor();
        const [csv] = await Promise.all([
          page.waitForEvent('download'),
          page.click('a[href^="/api/export/coverage.csv"]'),
        ]);
        expect(csv.suggestedFilename()).toMatch(/\.csv$/);
        const csvText = await readFile((await csv.path())!);
        expect([...csvText.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const [svg] = await Promise.all([
          page.waitForEvent('download'),
          page.click('a[href^="/api/charts/lorenz.svg"]'),
        ]);
        expect(svg.suggestedFilename()).toBe('lorenz.svg');
        expect((await readFile((await svg.path())!)).toString('utf8')).toContain('<svg');
      });

      it('shows every source healthy on the sources page', async () => {
        await page.goto(`${base}/#/sources`);
        await page.locator('table.sources tbody tr').first().waitFor();
        expect(await page.locator('table.sources tbody tr').count()).toBe(6);
        expect(
          await page.locator('table.sources tr.failing, table.sources tr.paused').count(),
        ).toBe(0);
      });
    },
  );
});
