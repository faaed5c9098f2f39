// Share of voice per outlet: one 100 % bar per outlet, stacked by subject. Bars run
// across, so every outlet's whole name stands beside its bar however many there are.
import type { OptionBuilder } from './chart-types.ts';
import { subjectColor } from './entity-colors.ts';
import { nameOf } from './labels.ts';
import { footLegend } from './legend.ts';
import { measureText, wrapLabel } from './text-width.ts';

const round1 = (x: number) => Math.round(x * 10) / 10;

export const shareByOutletOption: OptionBuilder<'share-by-outlet'> = (data, l, size) => {
  const outlets = [...new Set(data.rows.map((r) => r.outlet))];
  const subjects = [...new Set(data.rows.map((r) => r.subject))];
  const totals = new Map<string, number>();
  const cell = new Map<string, number>();
  for (const r of data.rows) {
    totals.set(r.outlet, (totals.get(r.outlet) ?? 0) + r.value);
    const key = `${r.outlet}\u0000${r.subject}`;
    cell.set(key, (cell.get(key) ?? 0) + r.value);
  }
  const outletNames = outlets.map((o) => nameOf(o, data.outletNames));
  const subjectNames = subjects.map((s) => nameOf(s, data.subjectNames));
  const foot = footLegend(subjectNames, size.width);
  // Long names wrap at spaces onto more lines rather than take half the chart.
  const labelWidth = Math.min(
    Math.max(...outletNames.map((n) => measureText(n, '12px').width), 40),
    size.width * 0.4,
  );
  return {
    title: {
      text: l.titles.shareByOutlet,
      subtext: data.unit ? l.units[data.unit] : '',
      left: 'center',
    },
    legend: foot.legend,
    grid: { left: 16, right: 24, top: 70, bottom: foot.bottom + 28, containLabel: true },
    yAxis: {
      type: 'category',
      inverse: true,
      data: outletNames,
      axisLabel: { interval: 0, formatter: (name: string) => wrapLabel(name, labelWidth) },
    },
    xAxis: {
      type: 'value',
      name: l.axes.sharePercent,
      nameLocation: 'middle',
      nameGap: 24,
      max: 100,
    },
    series: subjects.map((s, i) => ({
      type: 'bar' as const,
      stack: 'share',
      name: subjectNames[i]!,
      itemStyle: { color: subjectColor(s, data.subjectNames, i) },
      barMaxWidth: 28,
      data: outlets.map((o) => {
        const total = totals.get(o) ?? 0;
        return total > 0 ? round1((100 * (cell.get(`${o}\u0000${s}`) ?? 0)) / total) : 0;
      }),
    })),
  };
};
