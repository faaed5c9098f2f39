// Tone per subject: positive / neutral / negative stacked, as percentages or counts.
import type { Tone } from '../../core/types.ts';
import { TONE_COLORS, type OptionBuilder } from './chart-types.ts';
import { nameOf } from './labels.ts';
import { footLegend } from './legend.ts';
import { measureText, wrapLabel } from './text-width.ts';

const TONES: Tone[] = ['positive', 'neutral', 'negative'];

export const toneBySubjectOption: OptionBuilder<'tone-by-subject'> = (data, l, size) => {
  const percent = data.percent ?? true;
  const value = (s: ToneRow, t: Tone) => {
    if (!percent) return s[t];
    const total = s.positive + s.neutral + s.negative;
    return total > 0 ? Math.round((1000 * s[t]) / total) / 10 : 0;
  };
  const names = data.subjects.map((s) => nameOf(s.subject, data.subjectNames));
  const foot = footLegend(
    TONES.map((t) => l.tones[t]),
    size.width,
  );
  // Subjects run down the side, so every whole name is shown at any width.
  // Long names wrap at spaces onto more lines rather than take half the chart.
  const labelWidth = Math.min(
    Math.max(...names.map((n) => measureText(n, '12px').width), 40),
    size.width * 0.32,
  );
  return {
    title: { text: l.titles.toneBySubject, left: 'center' },
    legend: foot.legend,
    grid: { left: 16, right: 24, top: 60, bottom: foot.bottom + 28, containLabel: true },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisLabel: { interval: 0, formatter: (name: string) => wrapLabel(name, labelWidth) },
    },
    xAxis: {
      type: 'value',
      name: percent ? l.axes.sharePercent : '',
      nameLocation: 'middle',
      nameGap: 24,
      ...(percent ? { max: 100 } : {}),
    },
    series: TONES.map((t) => ({
      type: 'bar' as const,
      stack: 'tone',
      name: l.tones[t],
      itemStyle: { color: TONE_COLORS[t] },
      barMaxWidth: 28,
      data: data.subjects.map((s) => value(s, t)),
    })),
  };
};

type ToneRow = Record<Tone, number>;
