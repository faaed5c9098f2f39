// The period a report covers: an interim report runs from the campaign's start to now;
// a final one covers the whole election, silence period and voting day included.
import type { Election } from '../../tagging/index.ts';
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
  const from = override.from ?? campaign?.start ?? election.campaignStart;
  const to = override.to ?? (kind === 'final' ? voting?.end : null) ?? now.toISOString();
  return { from, to };
}
