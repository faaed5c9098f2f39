import { describe, expect, it } from 'vitest';
import { chartOption, renderChart } from '../../../src/report/charts/render-chart.ts';
import { pngSize } from '../../../src/report/charts/png.ts';
import { LABELS } from '../../../src/report/charts/labels.ts';
import type { ShareByOutletData } from '../../../src/report/charts/chart-types.ts';

const subjectNames = {
  aliyev_ilham: 'İlham Əliyev',
  oruc_zahid: 'Zahid Oruc',
  hasanguliyev_gudrat: 'Qüdrət Həsənquliyev',
};
const share: ShareByOutletData = {
  rows: [
    { outlet: 'azertac', subject: 'aliyev_ilham', value: 90 },
    { outlet: 'azertac', subject: 'oruc_zahid', value: 10 },
    { outlet: 'turan', subject: 'aliyev_ilham', value: 20 },
    { outlet: 'turan', subject: 'oruc_zahid', value: 20 },
    { outlet: 'turan', subject: 'hasanguliyev_gudrat', value: 40 },
  ],
  subjectNames,
  outletNames: { azertac: 'AZƏRTAC', turan: 'Turan' },
  unit: 'items',
};

describe('chart options', () => {
  it('stacks each outlet to 100 %', () => {
    // azertac: 90/100, 10/100, 0; turan: 20/80 = 25 %, 25 %, 40/80 = 50 %.
    const opt = chartOption('share-by-outlet', share, 'en');
    const series = opt.series as { name: string; data: number[] }[];
    expect(series.map((s) => s.name)).toEqual([
      'İlham Əliyev',
      'Zahid Oruc',
      'Qüdrət Həsənquliyev',
    ]);
    expect(series.map((s) => s.data)).toEqual([
      [90, 25],
      [10, 25],
      [0, 50],
    ]);
  });

  it('fills missing days with zero in the time chart', () => {
    const opt = chartOption(
      'coverage-over-time',
      {
        rows: [
          { date: '2024-01-16', subject: 'x', value: 3 },
          { date: '2024-01-15', subject: 'y', value: 2 },
          { date: '2024-01-16', subject: 'x', value: 1 },
        ],
      },
      'en',
    );
    expect((opt.xAxis as { data: string[] }).data).toEqual(['2024-01-15', '2024-01-16']);
    expect((opt.series as { data: number[] }[]).map((s) => s.data)).toEqual([
      [0, 4],
      [2, 0],
    ]);
  });

  it('gives tone percentages per subject', () => {
    // 1 + 2 + 5 = 8 → 12.5, 25, 62.5.
    const opt = chartOption(
      'tone-by-subject',
      { subjects: [{ subject: 's', positive: 1, neutral: 2, negative: 5 }] },
      'az',
    );
    const series = opt.series as { name: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.data[0]])).toEqual([
      ['müsbət', 12.5],
      ['neytral', 25],
      ['mənfi', 62.5],
    ]);
  });
});

describe('renderChart', () => {
  it('renders SVG with the chosen language and subject names', async () => {
    const az = (await renderChart('share-by-outlet', share, {
      lang: 'az',
      format: 'svg',
    })) as string;
    expect(az.startsWith('<svg')).toBe(true);
    expect(az).toContain(LABELS.az.titles.shareByOutlet);
    expect(az).toContain('Qüdrət Həsənquliyev');
    expect(az).toContain('AZƏRTAC');
    expect(az).not.toContain(LABELS.en.titles.shareByOutlet);
    const en = (await renderChart('share-by-outlet', share, {
      lang: 'en',
      format: 'svg',
    })) as string;
    expect(en).toContain('Share of voice by outlet');
    expect(en).toContain('İlham Əliyev');
  });

  it('puts the Gini coefficient in the Lorenz subtitle', async () => {
    // [92,3,2,0]: sorted 0,2,3,92; Σ(2k−5)x = −2 + 3 + 276 = 277; 277/(4·97) = 0.714.
    const svg = (await renderChart(
      'lorenz',
      { values: [92, 3, 2, 0].map((value, i) => ({ subject: `s${i}`, value })) },
      { lang: 'en', format: 'svg', width: 600, height: 400 },
    )) as string;
    expect(svg).toContain('Gini coefficient = 0.714');
    expect(svg).toMatch(/project(&#39;|')s own measure/);
    expect(svg).toMatch(/<svg[^>]*width="600"[^>]*height="400"/);
  });

  it('renders PNG of the requested size', async () => {
    const png = await renderChart(
      'tone-by-subject',
      {
        subjects: [{ subject: 'aliyev_ilham', positive: 5, neutral: 3, negative: 1 }],
        subjectNames,
      },
      { lang: 'az', format: 'png', width: 640, height: 360 },
    );
    expect(Buffer.isBuffer(png)).toBe(true);
    expect(pngSize(png as Buffer)).toEqual({ width: 640, height: 360 });
  });
});

describe('pngSize', () => {
  it('rejects non-PNG bytes', () => {
    expect(pngSize(Buffer.from('<svg></svg>'))).toBeNull();
  });
});
