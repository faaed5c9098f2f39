// The demo web crawled into a fresh store, then the final report printed to PDF by
// Chromium and written as DOCX, as `monitor report` does.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/store.ts';
import {
  buildReport,
  renderReportDocx,
  renderReportHtml,
  renderReportPdf,
  type ReportModel,
} from '../../src/report/document/index.ts';
import { sqliteStore } from '../../src/store/sqlite/index.ts';
import { loadElection } from '../../src/tagging/index.ts';
import { runMonitor } from '../helpers/run-monitor.ts';

const CHROMIUM = process.env.MONITOR_CHROMIUM_PATH ?? '/usr/bin/chromium';
const ELECTION_DIR = fileURLToPath(
  new URL('../../dictionaries/az-2024-presidential', import.meta.url),
);

describe('demo web → crawl → report', () => {
  let dir: string;
  let store: Store;
  let model: ReportModel;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'monitor-report-e2e-'));
    const run = await runMonitor(['demo', '--no-serve', '--data-dir', dir], {
      env: { MONITOR_LOG_LEVEL: 'warn' },
    });
    expect(run.code, run.stderr).toBe(0);
    store = sqliteStore({ path: join(dir, 'monitor.sqlite') });
    model = await buildReport(store, loadElection(ELECTION_DIR), { kind: 'final', lang: 'az' });
  });

  afterAll(async () => {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reports every demo outlet, the silence-period items and complete fetches', () => {
    expect(model.findings).toHaveLength(6);
    expect(model.coverage.candidates).toHaveLength(7);
    expect(model.coverage.totalMentions).toBeGreaterThan(50);
    expect(model.silence.total).toBeGreaterThan(0);
    for (const s of model.silence.items) expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect(model.completeness.sources).toHaveLength(6);
    expect(model.completeness.failuresTotal).toBe(0);
    for (const f of model.findings) expect(f.sentences.length).toBeGreaterThan(0);
  });

  it('writes a DOCX with the title and the charts', async () => {
    const docx = await renderReportDocx(model, { charts: 'png' });
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(docx.includes(Buffer.from('word/document.xml'))).toBe(true);
    expect(docx.includes(Buffer.from('word/media/'))).toBe(true);
  });

  describe.skipIf(!existsSync(CHROMIUM))(
    `printed by Chromium (${CHROMIUM}; install it to run this)`,
    () => {
      it('prints a PDF of several A4 pages', async () => {
        const html = await renderReportHtml(model, 'svg-inline');
        const pdf = await renderReportPdf(html, { chromiumPath: CHROMIUM });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
        expect(pages.length).toBeGreaterThan(1);
        // A4 is 595 × 842 points.
        expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12]/);
      });
    },
  );
});
