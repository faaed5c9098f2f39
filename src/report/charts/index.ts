// Charts as SVG and PNG, rendered on the server.
export {
  renderChart,
  renderSvg,
  chartOption,
  isChartKind,
  type RenderOptions,
} from './render-chart.ts';
export { svgToPng, pngSize, type PngOptions } from './png.ts';
export { LABELS, chartLabels, nameOf, type ChartLabels, type ChartLang } from './labels.ts';
export type * from './chart-types.ts';
export { CHART_KINDS } from './chart-types.ts';
