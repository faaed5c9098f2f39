import { describe, expect, it } from 'vitest';
import { chiSquareEqual } from '../../../src/metrics/chi-square.ts';
import { chiSquareSurvival, gammaP, logGamma } from '../../../src/metrics/gamma.ts';

describe('chi-square survival function', () => {
  it('matches critical values from printed tables', () => {
    expect(chiSquareSurvival(3.841, 1)).toBeCloseTo(0.05, 4);
    expect(chiSquareSurvival(5.991, 2)).toBeCloseTo(0.05, 4);
    expect(chiSquareSurvival(11.07, 5)).toBeCloseTo(0.05, 4);
    expect(chiSquareSurvival(6.635, 1)).toBeCloseTo(0.01, 4);
    expect(chiSquareSurvival(23.209, 10)).toBeCloseTo(0.01, 4);
    expect(chiSquareSurvival(124.342, 100)).toBeCloseTo(0.05, 4);
  });
  it('matches closed forms', () => {
    // df 2: Q(1, x/2) = e^(−x/2).
    expect(chiSquareSurvival(10, 2)).toBeCloseTo(Math.exp(-5), 12);
    // df 4: Q(2, x/2) = e^(−x/2)(1 + x/2); x = 4 → 3e^−2.
    expect(chiSquareSurvival(4, 4)).toBeCloseTo(3 * Math.exp(-2), 12);
    // df 1, x = 1: erfc(1/√2) = 0.3173105 (the two-sided 1-sigma tail).
    expect(chiSquareSurvival(1, 1)).toBeCloseTo(0.3173105, 6);
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(chiSquareSurvival(Infinity, 3)).toBe(0);
  });
  it('has a sound log-gamma and P + Q = 1', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12); // Γ(5) = 4!
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12); // Γ(1/2) = √π
    expect(gammaP(3, 2.5) + chiSquareSurvival(5, 6)).toBeCloseTo(1, 12);
  });
});

describe('chiSquareEqual', () => {
  it('tests counts against an equal split', () => {
    // [10,20,30]: E = 20 each → (100 + 0 + 100)/20 = 10, df 2, p = e^−5.
    const r = chiSquareEqual([10, 20, 30]);
    expect(r.statistic).toBeCloseTo(10, 12);
    expect(r.df).toBe(2);
    expect(r.p).toBeCloseTo(Math.exp(-5), 12);
    expect(r.against).toBe('equal');
  });
  it('tests against a baseline of expected shares', () => {
    // baseline 1:1:2 → E = 15, 15, 30 → 25/15 + 25/15 + 0 = 10/3, df 2, p = e^(−5/3).
    const r = chiSquareEqual([10, 20, 30], [1, 1, 2]);
    expect(r.statistic).toBeCloseTo(10 / 3, 12);
    expect(r.p).toBeCloseTo(Math.exp(-5 / 3), 12);
    expect(r.against).toBe('baseline');
  });
  it('handles the edge cases', () => {
    expect(chiSquareEqual([5, 5, 5])).toMatchObject({ statistic: 0, df: 2, p: 1 });
    // A zero-coverage subject: [0, 6]: E = 3, 3 → 9/3 + 9/3 = 6, df 1.
    expect(chiSquareEqual([0, 6]).statistic).toBeCloseTo(6, 12);
    expect(chiSquareEqual([7])).toMatchObject({ p: null, reason: 'fewer-than-two-subjects' });
    expect(chiSquareEqual([0, 0])).toMatchObject({ p: null, reason: 'no-coverage' });
    expect(chiSquareEqual([1, 2], [1])).toMatchObject({ p: null, reason: 'bad-baseline' });
    // Expected 0 and observed 0 drops out: [10, 30, 0] vs 1:1:0 → E 20, 20 → 5 + 5, df 1.
    expect(chiSquareEqual([10, 30, 0], [1, 1, 0])).toMatchObject({ statistic: 10, df: 1 });
    // Expected 0 but observed > 0: impossible under the baseline.
    expect(chiSquareEqual([10, 30, 1], [1, 1, 0])).toMatchObject({ statistic: Infinity, p: 0 });
  });
});
