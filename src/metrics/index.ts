// Coverage-equality metrics: pure functions over the Store's coverage rows.
export type * from './types.ts';
export { aggregateCoverage, toneSplit } from './aggregate-coverage.ts';
export { dedupeRows, subjectKeyFn } from './contributions.ts';
export { gini, lorenzCurve, type LorenzPoint } from './gini.ts';
export { hhi, hhiNormalized, sharesOf } from './concentration.ts';
export { shannonEvenness } from './evenness.ts';
export { maxMinRatio, type MaxMinRatio, type MaxMinReason } from './max-min-ratio.ts';
export { chiSquareEqual, type ChiSquareResult } from './chi-square.ts';
export { chiSquareSurvival, gammaP, gammaQ, logGamma } from './gamma.ts';
export { mulberry32 } from './prng.ts';
export {
  bootstrapShareCI,
  quantile,
  type BootstrapOptions,
  type ShareInterval,
} from './bootstrap.ts';
export {
  electionPeriods,
  periodOf,
  instantOf,
  PERIOD_IDS,
  type Period,
  type PeriodId,
  type ElectionDates,
} from './periods.ts';
export {
  silenceViolations,
  type SilenceViolation,
  type SilenceOptions,
} from './silence-violations.ts';
export {
  incumbentSplit,
  DEFAULT_STATE_EVENT_TOPICS,
  type IncumbentSplit,
  type CapacityTotals,
} from './incumbent-split.ts';
export {
  metricsReport,
  INDICES_LABEL,
  type MetricsReport,
  type MetricsReportOptions,
  type ReportSubject,
} from './metrics-report.ts';
