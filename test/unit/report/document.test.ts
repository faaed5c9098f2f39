import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/core/store.ts';
import { computeMetrics } from '../../../src/report/coverage-metrics.ts';
import { buildReport, TEXTS, type ReportModel } from '../../../src/report/document/index.ts';
import { ELECTION, HOSTILE_TITLE, reportStore } from './document-fixture.ts';

describe('buildReport', () => {
  let store: Store;
  let final: ReportModel;
  let finalAz: ReportModel;
  const generatedAt = new Date('2024-03-01T00:00:00Z');

  beforeAll(async () => {
    store = await reportStore();
    final = await buildReport(store, ELECTION, { kind: 'final', lang: 'en', generatedAt });
    finalAz = await buildReport(store, ELECTION, { kind: 'final', lang: 'az', generatedAt });
  });
  afterAll(async () => {
    await store.close();
  });

  it('covers the campaign to the end of voting day for a final report', () => {
    expect(final.period.from).toBe('2024-01-14T20:00:00.000Z');
    expect(final.period.to).toBe('2024-02-07T20:00:00.000Z');
    expect(final.period.lastItemAt).toBe('2024-02-06T08:00:00.000Z');
    expect(final.generatedAt).toBe(generatedAt.toISOString());
  });

  it('covers campaign start to now for an interim report', async () => {
    const at = new Date('2024-01-30T00:00:00Z');
    const interim = await buildReport(store, ELECTION, {
      kind: 'interim',
      lang: 'en',
      generatedAt: at,
    });
    expect(interim.period.from).toBe('2024-01-14T20:00:00.000Z');
    expect(interim.period.to).toBe(at.toISOString());
    expect(interim.silence.total).toBe(0);
    expect(interim.coverage.totalMentions).toBe(11);
  });

  it('puts the same numbers in its tables as computeMetrics', async () => {
    const range = { from: final.period.from, to: final.period.to };
    const m = await computeMetrics(store, ELECTION, { unit: 'mentions', by: 'entity', ...range });
    expect(final.coverage.totalMentions).toBe(m.total);
    expect(
      final.coverage.candidates.map((c) => [c.entity, c.items, c.mentions, c.share, c.tone]),
    ).toEqual(m.subjects.map((s) => [s.entity, s.items, s.value, s.share, s.tone]));
    expect(final.coverage.indices).toEqual(m.indices);
    const xeber = final.coverage.outlets.find((o) => o.outlet === 'xeber');
    const mx = await computeMetrics(store, ELECTION, {
      unit: 'mentions',
      by: 'entity',
      ...range,
      filter: { sources: ['xeber'] },
    });
    expect(xeber?.totalMentions).toBe(mx.total);
    for (const s of mx.subjects) expect(xeber?.shares[s.entity]).toBe(s.share);
    // The pre-campaign item is outside the period.
    const fazil = final.coverage.candidates.find((c) => c.entity === 'mustafa_fazil');
    expect(fazil?.mentions).toBe(3);
  });

  it('finds each outlet’s leading candidate, the incumbent split and the tone skew', () => {
    const agency = final.findings.find((f) => f.outlet === 'agency');
    expect(agency?.top).toMatchObject({ entity: 'aliyev_ilham', mentions: 4, share: 0.8 });
    expect(agency?.incumbent).toMatchObject({ officialMentions: 1, candidateMentions: 3 });
    expect(agency?.incumbent?.officialShare).toBe(0.25);
    expect(agency?.sentences[0]).toContain('80.0% (4 of 5)');
    const xeber = final.findings.find((f) => f.outlet === 'xeber');
    expect(xeber?.mostFavourable?.entity).toBe('oruc_zahid');
    expect(xeber?.leastFavourable?.entity).toBe('mustafa_fazil');
    expect(xeber?.leastFavourable?.net).toBe(-1);
    // Fazil Mustafa and Zahid Oruc have 3 mentions each: the sentence names both.
    expect(xeber?.sentences[0]).toMatch(/Fazil Mustafa, Zahid Oruc|Zahid Oruc, Fazil Mustafa/);
    expect(xeber?.sentences.join(' ')).toContain('−100.0');
  });

  it('lists items published in the silence period', () => {
    expect(final.silence.total).toBe(1);
    expect(final.silence.items[0]).toMatchObject({
      outlet: 'azadsoz',
      outletName: 'Azad Söz',
      period: 'silence',
      title: HOSTILE_TITLE,
      url: 'https://azadsoz.example/sukut',
      publishedAt: '2024-02-06T08:00:00.000Z',
      entities: ['Zahid Oruc'],
    });
  });

  it('reports data completeness per source, with failures and pauses', () => {
    const rows = Object.fromEntries(final.completeness.sources.map((s) => [s.sourceId, s]));
    expect(rows.agency).toMatchObject({
      fetches: 2,
      failures: 0,
      lastSuccessAt: '2024-02-02T10:00:00.000Z',
    });
    expect(rows.xeber).toMatchObject({
      fetches: 3,
      failures: 2,
      lastSuccessAt: '2024-02-01T10:00:00.000Z',
    });
    expect(rows.azadsoz).toMatchObject({ fetches: 0, pausedReason: 'blocked by robots.txt' });
    expect(final.completeness.failuresTotal).toBe(2);
    expect(final.completeness.failures.map((f) => [f.sourceId, f.at, f.error])).toEqual([
      ['xeber', '2024-02-04T10:00:00.000Z', 'HTTP 503 again'],
      ['xeber', '2024-02-03T10:00:00.000Z', 'HTTP 503'],
    ]);
  });

  it('describes the method: sources, dictionary version and share of reviewed mentions', () => {
    const m = final.methodology;
    expect(m.sources.map((s) => s.id).sort()).toEqual(['agency', 'azadsoz', 'xeber']);
    expect(m.sources.find((s) => s.id === 'azadsoz')?.ownership).toBe('opposition');
    expect(m.dictionaryVersions).toEqual(['test-1']);
    expect(m.mentions).toBe(12);
    expect(m.reviewedMentions).toBe(2);
    expect(m.reviewedShare).toBeCloseTo(2 / 12);
    expect(m.paragraphs.join(' ')).toContain('2 of the 12 mentions');
    expect(m.indicesNote).toMatch(/own measures/);
    expect(m.units.map((u) => u.unit)).toEqual(['items', 'mentions', 'words', 'seconds']);
  });

  it('writes its labels and findings in the requested language', () => {
    expect(final.title).toBe(TEXTS.en.title('final', ELECTION.name));
    expect(finalAz.title).toBe(TEXTS.az.title('final', ELECTION.name));
    expect(finalAz.title).toMatch(/yekun hesabat/);
    const az = finalAz.findings.find((f) => f.outlet === 'agency');
    expect(az?.sentences[0]).toContain('80,0% (5 istinaddan 4)');
    expect(finalAz.methodology.indicesNote).toMatch(/Layihənin öz göstəriciləri/);
    expect(finalAz.charts.map((c) => c.title)).toContain('Subyektlər üzrə işıqlandırmanın tonu');
    // The numbers do not depend on the language.
    expect(finalAz.coverage).toEqual(final.coverage);
  });

  it('respects from/to overrides, with a bare date ending at the end of that day in Baku', async () => {
    const m = await buildReport(store, ELECTION, {
      kind: 'final',
      lang: 'en',
      from: '2024-01-22',
      to: '2024-01-25',
      generatedAt,
    });
    expect(m.period.from).toBe('2024-01-21T20:00:00.000Z');
    expect(m.period.to).toBe('2024-01-25T20:00:00.000Z');
    expect(m.coverage.totalMentions).toBe(8);
  });
});
