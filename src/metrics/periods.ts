// Reporting periods from an election's dates: pre-campaign, campaign, silence period,
// voting day, after the election. Periods are half-open [start, end) instants.
import { FatalError } from '../core/errors.ts';

export const PERIOD_IDS = [
  'pre-campaign',
  'campaign',
  'silence',
  'voting-day',
  'post-election',
] as const;
export type PeriodId = (typeof PERIOD_IDS)[number];

export interface Period {
  id: PeriodId;
  /** ISO instant (UTC); null = open. */
  start: string | null;
  end: string | null;
}

export interface ElectionDates {
  /** First day (or instant) of the campaign, e.g. '2024-01-15'. */
  campaignStart: string;
  /** When campaigning stops, e.g. '2024-02-06T08:00'. */
  campaignEnd: string;
  /** Overrides where the campaign period stops and the silence starts. */
  silenceStart?: string;
  /** Voting day, e.g. '2024-02-07'. */
  votingDay: string;
}

const OFFSET = /^[+-]\d{2}:\d{2}$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Milliseconds of an ISO date or date-time. Strings without a zone are local time at
 * `tz` (e.g. '+04:00', Baku); a bare date is local midnight. NaN when unparseable.
 */
export function instantOf(iso: string, tz = '+00:00'): number {
  const s = iso.trim().replace(' ', 'T');
  if (HAS_ZONE.test(s)) return Date.parse(s);
  const local = DATE_ONLY.test(s) ? `${s}T00:00:00` : s;
  return Date.parse(`${local}${tz}`);
}

function must(iso: string, name: string, tz: string): number {
  const t = instantOf(iso, tz);
  if (Number.isNaN(t)) throw new FatalError(`election date ${name} is not a date: ${iso}`);
  return t;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function electionPeriods(dates: ElectionDates, tz = '+04:00'): Period[] {
  if (!OFFSET.test(tz)) throw new FatalError(`time zone offset must look like +04:00: ${tz}`);
  const start = must(dates.campaignStart, 'campaignStart', tz);
  const silence = must(dates.silenceStart ?? dates.campaignEnd, 'silenceStart/campaignEnd', tz);
  const vote = must(dates.votingDay, 'votingDay', tz);
  // Voting day is a calendar day in the election's zone even if a time was given.
  const votingDay = instantOf(new Date(vote + offsetMs(tz)).toISOString().slice(0, 10), tz);
  if (!(start < silence && silence <= votingDay)) {
    throw new FatalError(
      'election dates out of order: need campaignStart < campaignEnd (or silenceStart) ≤ votingDay',
    );
  }
  const iso = (t: number) => new Date(t).toISOString();
  return [
    { id: 'pre-campaign', start: null, end: iso(start) },
    { id: 'campaign', start: iso(start), end: iso(silence) },
    { id: 'silence', start: iso(silence), end: iso(votingDay) },
    { id: 'voting-day', start: iso(votingDay), end: iso(votingDay + DAY_MS) },
    { id: 'post-election', start: iso(votingDay + DAY_MS), end: null },
  ];
}

function offsetMs(tz: string): number {
  const sign = tz.startsWith('-') ? -1 : 1;
  const [h, m] = tz.slice(1).split(':').map(Number);
  return sign * ((h ?? 0) * 60 + (m ?? 0)) * 60 * 1000;
}

/** The period an instant falls in; null for a missing or unparseable date. */
export function periodOf(
  iso: string | null | undefined,
  periods: readonly Period[],
  tz = '+00:00',
): PeriodId | null {
  if (!iso) return null;
  const t = instantOf(iso, tz);
  if (Number.isNaN(t)) return null;
  for (const p of periods) {
    const afterStart = p.start === null || t >= Date.parse(p.start);
    const beforeEnd = p.end === null || t < Date.parse(p.end);
    if (afterStart && beforeEnd) return p.id;
  }
  return null;
}
