// A legend at the foot of a chart that wraps onto as many rows as its names need, and
// the room the plot must leave for it, so entries never run into each other or the axis.
import type { LegendComponentOption } from 'echarts';
import { measureText } from './text-width.ts';

const ICON = 25 + 5;
const GAP = 10;
const ROW = 22;

export function legendRows(names: string[], width: number): number {
  const avail = width - 40;
  let rows = 1;
  let x = 0;
  for (const n of names) {
    const w = ICON + measureText(n, '12px').width;
    if (x > 0 && x + w > avail) {
      rows++;
      x = 0;
    }
    x += w + GAP;
  }
  return rows;
}

export function footLegend(
  names: string[],
  width: number,
): { legend: LegendComponentOption; bottom: number } {
  const rows = legendRows(names, width);
  return {
    legend: { type: 'plain', bottom: 4, left: 20, right: 20, data: names, itemGap: GAP },
    bottom: rows * ROW + 12,
  };
}
