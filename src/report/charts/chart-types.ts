// Inputs of each chart kind; plain data so the API can build them from metrics output.
import type { EChartsOption } from 'echarts';
import type { CoverageUnit } from '../../metrics/types.ts';
import type { ChartLabels } from './labels.ts';

export interface Names {
  /** Display names of subjects (entity or party ids → names in the chart's language). */
  subjectNames?: Record<string, string>;
  outletNames?: Record<string, string>;
}

export interface ShareByOutletData extends Names {
  rows: { outlet: string; subject: string; value: number }[];
  unit?: CoverageUnit;
}

export interface CoverageOverTimeData extends Names {
  /** date is YYYY-MM-DD (or a week's Monday). */
  rows: { date: string; subject: string; value: number }[];
  unit?: CoverageUnit;
}

export interface ToneBySubjectData extends Names {
  subjects: { subject: string; positive: number; neutral: number; negative: number }[];
  /** Show each subject's tone as percentages (default) or as counts. */
  percent?: boolean;
}

export interface LorenzData extends Names {
  values: { subject: string; value: number }[];
  unit?: CoverageUnit;
}

export interface ChartDataMap {
  'share-by-outlet': ShareByOutletData;
  'coverage-over-time': CoverageOverTimeData;
  'tone-by-subject': ToneBySubjectData;
  lorenz: LorenzData;
}

export type ChartKind = keyof ChartDataMap;
export const CHART_KINDS: ChartKind[] = [
  'share-by-outlet',
  'coverage-over-time',
  'tone-by-subject',
  'lorenz',
];

/** Pixel size the chart is drawn at (legend rows and label room depend on it). */
export interface ChartSize {
  width: number;
  height: number;
}

export type OptionBuilder<K extends ChartKind> = (
  data: ChartDataMap[K],
  labels: ChartLabels,
  size: ChartSize,
) => EChartsOption;

export const FONT_FAMILY = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
export const TONE_COLORS = { positive: '#2e7d32', neutral: '#9e9e9e', negative: '#c62828' };
