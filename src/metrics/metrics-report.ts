// The metrics answer of `monitor metrics` and /api/metrics: shares and tone per subject,
// then the equality indices (labelled as the project's own measures).
import type { CoverageRow } from '../core/store.ts';
import type { Tone } from '../core/types.ts';
import { aggregateCoverage } from './aggregate-coverage.ts';
import { bootstrapShareCI, type BootstrapOptions } from './bootstrap.ts';
import { chiSquareEqual, type ChiSquareResult } from './chi-square.ts';
import { hhi, hhiNormalized } from './concentration.ts';
import { shannonEvenness } from './evenness.ts';
import { gini } from './gini.ts';
import { maxMinRatio, type MaxMinReason } from './max-min-ratio.ts';
import type { CoverageUnit, Dedupe, GroupBy, GroupOptions } from './types.ts';

export const INDICES_LABEL = {
  en: "The project's own measures (Gini, Herfindahl–Hirschman, Shannon evenness, max/min ratio, chi-square); observer reports lead with shares and tone.",
  az: 'Layihənin öz göstəriciləri (Cini, Herfindal–Hirşman, Şennon bərabərliyi, maksimum/minimum nisbəti, xi-kvadrat); müşahidəçi hesabatları paylar və tonla başlayır.',
} as const;

export interface MetricsReportOptions extends GroupOptions {
  from?: string | null;
  to?: string | null;
  /** Expected shares per subject (e.g. equal free airtime); default an equal split. */
  baseline?: Record<string, number>;
  /** Adds per-subject confidence intervals of the share. */
  bootstrap?: Pick<BootstrapOptions, 'iterations' | 'seed' | 'level'>;
}

export interface ReportSubject {
  entity: string;
  value: number;
  share: number | null;
  gapToEqual: number | null;
  tone: Record<Tone, number>;
  toneShares: Record<Tone, number> | null;
  items: number;
  mentions: number;
  nameMentions: number;
  titleMentions: number;
  ci?: { lower: number | null; upper: number | null; level: number };
}

export interface MetricsReport {
  unit: CoverageUnit;
  by: GroupBy;
  dedupe: Dedupe;
  from: string | null;
  to: string | null;
  total: number;
  subjects: ReportSubject[];
  indices: {
    gini: number | null;
    hhi: number | null;
    hhiNormalized: number | null;
    evenness: number | null;
    maxMinRatio: number | null;
    maxMinRatioReason?: MaxMinReason;
    chiSquare: ChiSquareResult;
  };
  labels: { indices: string; indicesAz: string };
  notes: string[];
}

export function metricsReport(rows: CoverageRow[], opts: MetricsReportOptions): MetricsReport {
  const coverage = aggregateCoverage(rows, opts);
  const values = coverage.map((c) => c.value);
  const ratio = maxMinRatio(values);
  const baseline = opts.baseline ? coverage.map((c) => opts.baseline?.[c.subject] ?? 0) : undefined;
  const cis = opts.bootstrap
    ? new Map(
        bootstrapShareCI(rows, opts.unit, {
          ...opts.bootstrap,
          by: opts.by,
          subjects: coverage.map((c) => c.subject),
          ...(opts.partyOf ? { partyOf: opts.partyOf } : {}),
          ...(opts.dedupe ? { dedupe: opts.dedupe } : {}),
        }).map((ci) => [ci.subject, ci]),
      )
    : null;
  const level = opts.bootstrap?.level ?? 0.95;

  const notes: string[] = [];
  if (opts.unit === 'words' || opts.unit === 'seconds') {
    notes.push(`chi-square on ${opts.unit} depends on the unit's scale; read it as descriptive`);
  }
  if (ratio.reason === 'zero-minimum') {
    notes.push(`max/min ratio undefined: ${ratio.zeroSubjects} subject(s) got no coverage`);
  }

  return {
    unit: opts.unit,
    by: opts.by,
    dedupe: opts.dedupe ?? 'each',
    from: opts.from ?? null,
    to: opts.to ?? null,
    total: values.reduce((s, v) => s + v, 0),
    subjects: coverage.map((c) => {
      const ci = cis?.get(c.subject);
      return {
        entity: c.subject,
        value: c.value,
        share: c.share,
        gapToEqual: c.gapToEqual,
        tone: c.tone.counts,
        toneShares: c.tone.shares,
        items: c.items,
        mentions: c.mentions,
        nameMentions: c.nameMentions,
        titleMentions: c.titleMentions,
        ...(ci ? { ci: { lower: ci.lower, upper: ci.upper, level } } : {}),
      };
    }),
    indices: {
      gini: gini(values),
      hhi: hhi(values),
      hhiNormalized: hhiNormalized(values),
      evenness: shannonEvenness(values),
      maxMinRatio: ratio.value,
      ...(ratio.reason ? { maxMinRatioReason: ratio.reason } : {}),
      chiSquare: chiSquareEqual(values, baseline),
    },
    labels: { indices: INDICES_LABEL.en, indicesAz: INDICES_LABEL.az },
    notes,
  };
}
