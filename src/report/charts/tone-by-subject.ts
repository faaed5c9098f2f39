// Tone per subject: positive / neutral / negative stacked, as percentages or counts.
import type { Tone } from '../../core/types.ts';
import { TONE_COLORS, type OptionBuilder } from './chart-types.ts';
import { nameOf } from './labels.ts';

const TONES: Tone[] = ['positive', 'neutral', 'negative'];

export const toneBySubjectOption: OptionBuilder<'tone-by-subject'> = (data, l) => {
  const percent = data.percent ?? true;
  const value = (s: ToneRow, t: Tone) => {
    if (!percent) return s[t];
    const total = s.positive + s.neutral + s.negative;
    return total > 0 ? Math.round((1000 * s[t]) / total) / 10 : 0;
  };
  return {
    title: { text: l.titles.toneBySubject, left: 'center' },
    legend: { bottom: 0, data: TONES.map((t) => l.tones[t]) },
    grid: { left: 60, right: 30, top: 60, bottom: 70, containLabel: true },
    xAxis: {
      type: 'category',
      name: l.axes.subject,
      nameLocation: 'middle',
      nameGap: 28,
      data: data.subjects.map((s) => nameOf(s.subject, data.subjectNames)),
    },
    yAxis: {
      type: 'value',
      name: percent ? l.axes.sharePercent : '',
      ...(percent ? { max: 100 } : {}),
    },
    series: TONES.map((t) => ({
      type: 'bar' as const,
      stack: 'tone',
      name: l.tones[t],
      itemStyle: { color: TONE_COLORS[t] },
      data: data.subjects.map((s) => value(s, t)),
    })),
  };
};

type ToneRow = Record<Tone, number>;
