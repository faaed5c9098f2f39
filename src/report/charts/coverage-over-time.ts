// Coverage over time: one line per subject, days without coverage drawn as zero.
import type { OptionBuilder } from './chart-types.ts';
import { subjectColor } from './entity-colors.ts';
import { nameOf } from './labels.ts';
import { footLegend } from './legend.ts';

export const coverageOverTimeOption: OptionBuilder<'coverage-over-time'> = (data, l, size) => {
  const dates = [...new Set(data.rows.map((r) => r.date))].sort();
  const subjects = [...new Set(data.rows.map((r) => r.subject))];
  const cell = new Map<string, number>();
  for (const r of data.rows) {
    const key = `${r.subject}\u0000${r.date}`;
    cell.set(key, (cell.get(key) ?? 0) + r.value);
  }
  const names = subjects.map((s) => nameOf(s, data.subjectNames));
  const foot = footLegend(names, size.width);
  return {
    title: { text: l.titles.coverageOverTime, left: 'center' },
    legend: foot.legend,
    // The first and last dates' labels are centred on the plot's edges: leave them room.
    grid: { left: 40, right: 48, top: 60, bottom: foot.bottom + 28, containLabel: true },
    xAxis: {
      type: 'category',
      name: l.axes.date,
      nameLocation: 'middle',
      nameGap: 28,
      boundaryGap: false,
      data: dates,
      // Far enough below the axis that the first date clears the value axis's 0.
      axisLabel: { hideOverlap: true, margin: 14 },
    },
    yAxis: { type: 'value', name: data.unit ? l.units[data.unit] : '' },
    series: subjects.map((s, i) => ({
      type: 'line' as const,
      name: names[i]!,
      showSymbol: dates.length <= 31,
      itemStyle: { color: subjectColor(s, data.subjectNames, i) },
      lineStyle: { color: subjectColor(s, data.subjectNames, i) },
      data: dates.map((d) => cell.get(`${s}\u0000${d}`) ?? 0),
    })),
  };
};
