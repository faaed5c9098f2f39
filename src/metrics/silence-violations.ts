// Possible silence-period violations: items about a candidate's campaign published after
// campaigning stopped (silence period) or on voting day.
import type { CoverageRow } from '../core/store.ts';
import { periodOf, type Period, type PeriodId } from './periods.ts';

export interface SilenceViolation {
  itemId: string;
  sourceId: string;
  publishedAt: string;
  period: Extract<PeriodId, 'silence' | 'voting-day'>;
  /** Candidates the item names. */
  entities: string[];
  topics: string[];
}

export interface SilenceOptions {
  /** When given, only items with one of these topics count as campaign coverage. */
  campaignTopics?: string[];
  /** Zone for dates stored without an offset. */
  tz?: string;
}

/**
 * Rows of the given candidates dated in the silence period or on voting day, one entry
 * per item. A row with only title mentions is the incumbent acting in office, not
 * campaigning, so it does not count by itself. Listed as possible violations for a
 * monitor to review, earliest first.
 */
export function silenceViolations(
  rows: CoverageRow[],
  periods: readonly Period[],
  candidateIds: readonly string[],
  opts: SilenceOptions = {},
): SilenceViolation[] {
  const candidates = new Set(candidateIds);
  const topics = opts.campaignTopics ? new Set(opts.campaignTopics) : null;
  const byItem = new Map<string, SilenceViolation>();
  for (const r of rows) {
    if (!candidates.has(r.entity) || r.nameMentions === 0 || !r.publishedAt) continue;
    if (topics && !r.topics.some((t) => topics.has(t))) continue;
    const period = periodOf(r.publishedAt, periods, opts.tz);
    if (period !== 'silence' && period !== 'voting-day') continue;
    const v = byItem.get(r.itemId);
    if (v) {
      if (!v.entities.includes(r.entity)) v.entities.push(r.entity);
      continue;
    }
    byItem.set(r.itemId, {
      itemId: r.itemId,
      sourceId: r.sourceId,
      publishedAt: r.publishedAt,
      period,
      entities: [r.entity],
      topics: [...r.topics],
    });
  }
  return [...byItem.values()].sort(
    (a, b) =>
      Date.parse(a.publishedAt) - Date.parse(b.publishedAt) || (a.itemId < b.itemId ? -1 : 1),
  );
}
