// Data completeness: per source how often it was fetched, how often that failed, when it
// last worked and whether it was paused; and the failed fetches themselves.
import type { Store } from '../../core/store.ts';
import type { FailureEvent, ReportModel, SourceCompleteness } from './types.ts';

/** Fetch events read per source; older ones are summarised by the health counts. */
const EVENTS_PER_SOURCE = 5000;
/** Failed fetches listed in the report (newest first). */
export const FAILURES_LISTED = 100;

export async function completeness(store: Store): Promise<ReportModel['completeness']> {
  const health = await store.sourceHealth();
  const sources: SourceCompleteness[] = [];
  const failures: FailureEvent[] = [];
  for (const h of health) {
    const events = await store.fetchEvents(h.sourceId, EVENTS_PER_SOURCE);
    const failed = events.filter((e) => !e.ok);
    sources.push({
      sourceId: h.sourceId,
      name: h.name,
      enabled: h.enabled,
      fetches: h.fetches,
      failures: failed.length,
      lastSuccessAt: h.lastSuccessAt,
      lastFetchAt: h.lastFetchAt,
      pausedReason: h.pausedReason,
      lastError: h.lastError,
      items: h.itemCount,
    });
    for (const e of failed) {
      failures.push({
        sourceId: e.sourceId,
        name: h.name,
        at: e.at,
        status: e.status,
        error: e.error,
        url: e.url,
      });
    }
  }
  failures.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return {
    sources,
    failures: failures.slice(0, FAILURES_LISTED),
    failuresTotal: failures.length,
  };
}
