// Charts as a report writer gets them, checked from the SVG: every outlet's and subject's
// whole name is there, no two texts overlap, nothing falls outside the picture, and a
// subject keeps one colour across charts. At 600, 900 and 1800 px, in az and en, on six
// outlets and on fifteen outlets with long names.
import { describe, expect, it } from 'vitest';
import { chartOption, renderChart } from '../../../src/report/charts/render-chart.ts';
import type { ChartDataMap, ChartKind } from '../../../src/report/charts/chart-types.ts';
import { measureText } from '../../../src/report/charts/text-width.ts';

const SUBJECTS: Record<string, string> = {
  aliyev_ilham: 'İlham Əliyev',
  oruc_zahid: 'Zahid Oruc',
  mustafa_fazil: 'Fazil Mustafa',
  hasanguliyev_gudrat: 'Qüdrət Həsənquliyev',
  nurullayev_razi: 'Razi Nurullayev',
  musayev_elshad: 'Elşad Musayev',
  aliyev_fuad: 'Fuad Əliyev',
};
const FEW: Record<string, string> = {
  a: 'Mərkəz Xəbər Agentliyi',
  b: 'Günaydın Xəbər',
  c: 'Каспийская Лента',
  d: 'Azad Söz',
  e: 'The Caspian Ledger',
  f: 'Seçki Gündəmi (Telegram)',
};
const MANY: Record<string, string> = Object.fromEntries(
  Array.from({ length: 15 }, (_, i) => [
    `o${i}`,
    [
      'Azərbaycan Dövlət Teleqraf Agentliyi',
      'Müstəqil İnformasiya Agentliyi',
      'Azərbaycan Respublikasının İctimai Televiziya və Radio Yayımı',
      'Regional Xəbər Şəbəkəsi',
      'Cənub Bölgəsi Yerli Televiziyası',
    ][i % 5]! + ` ${i + 1}`,
  ]),
);

function data(outlets: Record<string, string>): { [K in ChartKind]?: ChartDataMap[K] } {
  const ids = Object.keys(SUBJECTS);
  const rows = Object.keys(outlets).flatMap((o, i) =>
    ids.map((s, j) => ({ outlet: o, subject: s, value: (((i + 1) * (j + 3)) % 11) + 1 })),
  );
  const days = Array.from({ length: 25 }, (_, i) =>
    new Date(Date.UTC(2024, 0, 15 + i)).toISOString().slice(0, 10),
  );
  return {
    'share-by-outlet': { rows, subjectNames: SUBJECTS, outletNames: outlets, unit: 'mentions' },
    'coverage-over-time': {
      rows: days.flatMap((date, i) =>
        ids.map((s, j) => ({ date, subject: s, value: (i * (j + 1)) % 7 })),
      ),
      subjectNames: SUBJECTS,
      unit: 'items',
    },
    'tone-by-subject': {
      subjects: ids.map((s, j) => ({ subject: s, positive: j + 2, neutral: 10, negative: 7 - j })),
      subjectNames: SUBJECTS,
    },
  };
}

interface TextBox {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

function texts(svg: string): TextBox[] {
  const out: TextBox[] = [];
  for (const m of svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)) {
    const attrs = m[1]!;
    const text = m[2]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').trimEnd();
    if (!text.trim()) continue;
    const t = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(attrs);
    const x = Number(t?.[1] ?? 0);
    const y = Number(t?.[2] ?? 0) + Number(/ y="([-\d.]+)"/.exec(attrs)?.[1] ?? 0);
    const size = Number(/font-size:([\d.]+)px/.exec(attrs)?.[1] ?? 12);
    const bold = /font-weight:bold/.test(attrs) ? 'bold ' : '';
    const w = measureText(text, `${bold}${size}px`).width;
    const anchor = /text-anchor="(\w+)"/.exec(attrs)?.[1] ?? 'start';
    const x0 = anchor === 'end' ? x - w : anchor === 'middle' ? x - w / 2 : x;
    const central = /dominant-baseline="central"/.test(attrs);
    const y0 = central ? y - size * 0.6 : y - size;
    out.push({ text, x0, x1: x0 + w, y0, y1: y0 + size * 1.2 });
  }
  return out;
}

const overlap = (a: TextBox, b: TextBox) =>
  a.x0 < b.x1 - 1 && b.x0 < a.x1 - 1 && a.y0 < b.y1 - 1 && b.y0 < a.y1 - 1;

/** The name is one text, or lines of one wrapped label read in order. */
function shown(boxes: TextBox[], name: string): boolean {
  if (boxes.some((b) => b.text === name)) return true;
  for (let i = 0; i < boxes.length; i++) {
    // Wrapped lines keep their trailing space; compare with single spaces.
    let joined = boxes[i]!.text.trim();
    for (let j = i + 1; j < boxes.length && joined.length < name.length; j++)
      joined = `${joined} ${boxes[j]!.text.trim()}`;
    if (joined === name) return true;
  }
  return false;
}

/** Each series' colour by its name, from the chart's option. */
function seriesColours(kind: ChartKind, d: unknown): Map<string, unknown> {
  const option = chartOption(kind, d as never, 'en');
  const series = (option.series ?? []) as { name?: string; itemStyle?: { color?: unknown } }[];
  return new Map(series.map((x) => [String(x.name), x.itemStyle?.color]));
}

describe('chart layout', () => {
  for (const [label, outlets] of [
    ['six outlets', FEW],
    ['fifteen long outlet names', MANY],
  ] as const) {
    for (const width of [600, 900, 1800]) {
      for (const lang of ['az', 'en'] as const) {
        it(`${label}, ${width} px, ${lang}`, async () => {
          const colours = new Map<string, unknown>();
          for (const [kind, d] of Object.entries(data(outlets))) {
            const height =
              kind === 'share-by-outlet'
                ? Math.max(360, 60 + 34 * Object.keys(outlets).length + 80)
                : Math.round(width * 0.6);
            const svg = String(
              await renderChart(kind as ChartKind, d as never, {
                lang,
                format: 'svg',
                width,
                height,
              }),
            );
            const boxes = texts(svg);
            const names = [
              ...Object.values(SUBJECTS),
              ...(kind === 'share-by-outlet' ? Object.values(outlets) : []),
            ];
            for (const n of names)
              expect(shown(boxes, n), `${kind}: "${n}" shown whole`).toBe(true);
            for (const b of boxes) {
              expect(b.x0, `${kind}: "${b.text}" inside on the left`).toBeGreaterThanOrEqual(-0.5);
              expect(b.x1, `${kind}: "${b.text}" inside on the right`).toBeLessThanOrEqual(
                width + 0.5,
              );
              expect(b.y0, `${kind}: "${b.text}" inside at the top`).toBeGreaterThanOrEqual(-0.5);
              expect(b.y1, `${kind}: "${b.text}" inside at the bottom`).toBeLessThanOrEqual(
                height + 0.5,
              );
            }
            for (let i = 0; i < boxes.length; i++)
              for (let j = i + 1; j < boxes.length; j++)
                expect(
                  overlap(boxes[i]!, boxes[j]!),
                  `${kind}: "${boxes[i]!.text}" overlaps "${boxes[j]!.text}"`,
                ).toBe(false);
            const byName = seriesColours(kind as ChartKind, d);
            if (kind !== 'tone-by-subject')
              for (const n of Object.values(SUBJECTS)) {
                const c = byName.get(n);
                expect(c, `${kind}: colour of ${n}`).toBeDefined();
                if (colours.has(n))
                  expect(c, `${n} keeps its colour in ${kind}`).toBe(colours.get(n));
                else colours.set(n, c);
              }
          }
        });
      }
    }
  }
});
