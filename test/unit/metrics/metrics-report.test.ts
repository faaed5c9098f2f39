import { describe, expect, it } from 'vitest';
import { metricsReport } from '../../../src/metrics/metrics-report.ts';
import { row, SAMPLE } from './rows.ts';

describe('metricsReport', () => {
  it('has the JSON shape of the issue with hand-checked values', () => {
    // mentions A 5, B 6, C 0 (listed): total 11.
    const r = metricsReport(SAMPLE, {
      unit: 'mentions',
      by: 'entity',
      subjects: ['A', 'B', 'C'],
      from: '2024-01-15',
      to: '2024-02-07',
    });
    expect(r).toMatchObject({ unit: 'mentions', from: '2024-01-15', to: '2024-02-07', total: 11 });
    expect(r.subjects.map((s) => [s.entity, s.value])).toEqual([
      ['A', 5],
      ['B', 6],
      ['C', 0],
    ]);
    expect(r.subjects[0]!.tone).toEqual({ positive: 1, neutral: 4, negative: 0 });
    // gini [5,6,0]: pairs 1 + 5 + 6 = 12, ordered 24; 2·3·11 = 66 → 24/66 = 4/11.
    expect(r.indices.gini).toBeCloseTo(4 / 11, 12);
    // H = (25 + 36)/121 = 61/121; H* = (61/121 − 1/3)/(2/3).
    expect(r.indices.hhiNormalized).toBeCloseTo((61 / 121 - 1 / 3) / (2 / 3), 12);
    expect(r.indices.maxMinRatio).toBeNull();
    expect(r.indices.maxMinRatioReason).toBe('zero-minimum');
    // E = 11/3 each: ((5 − 11/3)² + (6 − 11/3)² + (11/3)²)/(11/3) = (16 + 49 + 121)/33 = 186/33.
    expect(r.indices.chiSquare.statistic).toBeCloseTo(186 / 33, 12);
    expect(r.indices.chiSquare.df).toBe(2);
    expect(r.indices.chiSquare.p).toBeCloseTo(Math.exp(-93 / 33), 12);
    expect(r.labels.indices).toMatch(/own measures/);
    expect(r.notes.join(' ')).toMatch(/no coverage/);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('adds bootstrap intervals and a baseline when asked', () => {
    const rows = ['a', 'b', 'c'].flatMap((id) => [
      row({ itemId: id, entity: 'X', mentions: 1 }),
      row({ itemId: id, entity: 'Y', mentions: 1 }),
    ]);
    const r = metricsReport(rows, {
      unit: 'mentions',
      by: 'entity',
      baseline: { X: 1, Y: 1 },
      bootstrap: { iterations: 20, seed: 1, level: 0.9 },
    });
    expect(r.subjects[0]!.ci).toEqual({ lower: 0.5, upper: 0.5, level: 0.9 });
    expect(r.indices).toMatchObject({ gini: 0, hhiNormalized: 0, evenness: 1, maxMinRatio: 1 });
    expect(r.indices.chiSquare).toMatchObject({ statistic: 0, p: 1, against: 'baseline' });
  });

  it('notes that chi-square on seconds is descriptive', () => {
    const r = metricsReport(SAMPLE, { unit: 'seconds', by: 'entity' });
    expect(r.notes.join(' ')).toMatch(/scale/);
  });
});
