import { describe, expect, it } from 'vitest';
import { gini, lorenzCurve } from '../../../src/metrics/gini.ts';
import { hhi, hhiNormalized } from '../../../src/metrics/concentration.ts';
import { shannonEvenness } from '../../../src/metrics/evenness.ts';
import { maxMinRatio } from '../../../src/metrics/max-min-ratio.ts';

describe('gini', () => {
  it('matches the double sum worked by hand', () => {
    // [1,2,3]: ordered pairs |diff| = 2·(1 + 2 + 1) = 8; 2·n·Σx = 2·3·6 = 36 → 2/9.
    expect(gini([1, 2, 3])).toBeCloseTo(2 / 9, 12);
    expect(gini([3, 1, 2])).toBeCloseTo(2 / 9, 12);
    // [0,0,10]: 2·(0 + 10 + 10) = 40; 2·3·10 = 60 → 2/3 = (n−1)/n, the maximum.
    expect(gini([0, 0, 10])).toBeCloseTo(2 / 3, 12);
  });
  it('handles the edge cases', () => {
    expect(gini([4, 4, 4, 4])).toBe(0); // all equal
    expect(gini([7])).toBe(0); // one subject
    expect(gini([0, 0])).toBe(0); // zero total: nobody favoured
    expect(gini([])).toBeNull();
  });
});

describe('lorenzCurve', () => {
  it('accumulates sorted shares', () => {
    // [3,1,0] sorted 0,1,3 of 4 → y: 0, 0, 1/4, 1; x: 0, 1/3, 2/3, 1.
    const pts = lorenzCurve([3, 1, 0]);
    expect(pts.map((p) => p.y)).toEqual([0, 0, 0.25, 1]);
    expect(pts.map((p) => p.x)).toEqual([0, 1 / 3, 2 / 3, 1]);
    // Zero total → the equality line.
    expect(lorenzCurve([0, 0]).map((p) => p.y)).toEqual([0, 0.5, 1]);
  });
});

describe('hhi', () => {
  it('matches hand values', () => {
    // [1,2,3]: shares 1/6, 2/6, 3/6 → H = (1 + 4 + 9)/36 = 14/36;
    // H* = (14/36 − 12/36)/(24/36) = 2/24 = 1/12.
    expect(hhi([1, 2, 3])).toBeCloseTo(14 / 36, 12);
    expect(hhiNormalized([1, 2, 3])).toBeCloseTo(1 / 12, 12);
  });
  it('handles the edge cases', () => {
    expect(hhi([5, 5, 5, 5])).toBeCloseTo(0.25, 12); // all equal: 1/n
    expect(hhiNormalized([5, 5, 5, 5])).toBeCloseTo(0, 12);
    expect(hhiNormalized([0, 0, 10])).toBeCloseTo(1, 12); // zero-coverage subjects
    expect(hhi([9])).toBe(1); // one subject
    expect(hhiNormalized([9])).toBeNull();
    expect(hhi([0, 0])).toBeNull(); // zero total
    expect(hhiNormalized([0, 0])).toBeNull();
    expect(hhi([])).toBeNull();
  });
});

describe('shannonEvenness', () => {
  it('matches hand values', () => {
    // [1,1,2]: shares 1/4, 1/4, 1/2 → H = 2·(1/4)ln4 + (1/2)ln2 = 1.5·ln2; J = 1.5·ln2/ln3.
    expect(shannonEvenness([1, 1, 2])).toBeCloseTo((1.5 * Math.LN2) / Math.log(3), 12);
    expect(shannonEvenness([1, 1, 2])).toBeCloseTo(0.946395, 6);
    // [0,5,5]: the zero term is 0·ln0 = 0 → H = ln2; J = ln2/ln3.
    expect(shannonEvenness([0, 5, 5])).toBeCloseTo(Math.LN2 / Math.log(3), 12);
  });
  it('handles the edge cases', () => {
    expect(shannonEvenness([3, 3, 3])).toBeCloseTo(1, 12);
    expect(shannonEvenness([0, 0, 10])).toBe(0);
    expect(shannonEvenness([10])).toBeNull(); // ln 1 = 0
    expect(shannonEvenness([0, 0])).toBeNull();
  });
});

describe('maxMinRatio', () => {
  it('divides the largest by the smallest', () => {
    expect(maxMinRatio([2, 8, 4])).toEqual({ value: 4 });
    expect(maxMinRatio([5])).toEqual({ value: 1 });
    expect(maxMinRatio([3, 3])).toEqual({ value: 1 });
  });
  it('reports why there is no ratio', () => {
    expect(maxMinRatio([0, 3, 0])).toEqual({
      value: null,
      reason: 'zero-minimum',
      zeroSubjects: 2,
    });
    expect(maxMinRatio([0, 0])).toEqual({ value: null, reason: 'no-coverage' });
    expect(maxMinRatio([])).toEqual({ value: null, reason: 'no-subjects' });
  });
});
