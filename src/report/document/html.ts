// The report as one standalone HTML file: inline CSS, inline SVG charts, print rules with
// page breaks. Every text from data is escaped; chart SVG is cleaned of anything active.
import { renderChart } from '../charts/index.ts';
import { cleanSvg, esc, safeLink } from './escape.ts';
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

const CSS = `
body{font-family:'DejaVu Sans','Liberation Sans',Arial,sans-serif;color:#1a1a1a;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;font-size:11pt}
h1{font-size:20pt;margin:0 0 .3rem}h2{font-size:15pt;border-bottom:2px solid #333;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:12pt;margin:1.2rem 0 .4rem}
.meta{color:#555;margin:.1rem 0}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:9.5pt}
caption{text-align:left;font-weight:bold;padding:.3rem 0}
th,td{border:1px solid #bbb;padding:.25rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#eee}td.num{text-align:right;white-space:nowrap}
tr:last-child td{border-bottom:1px solid #bbb}
figure{margin:1rem 0;page-break-inside:avoid;break-inside:avoid}
figure svg{max-width:100%;height:auto}
figcaption{font-weight:bold;margin-bottom:.3rem}
.note{font-size:9.5pt;color:#444;font-style:italic}
ul.findings{padding-left:1.2rem}
@page{size:A4;margin:18mm 15mm}
@media print{body{margin:0;max-width:none;font-size:10pt}section{break-before:page;page-break-before:always}
section.first{break-before:auto;page-break-before:auto}tr,figure{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}a{color:inherit;text-decoration:none}}
`;

export function tableHtml(t: TextTable): string {
  const numeric = new Set(t.numeric ?? []);
  const cell = (text: string, i: number) => {
    const body = i === t.linkColumn ? safeLink(text) : esc(text);
    return `<td${numeric.has(i) ? ' class="num"' : ''}>${body}</td>`;
  };
  return [
    '<table>',
    t.caption ? `<caption>${esc(t.caption)}</caption>` : '',
    `<thead><tr>${t.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${t.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}

async function chartsHtml(m: ReportModel): Promise<string> {
  const out: string[] = [];
  for (const c of m.charts) {
    const svg = await renderChart(c.kind, c.data as never, { lang: m.lang, format: 'svg' });
    out.push(`<figure><figcaption>${esc(c.title)}</figcaption>${cleanSvg(String(svg))}</figure>`);
  }
  return out.join('\n');
}

const p = (text: string, cls?: string) => `<p${cls ? ` class="${cls}"` : ''}>${esc(text)}</p>`;

export async function renderReportHtml(
  m: ReportModel,
  charts: 'svg-inline' | 'none' = 'svg-inline',
): Promise<string> {
  const t = textsOf(m.lang);
  const s = t.sections;
  const period = `${bakuTime(m.period.from)} – ${bakuTime(m.period.to)}`;
  const last = m.period.lastItemAt ? ` (${t.lastItem}: ${bakuTime(m.period.lastItemAt)})` : '';
  const silence =
    m.silence.total === 0
      ? p(t.noSilenceItems)
      : `${tableHtml(silenceTable(m))}${m.silence.total > m.silence.items.length ? p(t.silenceShown(m.silence.items.length, m.silence.total), 'note') : ''}`;
  const failures =
    m.completeness.failuresTotal === 0
      ? p(t.noFailures)
      : `${tableHtml(failuresTable(m))}${p(t.failuresShown(m.completeness.failures.length, m.completeness.failuresTotal), 'note')}`;
  const findings = m.findings
    .map((f) => {
      const own = f.ownership ? ` (${t.ownership[f.ownership]})` : '';
      const items = f.sentences.map((x) => `<li>${esc(x)}</li>`).join('');
      return `<h3>${esc(f.outletName + own)}</h3><ul class="findings">${items}</ul>`;
    })
    .join('\n');

  return `<!doctype html>
<html lang="${m.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="election-media-monitor">
<title>${esc(m.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(m.title)}</h1>
${p(`${t.periodCovered}: ${period}${last}`, 'meta')}
${p(`${t.generated}: ${bakuTime(m.generatedAt)}`, 'meta')}
</header>
<section class="first">
<h2>${esc(s.methodology)}</h2>
${m.methodology.paragraphs.map((x) => p(x)).join('\n')}
<h3>${esc(t.methodology.units)}</h3>
<ul>${m.methodology.units.map((u) => `<li>${esc(u.text)}</li>`).join('')}</ul>
${tableHtml(sourcesTable(m))}
${p(m.methodology.indicesNote, 'note')}
</section>
<section>
<h2>${esc(s.coverage)}</h2>
${tableHtml(candidateTable(m))}
${tableHtml(outletSharesTable(m))}
${tableHtml(indicesTable(m))}
${m.lang === 'en' ? m.coverage.notes.map((x) => p(x, 'note')).join('\n') : ''}
</section>
${charts === 'svg-inline' ? `<section>\n<h2>${esc(s.charts)}</h2>\n${await chartsHtml(m)}\n</section>` : ''}
<section>
<h2>${esc(s.findings)}</h2>
${findings}
</section>
<section>
<h2>${esc(s.silence)}</h2>
${silence}
</section>
<section>
<h2>${esc(s.completeness)}</h2>
${tableHtml(completenessTable(m))}
${failures}
</section>
</body>
</html>
`;
}
