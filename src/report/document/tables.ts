// The report's tables as rows of plain text cells, shared by the HTML and DOCX renderers
// so both documents print the same figures.
import { bakuTime, decimal, percent, textsOf } from './texts.ts';
import type { ReportModel } from './types.ts';

export interface TextTable {
  caption?: string;
  head: string[];
  rows: string[][];
  /** Columns holding numbers (right-aligned). */
  numeric?: number[];
  /** Column index holding URLs (rendered as links in HTML). */
  linkColumn?: number;
}

export function sourcesTable(m: ReportModel): TextTable {
  const t = textsOf(m.lang);
  return {
    caption: t.methodology.sources,
    head: [t.columns.outlet, t.columns.kind, t.columns.ownership],
    rows: m.methodology.sources.map((s) => [s.name, t.kinds[s.kind], t.ownership[s.ownership]]),
  };
}

export function candidateTable(m: ReportModel): TextTable {
  const t = textsOf(m.lang);
  const c = m.coverage;
  const tones = (['positive', 'neutral', 'negative'] as const).map((x) => t.tones[x]);
  return {
    caption: t.candidateTable,
    head: [t.columns.candidate, t.columns.items, t.columns.mentions, t.columns.share, ...tones],
    numeric: [1, 2, 3, 4, 5, 6],
    rows: [
      ...c.candidates.map((r) => [
        r.name,
        String(r.items),
        String(r.mentions),
        percent(r.share, m.lang),
        `${r.tone.positive} (${percent(r.toneShares?.positive ?? null, m.lang)})`,
        `${r.tone.neutral} (${percent(r.toneShares?.neutral ?? null, m.lang)})`,
        `${r.tone.negative} (${percent(r.toneShares?.negative ?? null, m.lang)})`,
      ]),
      [t.columns.total, String(c.totalItems), String(c.totalMentions), '', '', '', ''],
    ],
  };
}

export function outletSharesTable(m: ReportModel): TextTable {
  const t = textsOf(m.lang);
  const cands = m.coverage.candidates;
  return {
    caption: t.outletShares,
    head: [t.columns.outlet, t.columns.mentions, ...cands.map((c) => c.name)],
    numeric: cands.map((_, i) => i + 1).concat(cands.length + 1),
    rows: m.coverage.outlets.map((o) => [
      o.outletName,
      String(o.totalMentions),
      ...cands.map((c) => percent(o.shares[c.entity] ?? null, m.lang)),
    ]),
  };
}

export function indicesTable(m: ReportModel): TextTable {
  const t = textsOf(m.lang);
  const i = m.coverage.indices;
  const chi = i.chiSquare;
  return {
    caption: m.methodology.indicesNote,
    head: [t.columns.index, t.columns.value],
    numeric: [1],
    rows: [
      [t.indices.gini, decimal(i.gini, m.lang)],
      [t.indices.hhi, decimal(i.hhi, m.lang)],
      [t.indices.hhiNormalized, decimal(i.hhiNormalized, m.lang)],
      [t.indices.evenness, decimal(i.evenness, m.lang)],
      [t.indices.maxMinRatio, decimal(i.maxMinRatio, m.lang, 2)],
      [
        t.indices.chiSquare,
        chi.statistic === null
          ? '—'
          : `χ² ${decimal(chi.statistic, m.lang, 2)}, df ${chi.df ?? '—'}, p ${decimal(chi.p, m.lang, 4)}`,
      ],
    ],
  };
}

export function silenceTable(m: ReportModel): TextTable {
  const t = textsOf(m.lang);
  return {
    head: [
      t.columns.outlet,
      t.columns.time,
      t.columns.period,
      t.columns.title,
      t.columns.candidate,
      t.columns.url,
    ],
    linkColumn: 5,
    rows: m.silence.items.map((s) => [
      s.outletName,
      bakuTime(s.publishedAt),
      t.periods[s.period],
      s.title,
      s.entities.join(', '),
      s.url,
    ]),
  };
}

export function completenessTable(m: ReportModel): TextTable {
  const t = textsOf(m.lang);
  return {
    head: [
      t.columns.outlet,
      t.columns.items,
      t.columns.fetches,
      t.columns.failures,
      t.columns.lastSuccess,
      t.columns.paused,
    ],
    numeric: [1, 2, 3],
    rows: m.completeness.sources.map((s) => [
      s.name,
      String(s.items),
      String(s.fetches),
      String(s.failures),
      bakuTime(s.lastSuccessAt),
      s.pausedReason ?? '—',
    ]),
  };
}

export function failuresTable(m: ReportModel): TextTable {
  const t = textsOf(m.lang);
  return {
    caption: t.failureList,
    head: [t.columns.outlet, t.columns.time, t.columns.status, t.columns.error, t.columns.url],
    linkColumn: 4,
    rows: m.completeness.failures.map((f) => [
      f.name,
      bakuTime(f.at),
      f.status === null ? '—' : String(f.status),
      f.error ?? '—',
      f.url,
    ]),
  };
}
