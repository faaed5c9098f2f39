// One source's health from its fetch history, the same for every backend.
import type { Source } from '../core/source.ts';
import type { SourceHealth } from '../core/store.ts';

export interface HealthFacts {
  lastFetchAt: string | null;
  lastSuccessAt: string | null;
  /** The newest failed fetch's error. */
  lastFailure: string | null;
  consecutiveFailures: number;
  pausedReason: string | null;
  itemCount: number;
  fetches: number;
}

export function sourceHealthOf(s: Source, f: HealthFacts): SourceHealth {
  return {
    sourceId: s.id,
    name: s.name,
    kind: s.kind,
    ownership: s.ownership,
    enabled: s.enabled,
    lastFetchAt: f.lastFetchAt,
    lastSuccessAt: f.lastSuccessAt,
    // An error is current only if no success came after it.
    lastError: f.lastFetchAt !== null && f.lastFetchAt !== f.lastSuccessAt ? f.lastFailure : null,
    consecutiveFailures: f.consecutiveFailures,
    pausedReason: f.pausedReason,
    itemCount: f.itemCount,
    fetches: f.fetches,
  };
}
