import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { Command } from 'commander';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../../src/api/errors.ts';
import { reportRoutes } from '../../../src/api/routes/report.ts';
import { createContext } from '../../../src/cli/context.ts';
import { registerReport } from '../../../src/cli/commands/report.ts';
import type { Store } from '../../../src/core/store.ts';
import {
  buildReport,
  renderReportDocx,
  renderReportHtml,
  type ReportModel,
} from '../../../src/report/document/index.ts';
import { ELECTION, HOSTILE_TITLE, reportStore } from './document-fixture.ts';

/** Entries of a zip file by name, read from its central directory. */
function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThan(0);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + size);
    out.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

describe('report renderers', () => {
  let store: Store;
  let model: ReportModel;
  let html: string;

  beforeAll(async () => {
    store = await reportStore();
    model = await buildReport(store, ELECTION, {
      kind: 'final',
      lang: 'en',
      generatedAt: new Date('2024-03-01T00:00:00Z'),
    });
    html = await renderReportHtml(model, 'svg-inline');
  });
  afterAll(async () => {
    await store.close();
  });

  it('writes a standalone HTML document with inline SVG charts and print CSS', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*break-before:page/);
    expect(html.match(/<svg/g)?.length).toBe(4);
    expect(html).not.toMatch(/<link|src="http/);
    for (const s of Object.values({
      a: 'Methodology',
      b: 'Data completeness',
      c: 'Findings by outlet',
    }))
      expect(html).toContain(`<h2>${s}</h2>`);
  });

  it('escapes a hostile title wherever it appears', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Zahid Oruc &amp; co');
    expect(html).not.toContain(HOSTILE_TITLE);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<a href="https://azadsoz.example/sukut">');
  });

  it('leaves the charts out when asked', async () => {
    const bare = await renderReportHtml(model, 'none');
    expect(bare).not.toContain('<svg');
    expect(bare).toContain(model.title);
  });

  it('writes a DOCX (a zip with word/document.xml) holding the title, tables and PNG charts', async () => {
    const docx = await renderReportDocx(model, { charts: 'png' });
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const files = unzip(docx);
    const xml = files.get('word/document.xml')?.toString('utf8') ?? '';
    expect(xml).toContain(model.title);
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).toContain('<w:tbl>');
    const pngs = [...files.keys()].filter((n) => n.startsWith('word/media/'));
    expect(pngs).toHaveLength(4);
    for (const n of pngs) expect(files.get(n)?.subarray(1, 4).toString()).toBe('PNG');
  });

  describe('GET /api/report', () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      const app = express();
      app.use('/api', reportRoutes(store, ELECTION, { chromiumPath: '/nonexistent/chromium' }));
      app.use(errorHandler(() => {}));
      server = app.listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    });
    afterAll(() => {
      server?.close();
    });

    it('answers bad parameters with 400 and says what is allowed', async () => {
      for (const q of ['kind=weekly&lang=en', 'kind=final&lang=fr', 'lang=en']) {
        const res = await fetch(`${base}/report.html?${q}`);
        expect(res.status, q).toBe(400);
        expect(((await res.json()) as { error: string }).error).toMatch(/interim or final/);
      }
      const date = await fetch(`${base}/report.html?kind=final&from=yesterday`);
      expect(date.status).toBe(400);
      expect(((await date.json()) as { error: string }).error).toMatch(/not a date/);
      expect((await fetch(`${base}/report.txt?kind=final`)).status).toBe(404);
    });

    it('downloads the HTML and DOCX reports as attachments', async () => {
      const res = await fetch(`${base}/report.html?kind=final&lang=az`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(
        /attachment; filename="?report-az-2024-presidential-final-az\.html/,
      );
      expect(await res.text()).toMatch(/yekun hesabat/);
      const docx = await fetch(`${base}/report.docx?kind=interim&lang=en`);
      expect(docx.headers.get('content-type')).toMatch(/wordprocessingml/);
      expect(
        Buffer.from(await docx.arrayBuffer())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
    });

    it('says 503 with the reason when Chromium is missing for a PDF', async () => {
      const res = await fetch(`${base}/report.pdf?kind=final`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: string }).error).toMatch(
        /No Chromium at \/nonexistent/,
      );
    });
  });

  it('monitor report writes the named files and prints their paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
    try {
      const file = await reportStore(join(dir, 'data', 'monitor.sqlite'));
      await file.close();
      const program = new Command().exitOverride();
      const ctx = createContext({ dataDir: join(dir, 'data'), logLevel: 'error' }, {});
      registerReport(program, () => ctx);
      const printed: string[] = [];
      const write = process.stdout.write.bind(process.stdout);
      process.stdout.write = ((s: string) => (
        printed.push(s),
        true
      )) as typeof process.stdout.write;
      try {
        await program.parseAsync(
          [
            'report',
            '--election',
            ELECTION.id,
            '--kind',
            'interim',
            '--lang',
            'az',
            '--format',
            'html,docx',
            '--out',
            join(dir, 'out'),
          ],
          { from: 'user' },
        );
      } finally {
        process.stdout.write = write;
      }
      const names = readdirSync(join(dir, 'out')).sort();
      expect(names).toEqual([
        'report-az-2024-presidential-interim-az.docx',
        'report-az-2024-presidential-interim-az.html',
      ]);
      expect(printed.join('')).toContain(join(dir, 'out', names[1]!));
      expect(readFileSync(join(dir, 'out', names[1]!), 'utf8')).toMatch(/aralıq hesabat/);
      await expect(
        program.parseAsync(['report', '--kind', 'weekly'], { from: 'user' }),
      ).rejects.toThrow(/interim or final/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
