// Findings 3 and 5 of issue #15 under the same load before and after:
//   8 report PDFs at once → Chromium browsers, processes and memory at their peak;
//   3 clients asking for heavy renders (PNG charts, DOCX reports, the mentions export)
//   → /api/health latency.
// Runs the real app on a SQLite file with read workers, as `monitor start` does, and the
// render threads and shared browser when this tree has them.
//   RENDER_ITEMS (default 3,000), RENDER_SECONDS (default 15)
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppDeps } from '../src/api/app.ts';
import { DICTIONARIES_DIR } from '../src/cli/context.ts';
import { sqliteStore } from '../src/store/sqlite/index.ts';
import { readWorkers } from '../src/store/sqlite/read-workers/index.ts';
import { loadElection } from '../src/tagging/index.ts';
import { generateTaggedItems } from './corpus/with-mentions.ts';
import {
  healthUnderRenders,
  pdfBurst,
  type HealthUnderRenders,
  type PdfBurst,
} from './render/render-load.ts';

export interface RenderBench {
  workers: boolean;
  pdf: PdfBurst;
  health: HealthUnderRenders;
}

/** The heavy requests of finding 5; `i` varies the period so no answer is reused. */
export const heavyRender = (i: number): string => {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const from = `2023-12-${day}`;
  switch (i % 3) {
    case 0:
      return `/api/charts/share-by-outlet.png?width=2400&height=1600&from=${from}`;
    case 1:
      return `/api/report.docx?kind=interim&from=${from}`;
    default:
      return `/api/export/mentions.csv?from=${from}`;
  }
};

/** Eight PDFs, each for another period, so none can be served from the cache. */
export const pdfPaths = (n = 8): string[] =>
  Array.from(
    { length: n },
    (_, i) => `/api/report.pdf?kind=final&from=2023-12-${String(1 + i).padStart(2, '0')}`,
  );

async function renderDeps(): Promise<Partial<AppDeps> & { close?: () => Promise<void> }> {
  // Absent before the fix: then the app renders as it always did.
  try {
    const { renderPool } = await import('../src/report/render/render-pool.ts');
    const { sharedBrowser } = await import('../src/report/render/shared-browser.ts');
    const renderer = renderPool({ workers: 2, maxQueue: 8 });
    const pdfPrinter = sharedBrowser({
      chromiumPath: '/usr/bin/chromium',
      concurrency: 2,
      maxQueue: 8,
    });
    return {
      renderer,
      pdfPrinter,
      close: async () => {
        await Promise.all([renderer.close(), pdfPrinter.close()]);
      },
    };
  } catch {
    return {};
  }
}

export async function benchRender(): Promise<RenderBench> {
  const dir = mkdtempSync(join(tmpdir(), 'render-bench-'));
  const store = sqliteStore({ path: join(dir, 'monitor.sqlite') });
  await store.upsertItems([
    ...generateTaggedItems({
      count: Number(process.env.RENDER_ITEMS ?? 3000),
      chars: 800,
      seed: 7,
      days: 60,
      start: '2023-12-20T04:00:00Z',
      electionShare: 0.5,
    }),
  ]);
  const reads = readWorkers(store, { path: join(dir, 'monitor.sqlite'), workers: 2 });
  const election = loadElection(join(DICTIONARIES_DIR, 'az-2024-presidential'));
  const { close, ...render } = await renderDeps();
  const server = createApp({ store: reads.store, election, log: () => {}, ...render }).listen(
    0,
    '127.0.0.1',
  );
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const pdf = await pdfBurst(base, pdfPaths());
    const health = await healthUnderRenders(base, {
      clients: 3,
      heavy: heavyRender,
      durationMs: Number(process.env.RENDER_SECONDS ?? 15) * 1000,
    });
    return { workers: !!close, pdf, health };
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await close?.();
    await reads.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatRenderBench(r: RenderBench): string {
  const count = (xs: number[]) =>
    Object.entries(xs.reduce<Record<number, number>>((m, s) => ((m[s] = (m[s] ?? 0) + 1), m), {}))
      .map(([s, n]) => `${n}×${s}`)
      .join(' ');
  const h = r.health.health;
  return [
    `render threads and shared browser: ${r.workers ? 'yes' : 'no (before the fix)'}`,
    `8 parallel report PDFs: ${count(r.pdf.statuses)} in ${(r.pdf.ms / 1000).toFixed(1)} s; peak ${r.pdf.peak.browsers} browser(s), ${r.pdf.peak.processes} Chromium processes, ${r.pdf.peak.rssMb.toFixed(0)} MB summed RSS`,
    `/api/health with 3 clients rendering: p50 ${h.p50.toFixed(0)} ms, p95 ${h.p95.toFixed(0)} ms, max ${h.max.toFixed(0)} ms over ${h.count} checks; renders answered ${Object.entries(
      r.health.renders,
    )
      .map(([s, n]) => `${n}×${s}`)
      .join(' ')}`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatRenderBench(await benchRender()));
}
