// Lorenz curve of coverage against the line of perfect equality; Gini in the subtitle.
import { gini, lorenzCurve } from '../../metrics/gini.ts';
import type { OptionBuilder } from './chart-types.ts';

export const lorenzOption: OptionBuilder<'lorenz'> = (data, l) => {
  const values = data.values.map((v) => v.value);
  const g = gini(values);
  const points = lorenzCurve(values).map((p) => [p.x * 100, Math.round(p.y * 1000) / 10]);
  const unit = data.unit ? ` · ${l.units[data.unit]}` : '';
  return {
    title: {
      text: l.titles.lorenz,
      subtext: `${l.gini} = ${g === null ? '—' : g.toFixed(3)} (${l.ownMeasure})${unit}`,
      left: 'center',
    },
    legend: { bottom: 0, data: [l.lorenzCurve, l.equalityLine] },
    grid: { left: 60, right: 30, top: 70, bottom: 80, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      name: l.axes.cumulativeSubjects,
      nameLocation: 'middle',
      nameGap: 28,
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      name: l.axes.cumulativeCoverage,
      nameLocation: 'middle',
      nameGap: 40,
    },
    series: [
      { type: 'line', name: l.lorenzCurve, data: points, areaStyle: { opacity: 0.15 } },
      {
        type: 'line',
        name: l.equalityLine,
        data: [
          [0, 0],
          [100, 100],
        ],
        showSymbol: false,
        lineStyle: { type: 'dashed' },
      },
    ],
  };
};
