// The period a report covers: an interim report runs from the campaign's start to now;
// a final one covers the whole election, silence period and voting day included.
import { SkipItemError } from '../../core/errors.ts';
import type { Election } from '../../tagging/index.ts';
import { instantOf } from '../../metrics/index.ts';
import { periodsOf } from '../coverage-metrics.ts';
import type { ReportKind } from './types.ts';

export function reportPeriod(
  election: Election,
  kind: ReportKind,
  now: Date,
  override: { from?: string | undefined; to?: string | undefined } = {},
): { from: string; to: string } {
  const periods = periodsOf(election);
  const campaign = periods.find((p) => p.id === 'campaign');
  const voting = periods.find((p) => p.id === 'voting-day');
  const from = override.from
    ? bound(override.from, 0)
    : (campaign?.start ?? election.campaignStart);
  const to = override.to
    ? bound(override.to, DAY_MS)
    : ((kind === 'final' ? voting?.end : null) ?? now.toISOString());
  return { from, to };
}

const DAY_MS = 24 * 3600_000;

/** An ISO instant; a bare date is Baku midnight, and as an end bound it includes that day. */
function bound(value: string, dayEnd: number): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value.trim());
  const t = instantOf(value, '+04:00');
  if (Number.isNaN(t))
    throw new SkipItemError(`not a date: ${value} (use YYYY-MM-DD or an ISO date-time)`);
  return new Date(t + (dateOnly ? dayEnd : 0)).toISOString();
}
