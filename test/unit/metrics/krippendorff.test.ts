import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from '../../../src/metrics/krippendorff.ts';
import { reliabilityReport, reviewUnits } from '../../../src/metrics/reliability.ts';
import type { Coding, Mention, ReviewRecord } from '../../../src/core/types.ts';

const P = 'positive';
const U = 'neutral';
const N = 'negative';

describe('krippendorffAlpha', () => {
  // Worked by hand: coincidences o(P,P)=2, o(U,U)=4, o(N,N)=2, o(P,U)=o(U,P)=1;
  // n_P=3, n_U=5, n_N=2, n=10. The unit coded once is not pairable.
  const twoCoders = [
    [P, P],
    [U, U],
    [N, N],
    [P, U],
    [U, U],
    [N, null],
  ];

  it('nominal: 1 − (n−1)·Σo_ck / (n² − Σn_c²) = 1 − 9·2/62', () => {
    const r = krippendorffAlpha(twoCoders);
    expect(r.alpha).toBeCloseTo(44 / 62, 12);
    expect(r.units).toBe(5);
    expect(r.values).toBe(10);
  });

  it('ordinal: δ²(P,U)=16, δ²(U,N)=12.25, δ²(P,N)=56.25 → 1 − 9·32/1400', () => {
    // A disagreement between neighbours costs less than under the nominal metric.
    expect(krippendorffAlpha(twoCoders, 'ordinal').alpha).toBeCloseTo(1112 / 1400, 12);
  });

  it('weights units by 1/(m−1) and skips missing values: three coders', () => {
    // o(a,a)=3, o(b,b)=3, o(a,b)=o(b,a)=1; n_a=n_b=4; alpha = 1 − 7·2/32.
    const r = krippendorffAlpha([
      ['a', 'a', 'a'],
      ['a', 'b', null],
      ['b', 'b', 'b'],
      [null, null, 'a'],
    ]);
    expect(r.alpha).toBeCloseTo(18 / 32, 12);
    expect(r.units).toBe(3);
  });

  it("matches the published values of Krippendorff's four-observer reliability example", () => {
    // Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 12 units, 4 observers.
    const A = ['1', '2', '3', '3', '2', '1', '4', '1', '2', null, null, null];
    const B = ['1', '2', '3', '3', '2', '2', '4', '1', '2', '5', null, '3'];
    const C = [null, '3', '3', '3', '2', '3', '4', '2', '2', '5', '1', null];
    const D = ['1', '2', '3', '3', '2', '4', '4', '1', '2', '5', '1', null];
    const units = A.map((_, i) => [A[i]!, B[i]!, C[i]!, D[i]!]);
    expect(krippendorffAlpha(units).alpha).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(units, 'ordinal', ['1', '2', '3', '4', '5']).alpha).toBeCloseTo(
      0.815,
      3,
    );
  });

  it('is 1 for perfect agreement with more than one value in use', () => {
    expect(
      krippendorffAlpha([
        [P, P],
        [N, N, N],
        [U, null, U],
      ]).alpha,
    ).toBe(1);
    expect(
      krippendorffAlpha(
        [
          [P, P],
          [N, N],
        ],
        'ordinal',
      ).alpha,
    ).toBe(1);
  });

  it('is undefined, with the reason, when only one value is used or nothing is pairable', () => {
    const one = krippendorffAlpha([
      [U, U],
      [U, U, U],
    ]);
    expect(one.alpha).toBeNull();
    expect(one.reason).toMatch(/same/);
    const none = krippendorffAlpha([[P, null], [null, N], []]);
    expect(none).toMatchObject({ alpha: null, units: 0 });
    expect(none.reason).toMatch(/two or more coders/);
  });

  it('goes below zero when coders disagree more than chance would', () => {
    expect(
      krippendorffAlpha([
        [P, N],
        [N, P],
      ]).alpha!,
    ).toBeLessThan(0);
  });

  it('refuses ordinal values it cannot rank', () => {
    expect(() => krippendorffAlpha([['x', P]], 'ordinal')).toThrow(/order/);
  });
});

describe('reliabilityReport', () => {
  const coding = (itemId: string, entity: string, coder: string, tone: Coding['tone']) => ({
    itemId,
    entity,
    coder,
    tone,
  });

  it('builds one unit per item and entity from double codings', () => {
    const codings: Coding[] = [
      coding('i1', 'musavat', 'aysel', P),
      coding('i1', 'musavat', 'murad', P),
      coding('i2', 'musavat', 'aysel', U),
      coding('i2', 'musavat', 'murad', U),
      coding('i3', 'musavat', 'aysel', N),
      coding('i3', 'musavat', 'murad', N),
      coding('i4', 'musavat', 'aysel', P),
      coding('i4', 'musavat', 'murad', U),
      coding('i5', 'musavat', 'aysel', U),
      coding('i5', 'musavat', 'murad', U),
      coding('i6', 'musavat', 'aysel', N),
    ];
    const r = reliabilityReport(codings).tone;
    expect(r.alpha).toBeCloseTo(44 / 62, 12);
    expect(r.alphaOrdinal).toBeCloseTo(1112 / 1400, 12);
    expect(r).toMatchObject({ units: 5, coders: 2, pairs: 5, agreement: 80 });
  });

  const mention = (tone: Mention['tone'], extra: Partial<Mention> = {}): Mention => ({
    entity: 'musavat',
    type: 'party',
    kind: 'name',
    start: 10,
    end: 18,
    surface: 'Müsavat',
    position: 'body',
    sentence: 'Müsavat bəyanat yayıb.',
    tone,
    toneSource: 'auto',
    dictionaryVersion: 't',
    ...extra,
  });
  const rec = (
    itemId: string,
    action: ReviewRecord['action'],
    before: Mention | null,
    after: Mention | null,
  ): ReviewRecord => ({
    id: `${itemId}${action}`,
    itemId,
    action,
    before,
    after,
    coder: 'c',
    at: '',
  });

  it('pairs the automatic tone with the last reviewed tone; rejected mentions drop out', () => {
    const reviewed = { toneSource: 'review' as const, status: 'corrected' as const };
    const log = [
      rec('a', 'accept', mention(U), mention(U, { toneSource: 'review', status: 'accepted' })),
      rec('b', 'correct', mention(U), mention(N, reviewed)),
      rec('b', 'correct', mention(N, reviewed), mention(P, reviewed)),
      rec('c', 'correct', mention(N), mention(N, reviewed)),
      rec('d', 'accept', mention(P), mention(P, { toneSource: 'review' })),
      rec('d', 'reject', mention(P, { toneSource: 'review' }), null),
      rec('e', 'add', null, mention(P, reviewed)),
    ];
    expect(reviewUnits(log)).toEqual([
      [U, U],
      [U, P],
      [N, N],
    ]);
    const auto = reliabilityReport([], log).automatic;
    expect(auto).toMatchObject({ units: 3, coders: 2, pairs: 3 });
    expect(auto.agreement).toBeCloseTo(66.7, 5);
    // o(U,U)=2, o(N,N)=2, o(U,P)=o(P,U)=1; n_U=3, n_N=2, n_P=1: 1 − 5·2/(36−14).
    expect(auto.alpha).toBeCloseTo(1 - 10 / 22, 12);
  });

  it('reports why alpha is missing when nothing was double coded', () => {
    const r = reliabilityReport([coding('i1', 'musavat', 'aysel', P)]);
    expect(r.tone).toMatchObject({ alpha: null, units: 0, pairs: 0, agreement: null });
    expect(r.tone.reason).toBeTruthy();
  });
});
