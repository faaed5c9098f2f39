import { describe, expect, it } from 'vitest';
import { aggregateCoverage } from '../../../src/metrics/aggregate-coverage.ts';
import type { SubjectCoverage } from '../../../src/metrics/types.ts';
import { SAMPLE } from './rows.ts';

const bySubject = (list: SubjectCoverage[]) => new Map(list.map((c) => [c.subject, c]));

describe('aggregateCoverage', () => {
  it('counts distinct items per entity', () => {
    // A: i1, i2 → 2; B: i1, i3 → 2; total 4 → shares 1/2 each, gap 0.
    const out = bySubject(aggregateCoverage(SAMPLE, { unit: 'items', by: 'entity' }));
    expect(out.get('A')).toMatchObject({ value: 2, share: 0.5, gapToEqual: 0, items: 2 });
    expect(out.get('B')).toMatchObject({ value: 2, share: 0.5, gapToEqual: 0 });
  });

  it('sums mentions, words and seconds', () => {
    // mentions A = 3 + 2 = 5, B = 1 + 5 = 6, total 11; gap A = 5/11 − 1/2 = −1/22.
    const m = aggregateCoverage(SAMPLE, { unit: 'mentions', by: 'entity' });
    expect(m.map((c) => c.subject)).toEqual(['B', 'A']); // largest first
    const a = bySubject(m).get('A')!;
    expect(a.value).toBe(5);
    expect(a.share).toBeCloseTo(5 / 11, 12);
    expect(a.gapToEqual).toBeCloseTo(-1 / 22, 12);
    expect(a.nameMentions).toBe(4);
    expect(a.titleMentions).toBe(1);
    // words A = 20 + 15 = 35, B = 10 + 30 = 40; seconds A = 0, B = 12.
    const w = bySubject(aggregateCoverage(SAMPLE, { unit: 'words', by: 'entity' }));
    expect(w.get('A')!.value).toBe(35);
    expect(w.get('B')!.share).toBeCloseTo(40 / 75, 12);
    const s = bySubject(aggregateCoverage(SAMPLE, { unit: 'seconds', by: 'entity' }));
    expect(s.get('A')).toMatchObject({ value: 0, share: 0 });
    expect(s.get('B')).toMatchObject({ value: 12, share: 1, gapToEqual: 0.5 });
  });

  it('splits tone into counts and shares', () => {
    // A: positive 1, neutral 2 + 2 = 4, negative 0 → 1/5, 4/5, 0.
    const a = bySubject(aggregateCoverage(SAMPLE, { unit: 'items', by: 'entity' })).get('A')!;
    expect(a.tone.counts).toEqual({ positive: 1, neutral: 4, negative: 0 });
    expect(a.tone.shares).toEqual({ positive: 0.2, neutral: 0.8, negative: 0 });
  });

  it('counts each story once with dedupe=story (earliest copy kept)', () => {
    // st1 = i1 (1 Feb) and i2 (2 Feb): i2 dropped. items A = 1, B = 2; mentions A 3, B 6.
    const items = bySubject(
      aggregateCoverage(SAMPLE, { unit: 'items', by: 'entity', dedupe: 'story' }),
    );
    expect(items.get('A')!.value).toBe(1);
    expect(items.get('B')!.value).toBe(2);
    const m = bySubject(
      aggregateCoverage(SAMPLE, { unit: 'mentions', by: 'entity', dedupe: 'story' }),
    );
    expect(m.get('A')!.value).toBe(3);
    expect(m.get('B')!.share).toBeCloseTo(6 / 9, 12);
  });

  it('groups by outlet, ownership and party', () => {
    // outlet s1: i1 → 1 item, 3 + 1 = 4 mentions; s2: i2, i3 → 2 items, 2 + 5 = 7 mentions.
    const o = bySubject(aggregateCoverage(SAMPLE, { unit: 'items', by: 'outlet' }));
    expect(o.get('s1')!.value).toBe(1);
    expect(o.get('s2')!.value).toBe(2);
    const own = bySubject(aggregateCoverage(SAMPLE, { unit: 'mentions', by: 'ownership' }));
    expect(own.get('state')!.value).toBe(4);
    expect(own.get('private')!.value).toBe(7);
    // A belongs to p1; B has no party and stands as itself.
    const p = bySubject(
      aggregateCoverage(SAMPLE, {
        unit: 'mentions',
        by: 'party',
        partyOf: (e) => (e === 'A' ? 'p1' : undefined),
      }),
    );
    expect([...p.keys()].sort()).toEqual(['B', 'p1']);
    expect(p.get('p1')!.value).toBe(5);
  });

  it('reports listed subjects only, zero coverage included, in the given order', () => {
    // n = 2 listed (A, C): B's rows are ignored; A 5 of 5 mentions → share 1, gap 1/2;
    // C nothing → share 0, gap −1/2.
    const out = aggregateCoverage(SAMPLE, { unit: 'mentions', by: 'entity', subjects: ['C', 'A'] });
    expect(out.map((c) => c.subject)).toEqual(['C', 'A']);
    expect(out[0]).toMatchObject({ value: 0, share: 0, gapToEqual: -0.5, items: 0 });
    expect(out[0]!.tone.shares).toBeNull();
    expect(out[1]).toMatchObject({ value: 5, share: 1, gapToEqual: 0.5 });
  });

  it('gives null shares when nothing was covered', () => {
    const out = aggregateCoverage([], { unit: 'items', by: 'entity', subjects: ['A', 'B'] });
    expect(out).toHaveLength(2);
    expect(out.every((c) => c.value === 0 && c.share === null && c.gapToEqual === null)).toBe(true);
    expect(aggregateCoverage([], { unit: 'items', by: 'entity' })).toEqual([]);
  });
});
