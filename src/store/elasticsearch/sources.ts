// Sources, their crawl state and the fetch log. Sources and state are small indices keyed
// by source id (realtime get); fetch events go to per-year indices behind an alias.
import type { Client, estypes } from '@elastic/elasticsearch';
import { emptySourceState } from '../../core/store.ts';
import type { FetchEvent, SourceHealth, SourceState } from '../../core/store.ts';
import { sourceSchema, type Source } from '../../core/source.ts';
import { yearIndex, type IndexNames } from './mappings.ts';
import { sourceHealthOf } from '../source-health.ts';

type EventDoc = FetchEvent & { seq: number };
type StateDoc = SourceState & { sourceId: string };

const isNotFound = (err: unknown) =>
  (err as { meta?: { statusCode?: number } }).meta?.statusCode === 404;

export function sourceIndices(client: Client, names: IndexNames, refresh: boolean | 'wait_for') {
  // Orders events recorded in the same millisecond (the SQLite backend uses its row id).
  let counter = 0;
  const nextSeq = () => Date.now() * 1000 + (counter++ % 1000);
  const latest = (extra: estypes.QueryDslQueryContainer | null) => ({
    filter: extra ?? { match_all: {} },
    aggs: {
      top: {
        top_hits: {
          size: 1,
          sort: [{ at: { order: 'desc' } }, { seq: { order: 'desc' } }] as estypes.Sort,
          _source: ['at', 'error'],
        },
      },
    },
  });

  return {
    async upsertSources(sources: Source[]): Promise<void> {
      if (!sources.length) return;
      const now = new Date().toISOString();
      const operations = sources.flatMap((s) => [
        { index: { _index: names.sources, _id: s.id } },
        { id: s.id, updatedAt: now, source: s },
      ]);
      const res = await client.bulk({ operations, refresh });
      if (res.errors) {
        const bad = res.items.map((i) => i.index?.error?.reason).filter(Boolean);
        throw new Error(`Elasticsearch rejected ${bad.length} source(s): ${bad[0]}`);
      }
    },

    async listSources(): Promise<Source[]> {
      const res = await client.search<{ source: unknown }>({
        index: names.sources,
        query: { match_all: {} },
        sort: [{ id: 'asc' }],
        size: 10_000,
      });
      return res.hits.hits.map((h) => sourceSchema.parse(h._source!.source));
    },

    async getSourceState(id: string): Promise<SourceState> {
      try {
        const r = await client.get<StateDoc>({ index: names.sourceState, id });
        if (!r.found || !r._source) return emptySourceState();
        const { consecutiveFailures, pausedReason, nextAttemptAt, validators } = r._source;
        return { consecutiveFailures, pausedReason, nextAttemptAt, validators: validators ?? {} };
      } catch (err) {
        if (isNotFound(err)) return emptySourceState();
        throw err;
      }
    },

    async setSourceState(id: string, s: SourceState): Promise<void> {
      const doc: StateDoc = { sourceId: id, ...s };
      await client.index({ index: names.sourceState, id, document: doc, refresh });
    },

    async recordFetch(e: FetchEvent): Promise<void> {
      const doc: EventDoc = { ...e, seq: nextSeq() };
      await client.index({ index: yearIndex(names.fetchEvents, e.at), document: doc, refresh });
    },

    async fetchEvents(sourceId: string, limit = 50): Promise<FetchEvent[]> {
      const res = await client.search<EventDoc>({
        index: names.fetchEvents,
        query: { term: { sourceId } },
        sort: [{ at: 'desc' }, { seq: 'desc' }],
        size: limit,
      });
      return res.hits.hits.map((h) => {
        const { seq: _seq, ...stored } = h._source!;
        // Events recorded before itemsQueued existed have none.
        const event = { ...stored, itemsQueued: stored.itemsQueued ?? 0 };
        return event;
      });
    },

    async sourceHealth(): Promise<SourceHealth[]> {
      const sources = await this.listSources();
      if (!sources.length) return [];
      const ids = sources.map((s) => s.id);
      const [events, items, states] = await Promise.all([
        client.search({
          index: names.fetchEvents,
          size: 0,
          query: { terms: { sourceId: ids } },
          aggs: {
            per: {
              terms: { field: 'sourceId', size: ids.length },
              aggs: {
                last: latest(null),
                ok: latest({ term: { ok: true } }),
                failed: latest({ term: { ok: false } }),
              },
            },
          },
        }),
        client.search({
          index: names.items,
          size: 0,
          query: { terms: { 'source.id': ids } },
          aggs: { per: { terms: { field: 'source.id', size: ids.length } } },
        }),
        client.mget<StateDoc>({ index: names.sourceState, ids }),
      ]);
      type Top = {
        doc_count: number;
        top: { hits: { hits: Array<{ _source?: { at: string; error: string | null } }> } };
      };
      type EvBucket = { key: string; doc_count: number; last: Top; ok: Top; failed: Top };
      const ev = new Map(
        ((events.aggregations?.per as { buckets: EvBucket[] } | undefined)?.buckets ?? []).map(
          (b) => [b.key, b],
        ),
      );
      const counts = new Map(
        (
          (
            items.aggregations?.per as
              { buckets: Array<{ key: string; doc_count: number }> } | undefined
          )?.buckets ?? []
        ).map((b) => [b.key, b.doc_count]),
      );
      const state = new Map<string, StateDoc>();
      for (const d of states.docs)
        if ('found' in d && d.found && d._source) state.set(d._id, d._source);
      const top = (t: Top | undefined) => t?.top.hits.hits[0]?._source;
      return sources.map((s) => {
        const b = ev.get(s.id);
        const st = state.get(s.id);
        return sourceHealthOf(s, {
          lastFetchAt: top(b?.last)?.at ?? null,
          lastSuccessAt: top(b?.ok)?.at ?? null,
          lastFailure: top(b?.failed)?.error ?? null,
          consecutiveFailures: st?.consecutiveFailures ?? 0,
          pausedReason: st?.pausedReason ?? null,
          itemCount: counts.get(s.id) ?? 0,
          fetches: b?.doc_count ?? 0,
        });
      });
    },
  };
}
