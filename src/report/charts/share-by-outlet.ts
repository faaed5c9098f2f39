// Share of voice per outlet: one 100 % bar per outlet, stacked by subject.
import type { OptionBuilder } from './chart-types.ts';
import { nameOf } from './labels.ts';

const round1 = (x: number) => Math.round(x * 10) / 10;

export const shareByOutletOption: OptionBuilder<'share-by-outlet'> = (data, l) => {
  const outlets = [...new Set(data.rows.map((r) => r.outlet))];
  const subjects = [...new Set(data.rows.map((r) => r.subject))];
  const totals = new Map<string, number>();
  const cell = new Map<string, number>();
  for (const r of data.rows) {
    totals.set(r.outlet, (totals.get(r.outlet) ?? 0) + r.value);
    const key = `${r.outlet}\u0000${r.subject}`;
    cell.set(key, (cell.get(key) ?? 0) + r.value);
  }
  return {
    title: {
      text: l.titles.shareByOutlet,
      subtext: data.unit ? l.units[data.unit] : '',
      left: 'center',
    },
    legend: { bottom: 0, data: subjects.map((s) => nameOf(s, data.subjectNames)) },
    grid: { left: 60, right: 20, top: 70, bottom: 70, containLabel: true },
    xAxis: {
      type: 'category',
      name: l.axes.outlet,
      nameLocation: 'middle',
      nameGap: 28,
      data: outlets.map((o) => nameOf(o, data.outletNames)),
    },
    yAxis: { type: 'value', name: l.axes.sharePercent, max: 100 },
    series: subjects.map((s) => ({
      type: 'bar' as const,
      stack: 'share',
      name: nameOf(s, data.subjectNames),
      data: outlets.map((o) => {
        const total = totals.get(o) ?? 0;
        return total > 0 ? round1((100 * (cell.get(`${o}\u0000${s}`) ?? 0)) / total) : 0;
      }),
    })),
  };
};
