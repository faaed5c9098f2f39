// Hostile crawled text and dictionary labels in the server-made outputs: the HTML report,
// the chart SVGs and the CSV/XLSX exports never carry them in an executable form.
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, renderReportHtml } from '../../src/report/document/index.ts';
import { CHART_KINDS, renderSvg, type ChartDataMap } from '../../src/report/charts/index.ts';
import { toCsv } from '../../src/report/tables/index.ts';
import { sqliteStore, type SqliteStore } from '../../src/store/sqlite/index.ts';
import { Browser, PASSWORDS, startApp, USERS, type AppHarness } from './app-harness.ts';
import { FORMULAS, hostileElection, P, seedHostile } from './hostile-fixture.ts';

/** Everything in `markup` that a browser would run. */
function executable(markup: string, xml = false): string[] {
  const $ = cheerio.load(markup, xml ? { xml: true } : {});
  const found: string[] = [];
  $('script, foreignObject, iframe, object, embed').each((_, node) => {
    found.push(`<${(node as { tagName?: string }).tagName}>`);
  });
  $('*').each((_, node) => {
    const el = node as { tagName?: string; attribs?: Record<string, string> };
    for (const [name, value] of Object.entries(el.attribs ?? {})) {
      if (/^on/i.test(name)) found.push(`${el.tagName} ${name}=${value}`);
      if (/href|src|action/i.test(name) && /^\s*(javascript|data|vbscript):/i.test(value))
        found.push(`${el.tagName} ${name}=${value}`);
    }
  });
  return found;
}

describe('HTML report and chart SVG with hostile names', () => {
  let store: SqliteStore;
  let html: string;
  beforeAll(async () => {
    store = sqliteStore({ path: ':memory:' });
    await seedHostile(store);
    const model = await buildReport(store, hostileElection(), {
      kind: 'final',
      lang: 'en',
      generatedAt: new Date('2024-03-01T00:00:00Z'),
    });
    html = await renderReportHtml(model, 'svg-inline');
  });
  afterAll(() => store?.close());

  it('has no script, handler or javascript: link, and keeps only its own style sheet', () => {
    expect(executable(html)).toEqual([]);
    const $ = cheerio.load(html);
    // The report's own sheet in <head>; the charts' sheets are echarts' own class rules.
    expect($('head style')).toHaveLength(1);
    $('style').each((_, el) => expect($(el).text()).not.toContain('__xss'));
    expect($('img')).toHaveLength(0);
  });

  it('shows the hostile texts as text (so the test proves they were rendered)', () => {
    const text = cheerio.load(html)('body').text();
    expect(text).toContain(`Xəbər ${P.script} Zahid Oruc`); // silence-period title
    expect(text).toContain(`Kanal ${P.img}`); // outlet name
    expect(text).toContain('Zahid Oruc <svg onload'); // candidate label
    // The javascript: URL is shown, never linked.
    expect(text).toContain(P.js);
  });

  it('renders every chart kind without executable parts, names kept as text', async () => {
    const names = {
      subjectNames: { a: `A ${P.script}`, b: `B ${P.svg}` },
      outletNames: { o: `O ${P.img}`, q: `Q ${P.style}` },
    };
    const data: ChartDataMap = {
      'share-by-outlet': {
        ...names,
        rows: [
          { outlet: 'o', subject: 'a', value: 3 },
          { outlet: 'q', subject: 'b', value: 2 },
        ],
      },
      'coverage-over-time': {
        ...names,
        rows: [
          { date: '2024-01-20', subject: 'a', value: 2 },
          { date: '2024-01-21', subject: 'b', value: 1 },
        ],
      },
      'tone-by-subject': {
        ...names,
        subjects: [
          { subject: 'a', positive: 1, neutral: 2, negative: 3 },
          { subject: 'b', positive: 0, neutral: 1, negative: 0 },
        ],
      },
      lorenz: {
        ...names,
        values: [
          { subject: 'a', value: 5 },
          { subject: 'b', value: 1 },
        ],
      },
    };
    for (const kind of CHART_KINDS) {
      const svg = await renderSvg(kind, data[kind] as never, { lang: 'en' });
      expect(executable(svg, true), kind).toEqual([]);
      const text = cheerio.load(svg, { xml: true }).root().text();
      if (kind !== 'lorenz') expect(text, kind).toMatch(/A <script>|B <svg|O "><img|Q <\/style>/);
    }
  });
});

/** RFC 4180 fields of a CSV text (quotes, doubled quotes, CRLF). */
function csvCells(csv: string): string[] {
  const cells: string[] = [];
  const re = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,\r\n]*))/gy;
  for (const line of csv.replace(/^\uFEFF/, '').split(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m && m[0] !== ''; m = re.exec(line))
      cells.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? ''));
  }
  return cells;
}

describe('CSV and XLSX exports with formula-like cells', () => {
  let hx: AppHarness;
  let viewer: Browser;
  beforeAll(async () => {
    hx = await startApp({ election: hostileElection() });
    await seedHostile(hx.store);
    viewer = new Browser(hx.base);
    await viewer.login(USERS.viewer, PASSWORDS.viewer);
  });
  afterAll(() => hx?.close());

  const download = async (path: string) => {
    const res = await fetch(hx.base + path);
    expect(res.status, path).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  it('toCsv neutralises = + - @ tab and CR at the start of text cells by default', () => {
    const rows = [...FORMULAS, '\t=1', '\r=1', 'plain', '-'].map((t) => ({ t, n: -5 }));
    const cells = csvCells(
      toCsv(rows, [
        { key: 't', header: 't' },
        { key: 'n', header: 'n' },
      ]),
    );
    const texts = cells.filter((_, i) => i % 2 === 0).slice(1);
    for (const t of texts.filter((x) => x !== 'plain')) expect(t.startsWith("'"), t).toBe(true);
    expect(texts).toContain('plain');
    // Numbers stay numbers: a negative count is not a formula.
    expect(
      cells
        .filter((_, i) => i % 2 === 1)
        .slice(1)
        .every((n) => n === '-5'),
    ).toBe(true);
  });

  it('the API exports guard every data cell', async () => {
    for (const name of ['items', 'mentions', 'coverage']) {
      const cells = csvCells((await download(`/api/export/${name}.csv`)).toString('utf8'));
      expect(cells.length, name).toBeGreaterThan(5);
      const risky = cells.filter((c) => /^[=+@\t\r]/.test(c) || /^-(?!\d+(\.\d+)?$)/.test(c));
      expect(risky, name).toEqual([]);
    }
    const items = (await download('/api/export/items.csv')).toString('utf8');
    expect(items).toContain(`'${P.formula.replace(/"/g, '""')}`);
  });

  it('XLSX exports hold the hostile texts as plain strings, never formulas', async () => {
    const { default: ExcelJS } = await import('exceljs');
    for (const name of ['items', 'mentions']) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await download(`/api/export/${name}.xlsx`)) as unknown as ArrayBuffer);
      const strings: string[] = [];
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            expect(cell.type, `${name} ${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
            expect(cell.formula, `${name} ${cell.address}`).toBeFalsy();
            if (typeof cell.value === 'string') strings.push(cell.value);
          }),
        ),
      );
      expect(
        strings.some((s) => s.includes('HYPERLINK') || s.includes('SUM')),
        name,
      ).toBe(true);
    }
  });
});
