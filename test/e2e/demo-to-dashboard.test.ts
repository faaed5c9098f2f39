// End to end, as a new user meets the monitor: `monitor demo` crawls the offline demo
// web into a fresh store; the API answers over it; Chromium drives the dashboard.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../src/api/app.ts';
import { sqliteStore } from '../../src/store/sqlite/index.ts';
import { loadTagger } from '../../src/tagging/index.ts';
import type { Store } from '../../src/core/store.ts';
import { runMonitor } from '../helpers/run-monitor.ts';
import { CHROMIUM_ARGS } from '../../src/core/chromium.ts';
import { demoCorpus } from '../../src/demo/corpus.ts';

const CHROMIUM = process.env.MONITOR_CHROMIUM_PATH ?? '/usr/bin/chromium';
const DICTIONARIES = fileURLToPath(new URL('../../dictionaries/', import.meta.url));

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
    const election = loadTagger(DICTIONARIES, 'az-2024-presidential').election;
    server = createApp({ store, election, log: () => {} }).listen(0, '127.0.0.1');
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
        page = await browser.newPage();
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
