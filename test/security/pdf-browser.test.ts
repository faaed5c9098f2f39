// Issue #15 finding 3: every anonymous /api/report.pdf used to launch its own Chromium
// (8 parallel requests → 8 browsers, 77 processes, 7.4 GB summed RSS). Now one shared
// browser prints them through a bounded queue, and finished reports are reused until the
// store changes. Measured: browsers and Chromium processes at their peak, counted in /proc.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTaggedItems } from '../../bench/corpus/with-mentions.ts';
import { chromiumUnder } from '../../bench/render/processes.ts';
import { pdfBurst } from '../../bench/render/render-load.ts';
import { pdfPaths } from '../../bench/render-bench.ts';
import { sharedBrowser, type PdfPrinter } from '../../src/report/render/shared-browser.ts';
import { startApp, type AppHarness } from './app-harness.ts';

const CHROMIUM = process.env.MONITOR_CHROMIUM_PATH ?? '/usr/bin/chromium';
const items = () => [
  ...generateTaggedItems({
    count: 200,
    chars: 600,
    seed: 3,
    days: 30,
    start: '2024-01-10T04:00:00Z',
    electionShare: 0.6,
  }),
];

const waitFor = async (ok: () => boolean, what: string, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe.skipIf(!existsSync(CHROMIUM))(`report PDFs on one shared browser (${CHROMIUM})`, () => {
  let h: AppHarness;
  let printer: PdfPrinter;

  beforeAll(async () => {
    printer = sharedBrowser({ chromiumPath: CHROMIUM, concurrency: 2, maxQueue: 8 });
    h = await startApp({ items: items(), app: { pdfPrinter: printer } });
  });
  afterAll(async () => {
    await printer?.close();
    await h?.close();
  });

  it('prints 8 parallel PDFs for 8 periods with one browser', async () => {
    expect(chromiumUnder().browsers).toBe(0);
    const burst = await pdfBurst(h.base, pdfPaths(8));
    console.log(
      `8 parallel PDFs: ${burst.statuses.join(' ')} in ${(burst.ms / 1000).toFixed(1)} s; peak ${burst.peak.browsers} browser, ${burst.peak.processes} Chromium processes, ${burst.peak.rssMb.toFixed(0)} MB summed RSS (before the fix: 8 browsers, 77 processes, 7,436 MB)`,
    );
    expect(burst.statuses).toEqual(Array(8).fill(200));
    expect(burst.peak.browsers).toBe(1);
    expect(burst.peak.browserPids).toHaveLength(1);
    // One browser with two pages open; eight browsers had 77.
    expect(burst.peak.processes).toBeLessThan(30);
    expect(printer.stats()).toMatchObject({ launches: 1, prints: 8, running: 0, queued: 0 });
  });

  it('renders identical requests once and again only after the store changes', async () => {
    const path = '/api/report.pdf?kind=final&lang=az&from=2024-01-15';
    const before = printer.stats().prints;
    const same = await pdfBurst(h.base, Array(4).fill(path));
    expect(same.statuses).toEqual([200, 200, 200, 200]);
    expect(printer.stats().prints).toBe(before + 1);
    // The same question in other words (a date-time for the same instant) is the same report.
    await pdfBurst(h.base, ['/api/report.pdf?lang=az&kind=final&from=2024-01-15T00:00:00.000Z']);
    expect(printer.stats().prints).toBe(before + 1);
    // A new item changes the store's marker: the next request renders afresh.
    await h.store.upsertItems([
      ...generateTaggedItems({
        count: 1,
        chars: 400,
        seed: 99,
        days: 1,
        start: '2024-01-20T04:00:00Z',
        electionShare: 1,
      }),
    ]);
    await pdfBurst(h.base, [path]);
    expect(printer.stats().prints).toBe(before + 2);
  });

  it('starts a new browser when the shared one dies', async () => {
    const [pid] = chromiumUnder().browserPids;
    expect(pid).toBeDefined();
    process.kill(pid!, 'SIGKILL');
    await waitFor(() => !chromiumUnder().browserPids.includes(pid!), 'the browser to end');
    const burst = await pdfBurst(h.base, ['/api/report.pdf?kind=interim&from=2024-01-16']);
    expect(burst.statuses).toEqual([200]);
    expect(printer.stats().launches).toBe(2);
    expect(chromiumUnder().browsers).toBe(1);
  });

  it('closes the browser with the server and prints nothing after', async () => {
    const other = sharedBrowser({ chromiumPath: CHROMIUM, concurrency: 1, maxQueue: 0 });
    const app = await startApp({ app: { pdfPrinter: other } });
    try {
      expect((await pdfBurst(app.base, ['/api/report.pdf?kind=final'])).statuses).toEqual([200]);
      expect(chromiumUnder().browsers).toBe(2);
      await other.close();
      await waitFor(() => chromiumUnder().browsers === 1, 'the closed browser to end');
      const res = await fetch(`${app.base}/api/report.pdf?kind=final&from=2024-01-02`);
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/the server is closing/);
    } finally {
      await other.close();
      await app.close();
    }
  });
  it('answers a burst beyond the queue with 503 and Retry-After, and prints the rest', async () => {
    // One page printing and two waiting at most.
    const small = sharedBrowser({ chromiumPath: CHROMIUM, concurrency: 1, maxQueue: 2 });
    const app = await startApp({ items: items(), app: { pdfPrinter: small } });
    try {
      const res = await Promise.all(
        pdfPaths(6).map(async (p) => {
          const r = await fetch(app.base + p);
          const body = Buffer.from(await r.arrayBuffer());
          return { status: r.status, retryAfter: r.headers.get('retry-after'), body };
        }),
      );
      const refused = res.filter((r) => r.status !== 200);
      console.log(`6 PDFs at a gate of 1 + 2: ${res.map((r) => r.status).join(' ')}`);
      expect(refused.length).toBeGreaterThan(0);
      expect(res.length - refused.length).toBeGreaterThanOrEqual(3);
      for (const r of refused) {
        expect(r.status).toBe(503);
        expect(Number(r.retryAfter)).toBeGreaterThan(0);
        expect(r.body.toString()).toMatch(/PDF printing is busy \(1 running, 2 waiting\)/);
      }
      for (const r of res.filter((x) => x.status === 200))
        expect(r.body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(small.stats()).toMatchObject({ launches: 1, refused: refused.length });
    } finally {
      await small.close();
      await app.close();
    }
  });
});
