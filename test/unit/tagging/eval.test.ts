import { describe, expect, it } from 'vitest';
import { evaluateTagger, TARGETS } from '../../../bench/tagger-eval.ts';

describe('labelled evaluation set', () => {
  it('meets the precision and recall targets for candidates and parties', () => {
    const r = evaluateTagger();
    expect(r.cases).toBeGreaterThanOrEqual(150);
    for (const s of [r.candidates, r.parties]) {
      expect(s.precision).toBeGreaterThanOrEqual(TARGETS.precision);
      expect(s.recall).toBeGreaterThanOrEqual(TARGETS.recall);
    }
    expect(r.pass).toBe(true);
  });
});
