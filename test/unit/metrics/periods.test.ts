import { describe, expect, it } from 'vitest';
import { FatalError } from '../../../src/core/errors.ts';
import { electionPeriods, instantOf, periodOf } from '../../../src/metrics/periods.ts';

// Presidential election 2024: campaign 15 Jan – 6 Feb 08:00, voting 7 Feb (Baku, +04:00).
const periods = electionPeriods(
  { campaignStart: '2024-01-15', campaignEnd: '2024-02-06T08:00', votingDay: '2024-02-07' },
  '+04:00',
);

describe('electionPeriods', () => {
  it('lays out contiguous periods in UTC', () => {
    expect(periods).toEqual([
      { id: 'pre-campaign', start: null, end: '2024-01-14T20:00:00.000Z' },
      { id: 'campaign', start: '2024-01-14T20:00:00.000Z', end: '2024-02-06T04:00:00.000Z' },
      { id: 'silence', start: '2024-02-06T04:00:00.000Z', end: '2024-02-06T20:00:00.000Z' },
      { id: 'voting-day', start: '2024-02-06T20:00:00.000Z', end: '2024-02-07T20:00:00.000Z' },
      { id: 'post-election', start: '2024-02-07T20:00:00.000Z', end: null },
    ]);
  });

  it('lets silenceStart cut the campaign', () => {
    const p = electionPeriods(
      {
        campaignStart: '2024-08-09',
        campaignEnd: '2024-08-31T08:00',
        silenceStart: '2024-08-31T00:00',
        votingDay: '2024-09-01',
      },
      '+04:00',
    );
    expect(p[1]!.end).toBe('2024-08-30T20:00:00.000Z');
    expect(p[2]!.start).toBe('2024-08-30T20:00:00.000Z');
  });

  it('rejects dates out of order or unreadable', () => {
    const bad = { campaignStart: '2024-02-08', campaignEnd: '2024-02-06', votingDay: '2024-02-07' };
    expect(() => electionPeriods(bad)).toThrow(FatalError);
    expect(() =>
      electionPeriods({
        campaignStart: 'soon',
        campaignEnd: '2024-02-06',
        votingDay: '2024-02-07',
      }),
    ).toThrow(FatalError);
    expect(() =>
      electionPeriods(
        { campaignStart: '2024-01-15', campaignEnd: '2024-02-06', votingDay: '2024-02-07' },
        'Baku',
      ),
    ).toThrow(FatalError);
  });
});

describe('periodOf', () => {
  it('puts boundary instants in the later period', () => {
    expect(periodOf('2024-01-14T23:59:59+04:00', periods)).toBe('pre-campaign');
    expect(periodOf('2024-01-14T20:00:00Z', periods)).toBe('campaign'); // 15 Jan 00:00 Baku
    expect(periodOf('2024-02-06T07:59:59+04:00', periods)).toBe('campaign');
    expect(periodOf('2024-02-06T08:00:00+04:00', periods)).toBe('silence');
    expect(periodOf('2024-02-06T04:00:00.000Z', periods)).toBe('silence');
    expect(periodOf('2024-02-06T23:59:59+04:00', periods)).toBe('silence');
    expect(periodOf('2024-02-07T00:00:00+04:00', periods)).toBe('voting-day');
    expect(periodOf('2024-02-07T23:59:59+04:00', periods)).toBe('voting-day');
    expect(periodOf('2024-02-08T00:00:00+04:00', periods)).toBe('post-election');
  });

  it('reads zone-less dates in the given zone', () => {
    // 2024-02-06 09:00 in Baku is silence; read as UTC it would be 13:00 Baku, also silence,
    // but 06:00 Baku is campaign while 06:00 UTC is 10:00 Baku (silence).
    expect(periodOf('2024-02-06 06:00', periods, '+04:00')).toBe('campaign');
    expect(periodOf('2024-02-06 06:00', periods)).toBe('silence');
    expect(instantOf('2024-02-07', '+04:00')).toBe(Date.parse('2024-02-06T20:00:00Z'));
  });

  it('returns null without a usable date', () => {
    expect(periodOf(null, periods)).toBeNull();
    expect(periodOf('not a date', periods)).toBeNull();
  });
});
