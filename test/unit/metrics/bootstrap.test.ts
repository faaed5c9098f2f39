import { describe, expect, it } from 'vitest';
import { bootstrapShareCI, quantile } from '../../../src/metrics/bootstrap.ts';
import { mulberry32 } from '../../../src/metrics/prng.ts';
import { row, SAMPLE } from './rows.ts';

describe('mulberry32', () => {
  it('is reproducible from its seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(100);
  });
});

describe('quantile', () => {
  it('interpolates between order statistics', () => {
    // [1,2,3,4]: position 3·0.25 = 0.75 → 1 + 0.75 = 1.75; median at 1.5 → 2.5.
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe('bootstrapShareCI', () => {
  it('is deterministic for a seed', () => {
    const opts = { by: 'entity' as const, iterations: 200, seed: 7 };
    const a = bootstrapShareCI(SAMPLE, 'mentions', opts);
    expect(bootstrapShareCI(SAMPLE, 'mentions', opts)).toEqual(a);
    for (const ci of a) {
      expect(ci.lower!).toBeLessThanOrEqual(ci.share!);
      expect(ci.upper!).toBeGreaterThanOrEqual(ci.share!);
    }
    // mentions A = 5 of 11 (see rows.ts).
    expect(a.find((c) => c.subject === 'A')!.share).toBeCloseTo(5 / 11, 12);
  });

  it('gives a zero-width interval when every item splits the same way', () => {
    // Each item mentions X twice and Y once: every resample has shares 2/3 and 1/3.
    const rows = ['a', 'b', 'c', 'd'].flatMap((id) => [
      row({ itemId: id, entity: 'X', mentions: 2 }),
      row({ itemId: id, entity: 'Y', mentions: 1 }),
    ]);
    const out = bootstrapShareCI(rows, 'mentions', {
      by: 'entity',
      subjects: ['X', 'Y', 'Z'],
      iterations: 50,
    });
    expect(out[0]!.lower).toBeCloseTo(2 / 3, 12);
    expect(out[0]!.upper).toBeCloseTo(2 / 3, 12);
    expect(out[1]!.upper).toBeCloseTo(1 / 3, 12);
    // Z, listed but never covered: share 0 in every resample.
    expect(out[2]).toEqual({ subject: 'Z', share: 0, lower: 0, upper: 0 });
  });

  it('has no interval without coverage', () => {
    const out = bootstrapShareCI([], 'items', { by: 'entity', subjects: ['A'] });
    expect(out).toEqual([{ subject: 'A', share: null, lower: null, upper: null }]);
  });

  it('widens when there are fewer items', () => {
    // Items each covering only one subject; half X, half Y. Fewer items → wider interval.
    const make = (n: number) =>
      Array.from({ length: n }, (_, i) => row({ itemId: `i${i}`, entity: i % 2 ? 'X' : 'Y' }));
    const width = (n: number) => {
      const ci = bootstrapShareCI(make(n), 'items', { by: 'entity', seed: 3, iterations: 400 });
      const x = ci.find((c) => c.subject === 'X')!;
      return x.upper! - x.lower!;
    };
    expect(width(10)).toBeGreaterThan(width(400));
  });
});
