import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evalExtraction, pagePrecisionRecall, shingles } from '../../../bench/extraction.ts';

const dir = fileURLToPath(
  new URL('../../../../shared/benchmarks/article-extraction', import.meta.url),
);
const present = existsSync(`${dir}/ground-truth.json`);

describe('benchmark metric', () => {
  it('counts 4-token shingles as a multiset; short texts are one shingle', () => {
    expect([...shingles('a b c d e').entries()]).toEqual([
      ['a b c d', 1],
      ['b c d e', 1],
    ]);
    expect([...shingles('Əliyev, Bakı!').entries()]).toEqual([['Əliyev Bakı', 1]]);
    expect(shingles('a b c d a b c d').get('a b c d')).toBe(2);
    expect(shingles('').size).toBe(0);
  });

  it('scores precision and recall per page', () => {
    expect(pagePrecisionRecall('w x y z', 'w x y z')).toEqual([1, 1]);
    expect(pagePrecisionRecall('', '')).toEqual([1, 1]);
    expect(pagePrecisionRecall('', 'w x y z')).toEqual([0, 0]);
    const [p, r] = pagePrecisionRecall('a b c d e f', 'a b c d e');
    expect(p).toBeCloseTo(2 / 3);
    expect(r).toBe(1);
  });
});

describe.skipIf(!present)('shared article-extraction benchmark (first 8 pages)', () => {
  it('scores F1 above 0.85', async () => {
    const score = await evalExtraction(dir, { limit: 8 });
    expect(score.pages).toBe(8);
    expect(score.f1).toBeGreaterThan(0.85);
  });
});

if (!present) console.warn(`skipping benchmark test: ${dir} is missing`);
