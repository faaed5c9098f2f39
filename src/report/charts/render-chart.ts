// Server-side charts: ECharts renders SVG without a DOM (ssr), resvg turns it into PNG.
import type { EChartsOption } from 'echarts';
import { SkipItemError } from '../../core/errors.ts';
import {
  CHART_KINDS,
  FONT_FAMILY,
  type ChartDataMap,
  type ChartKind,
  type ChartSize,
} from './chart-types.ts';
import { measureText } from './text-width.ts';
import { coverageOverTimeOption } from './coverage-over-time.ts';
import { chartLabels, type ChartLabels, type ChartLang } from './labels.ts';
import { lorenzOption } from './lorenz.ts';
import { svgToPng } from './png.ts';
import { shareByOutletOption } from './share-by-outlet.ts';
import { toneBySubjectOption } from './tone-by-subject.ts';

export interface RenderOptions {
  lang: ChartLang;
  format: 'svg' | 'png';
  width?: number;
  height?: number;
  /** Extra font files for PNG on systems without fonts. */
  fontFiles?: string[];
}

const BUILDERS: {
  [K in ChartKind]: (data: ChartDataMap[K], l: ChartLabels, size: ChartSize) => EChartsOption;
} = {
  'share-by-outlet': shareByOutletOption,
  'coverage-over-time': coverageOverTimeOption,
  'tone-by-subject': toneBySubjectOption,
  lorenz: lorenzOption,
};

export function isChartKind(kind: string): kind is ChartKind {
  return (CHART_KINDS as string[]).includes(kind);
}

/** The ECharts option of a chart, for the dashboard to draw in the browser. */
export function chartOption<K extends ChartKind>(
  kind: K,
  data: ChartDataMap[K],
  lang: ChartLang,
  size: ChartSize = { width: 800, height: 500 },
): EChartsOption {
  const build = BUILDERS[kind] as (
    d: ChartDataMap[K],
    l: ChartLabels,
    s: ChartSize,
  ) => EChartsOption;
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY },
    ...build(data, chartLabels(lang), size),
  };
}

export async function renderSvg<K extends ChartKind>(
  kind: K,
  data: ChartDataMap[K],
  opts: Omit<RenderOptions, 'format'>,
): Promise<string> {
  const echarts = await import('echarts');
  // Without a canvas ECharts guesses text widths too narrow for our font.
  echarts.setPlatformAPI({ measureText });
  const size = { width: opts.width ?? 800, height: opts.height ?? 500 };
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption(chartOption(kind, data, opts.lang, size));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** SVG text, or a PNG buffer of the same chart. */
export async function renderChart<K extends ChartKind>(
  kind: K,
  data: ChartDataMap[K],
  opts: RenderOptions,
): Promise<string | Buffer> {
  if (!isChartKind(kind)) throw new SkipItemError(`unknown chart kind: ${String(kind)}`);
  const svg = await renderSvg(kind, data, opts);
  if (opts.format === 'svg') return svg;
  return svgToPng(svg, opts.fontFiles ? { fontFiles: opts.fontFiles } : {});
}
