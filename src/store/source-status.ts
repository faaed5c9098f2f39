// Every source's condition at a glance, from the store: reachable, failing (with the
// reason in words), paused, disabled or not tried yet; last success, next attempt and items
// collected today. `monitor status`, `monitor start` and the dashboard's Sources page share it.
import type { SourceHealth, Store } from '../core/store.ts';
import {
  FAILURE_WORDS,
  failureKind,
  failureWords,
  type FailureKind,
} from '../core/failure-words.ts';
import { boundToUtc, localDay } from './time.ts';

export type SourceCondition = 'reachable' | 'failing' | 'paused' | 'disabled' | 'untried';

export interface SourceStatus extends SourceHealth {
  condition: SourceCondition;
  failure: FailureKind | null;
  /** The last error (failing or paused sources only) in a few words. */
  reason: string | null;
  nextAttemptAt: string | null;
  itemsToday: number;
}

export interface SourcesSummary {
  total: number;
  byCondition: Record<SourceCondition, number>;
  /** Failing sources per kind of failure. */
  byFailure: Partial<Record<FailureKind, number>>;
  /** Paused sources per kind of their last failure. */
  pausedBy: Partial<Record<FailureKind, number>>;
}

export async function sourceStatuses(
  store: Store,
  opts: { now?: Date; lang?: 'az' | 'en' } = {},
): Promise<SourceStatus[]> {
  const now = opts.now ?? new Date();
  const today = boundToUtc(localDay(now.toISOString()) ?? '');
  const health = await store.sourceHealth();
  return Promise.all(
    health.map(async (h): Promise<SourceStatus> => {
      const [state, events] = await Promise.all([
        store.getSourceState(h.sourceId),
        store.fetchEvents(h.sourceId, 500),
      ]);
      const itemsToday = events
        .filter((e) => e.at >= today)
        .reduce((a, e) => a + e.itemsNew + e.itemsQueued, 0);
      const condition: SourceCondition = !h.enabled
        ? 'disabled'
        : h.pausedReason
          ? 'paused'
          : h.consecutiveFailures > 0
            ? 'failing'
            : h.lastFetchAt
              ? 'reachable'
              : 'untried';
      const error =
        condition === 'failing' || condition === 'paused' ? (h.lastError ?? h.pausedReason) : null;
      return {
        ...h,
        condition,
        failure: error ? failureKind(error) : null,
        reason: error ? failureWords(error, opts.lang) : null,
        nextAttemptAt: condition === 'failing' ? state.nextAttemptAt : null,
        itemsToday,
      };
    }),
  );
}

export function summariseSources(rows: readonly SourceStatus[]): SourcesSummary {
  const byCondition: Record<SourceCondition, number> = {
    reachable: 0,
    failing: 0,
    paused: 0,
    disabled: 0,
    untried: 0,
  };
  const byFailure: SourcesSummary['byFailure'] = {};
  const pausedBy: SourcesSummary['pausedBy'] = {};
  for (const r of rows) {
    byCondition[r.condition]++;
    const tally = r.condition === 'paused' ? pausedBy : byFailure;
    if (r.failure) tally[r.failure] = (tally[r.failure] ?? 0) + 1;
  }
  return { total: rows.length, byCondition, byFailure, pausedBy };
}

/** "3 of 25 sources reachable; 20 failing (18 host not found, 2 timed out); 2 paused". */
export function describeSummary(s: SourcesSummary): string {
  const enabled = s.total - s.byCondition.disabled;
  const c = s.byCondition;
  // Every tried source failing to be found or reached: the machine is offline, not the sites.
  const network = (['host-not-found', 'refused', 'timed-out'] as const).reduce(
    (n, k) => n + (s.byFailure[k] ?? 0) + (s.pausedBy[k] ?? 0),
    0,
  );
  const offline =
    enabled > 1 && c.reachable === 0 && network > 0 && network >= c.failing + c.paused;
  const parts = [
    `${c.reachable} of ${enabled} sources reachable${offline ? ': check the network' : ''}`,
  ];
  const why = (tally: SourcesSummary['byFailure']) => {
    const list = Object.entries(tally)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${n} ${FAILURE_WORDS.en[k as FailureKind]}`);
    return list.length ? ` (${list.join(', ')})` : '';
  };
  if (c.failing) parts.push(`${c.failing} failing${why(s.byFailure)}`);
  if (c.paused) parts.push(`${c.paused} paused${why(s.pausedBy)}`);
  if (c.untried) parts.push(`${c.untried} not tried yet`);
  if (c.disabled) parts.push(`${c.disabled} disabled`);
  return parts.join('; ');
}
