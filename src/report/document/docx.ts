// The report as a Word document (docx package, loaded lazily): headings, tables and PNG
// charts, so report writers can paste parts into their assessment.
import type { Paragraph as ParagraphT, Table as TableT } from 'docx';
import { renderChart } from '../charts/index.ts';
import {
  candidateTable,
  completenessTable,
  failuresTable,
  indicesTable,
  outletSharesTable,
  silenceTable,
  sourcesTable,
  type TextTable,
} from './tables.ts';
import { bakuTime, textsOf } from './texts.ts';
import type { ReportModel } from './types.ts';

export interface DocxOptions {
  /** 'png' embeds the charts as images; 'none' leaves them out (faster, e.g. in tests). */
  charts?: 'png' | 'none';
  /** Extra font files for chart PNGs on systems without fonts. */
  fontFiles?: string[];
}

const CHART_W = 900;
const CHART_H = 500;

/** Characters XML 1.0 forbids; crawled titles sometimes carry them. */
const clean = (s: string) =>
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

export async function renderReportDocx(m: ReportModel, opts: DocxOptions = {}): Promise<Buffer> {
  const d = await import('docx');
  const t = textsOf(m.lang);
  const s = t.sections;
  const para = (text: string, extra: { italics?: boolean; bold?: boolean } = {}) =>
    new d.Paragraph({
      children: [new d.TextRun({ text: clean(text), ...extra })],
      spacing: { after: 120 },
    });
  const heading = (text: string, level: 1 | 2 | 3, pageBreak = false) =>
    new d.Paragraph({
      text: clean(text),
      heading:
        level === 1
          ? d.HeadingLevel.HEADING_1
          : level === 2
            ? d.HeadingLevel.HEADING_2
            : d.HeadingLevel.HEADING_3,
      pageBreakBefore: pageBreak,
    });
  const bullet = (text: string) => new d.Paragraph({ text: clean(text), bullet: { level: 0 } });
  const table = (tt: TextTable): Array<ParagraphT | TableT> => {
    const numeric = new Set(tt.numeric ?? []);
    const cell = (text: string, i: number, head: boolean) =>
      new d.TableCell({
        children: [
          new d.Paragraph({
            alignment: numeric.has(i) && !head ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
            children: [new d.TextRun({ text: clean(text), bold: head, size: 18 })],
          }),
        ],
        ...(head ? { shading: { type: d.ShadingType.CLEAR, fill: 'EEEEEE', color: 'auto' } } : {}),
      });
    const out: Array<ParagraphT | TableT> = [];
    if (tt.caption) out.push(para(tt.caption, { bold: true }));
    out.push(
      new d.Table({
        width: { size: 100, type: d.WidthType.PERCENTAGE },
        rows: [
          new d.TableRow({ tableHeader: true, children: tt.head.map((h, i) => cell(h, i, true)) }),
          ...tt.rows.map((r) => new d.TableRow({ children: r.map((x, i) => cell(x, i, false)) })),
        ],
      }),
      para(''),
    );
    return out;
  };

  const children: Array<ParagraphT | TableT> = [
    new d.Paragraph({ text: clean(m.title), heading: d.HeadingLevel.TITLE }),
    para(
      `${t.periodCovered}: ${bakuTime(m.period.from)} – ${bakuTime(m.period.to)}${m.period.lastItemAt ? ` (${t.lastItem}: ${bakuTime(m.period.lastItemAt)})` : ''}`,
    ),
    para(`${t.generated}: ${bakuTime(m.generatedAt)}`),
    heading(s.methodology, 1),
    ...m.methodology.paragraphs.map((x) => para(x)),
    heading(t.methodology.units, 3),
    ...m.methodology.units.map((u) => bullet(u.text)),
    ...table(sourcesTable(m)),
    para(m.methodology.indicesNote, { italics: true }),
    heading(s.coverage, 1, true),
    ...table(candidateTable(m)),
    ...table(outletSharesTable(m)),
    ...table(indicesTable(m)),
  ];
  if ((opts.charts ?? 'png') === 'png') {
    children.push(heading(s.charts, 1, true));
    for (const c of m.charts) {
      const png = await renderChart(c.kind, c.data as never, {
        lang: m.lang,
        format: 'png',
        width: CHART_W,
        height: CHART_H,
        ...(opts.fontFiles ? { fontFiles: opts.fontFiles } : {}),
      });
      children.push(
        para(c.title, { bold: true }),
        new d.Paragraph({
          children: [
            new d.ImageRun({
              type: 'png',
              data: png as Buffer,
              transformation: { width: 600, height: Math.round((600 * CHART_H) / CHART_W) },
              altText: { name: c.kind, title: clean(c.title), description: clean(c.title) },
            }),
          ],
        }),
      );
    }
  }
  children.push(heading(s.findings, 1, true));
  for (const f of m.findings) {
    children.push(heading(f.outletName + (f.ownership ? ` (${t.ownership[f.ownership]})` : ''), 3));
    children.push(...f.sentences.map(bullet));
  }
  children.push(heading(s.silence, 1, true));
  if (m.silence.total === 0) children.push(para(t.noSilenceItems));
  else {
    children.push(...table(silenceTable(m)));
    if (m.silence.total > m.silence.items.length)
      children.push(
        para(t.silenceShown(m.silence.items.length, m.silence.total), { italics: true }),
      );
  }
  children.push(heading(s.completeness, 1, true), ...table(completenessTable(m)));
  if (m.completeness.failuresTotal === 0) children.push(para(t.noFailures));
  else
    children.push(
      ...table(failuresTable(m)),
      para(t.failuresShown(m.completeness.failures.length, m.completeness.failuresTotal), {
        italics: true,
      }),
    );

  const doc = new d.Document({
    title: clean(m.title),
    creator: 'election-media-monitor',
    styles: { default: { document: { run: { font: 'DejaVu Sans', size: 20 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1020, bottom: 1020, left: 850, right: 850 },
          },
        },
        children,
      },
    ],
  });
  return d.Packer.toBuffer(doc);
}
