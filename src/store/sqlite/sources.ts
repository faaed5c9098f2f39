// Sources, their crawl state (failures, back-off, validators) and the fetch log.
import type Database from 'better-sqlite3';
import { emptySourceState } from '../../core/store.ts';
import type { FetchEvent, SourceHealth, SourceState } from '../../core/store.ts';
import { sourceSchema, type Source } from '../../core/source.ts';
import { sourceHealthOf } from '../source-health.ts';

export function sourceTables(db: Database.Database) {
  const upsertSource = db.prepare(
    `INSERT INTO sources (id, json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at`,
  );
  const getState = db.prepare<
    [string],
    {
      consecutive_failures: number;
      paused_reason: string | null;
      next_attempt_at: string | null;
      validators: string;
    }
  >('SELECT * FROM source_state WHERE source_id = ?');
  const setState = db.prepare(
    `INSERT INTO source_state (source_id, consecutive_failures, paused_reason, next_attempt_at, validators)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (source_id) DO UPDATE SET consecutive_failures = excluded.consecutive_failures,
       paused_reason = excluded.paused_reason, next_attempt_at = excluded.next_attempt_at,
       validators = excluded.validators`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO fetch_events (source_id, url, at, status, ok, items_new, items_updated,
       items_duplicate, items_skipped, items_queued, duration_ms, error)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  return {
    upsertSources: db.transaction((sources: Source[]) => {
      const now = new Date().toISOString();
      for (const s of sources) upsertSource.run(s.id, JSON.stringify(s), now);
    }),

    listSources(): Source[] {
      const rows = db.prepare('SELECT json FROM sources ORDER BY id').all() as Array<{
        json: string;
      }>;
      return rows.map((r) => sourceSchema.parse(JSON.parse(r.json)));
    },

    getSourceState(id: string): SourceState {
      const r = getState.get(id);
      if (!r) return emptySourceState();
      return {
        consecutiveFailures: r.consecutive_failures,
        pausedReason: r.paused_reason,
        nextAttemptAt: r.next_attempt_at,
        validators: JSON.parse(r.validators) as SourceState['validators'],
      };
    },

    setSourceState(id: string, s: SourceState): void {
      setState.run(
        id,
        s.consecutiveFailures,
        s.pausedReason,
        s.nextAttemptAt,
        JSON.stringify(s.validators),
      );
    },

    recordFetch(e: FetchEvent): void {
      insertEvent.run(
        e.sourceId,
        e.url,
        e.at,
        e.status,
        e.ok ? 1 : 0,
        e.itemsNew,
        e.itemsUpdated,
        e.itemsDuplicate,
        e.itemsSkipped,
        e.itemsQueued,
        e.durationMs,
        e.error,
      );
    },

    fetchEvents(sourceId: string, limit = 50): FetchEvent[] {
      const rows = db
        .prepare('SELECT * FROM fetch_events WHERE source_id = ? ORDER BY at DESC, id DESC LIMIT ?')
        .all(sourceId, limit) as Array<Record<string, unknown>>;
      return rows.map((r) => ({
        sourceId: r.source_id as string,
        url: r.url as string,
        at: r.at as string,
        status: r.status as number | null,
        ok: r.ok === 1,
        itemsNew: r.items_new as number,
        itemsUpdated: r.items_updated as number,
        itemsDuplicate: r.items_duplicate as number,
        itemsSkipped: r.items_skipped as number,
        itemsQueued: r.items_queued as number,
        durationMs: r.duration_ms as number,
        error: r.error as string | null,
      }));
    },

    sourceHealth(): SourceHealth[] {
      const rows = db
        .prepare(
          `SELECT s.id, s.json, st.consecutive_failures, st.paused_reason,
             (SELECT max(at) FROM fetch_events f WHERE f.source_id = s.id) AS last_fetch,
             (SELECT max(at) FROM fetch_events f WHERE f.source_id = s.id AND ok = 1) AS last_ok,
             (SELECT error FROM fetch_events f WHERE f.source_id = s.id AND ok = 0 ORDER BY at DESC, id DESC LIMIT 1) AS last_error,
             (SELECT count(*) FROM fetch_events f WHERE f.source_id = s.id) AS fetches,
             (SELECT count(*) FROM items i WHERE i.source_id = s.id) AS items
           FROM sources s LEFT JOIN source_state st ON st.source_id = s.id ORDER BY s.id`,
        )
        .all() as Array<Record<string, unknown>>;
      return rows.map((r) => {
        const s = JSON.parse(r.json as string) as Source;
        return sourceHealthOf(s, {
          lastFetchAt: (r.last_fetch as string | null) ?? null,
          lastSuccessAt: (r.last_ok as string | null) ?? null,
          lastFailure: (r.last_error as string | null) ?? null,
          consecutiveFailures: (r.consecutive_failures as number | null) ?? 0,
          pausedReason: (r.paused_reason as string | null) ?? null,
          itemCount: r.items as number,
          fetches: r.fetches as number,
        });
      });
    },
  };
}
