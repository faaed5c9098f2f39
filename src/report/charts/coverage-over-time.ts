// Coverage over time: one line per subject, days without coverage drawn as zero.
import type { OptionBuilder } from './chart-types.ts';
import { nameOf } from './labels.ts';

export const coverageOverTimeOption: OptionBuilder<'coverage-over-time'> = (data, l) => {
  const dates = [...new Set(data.rows.map((r) => r.date))].sort();
  const subjects = [...new Set(data.rows.map((r) => r.subject))];
  const cell = new Map<string, number>();
  for (const r of data.rows) {
    const key = `${r.subject}\u0000${r.date}`;
    cell.set(key, (cell.get(key) ?? 0) + r.value);
  }
  return {
    title: { text: l.titles.coverageOverTime, left: 'center' },
    legend: { bottom: 0, data: subjects.map((s) => nameOf(s, data.subjectNames)) },
    grid: { left: 60, right: 30, top: 60, bottom: 70, containLabel: true },
    xAxis: {
      type: 'category',
      name: l.axes.date,
      nameLocation: 'middle',
      nameGap: 28,
      boundaryGap: false,
      data: dates,
    },
    yAxis: { type: 'value', name: data.unit ? l.units[data.unit] : '' },
    series: subjects.map((s) => ({
      type: 'line' as const,
      name: nameOf(s, data.subjectNames),
      showSymbol: dates.length <= 31,
      data: dates.map((d) => cell.get(`${s}\u0000${d}`) ?? 0),
    })),
  };
};
