// Walks every hit of a query in a stable order: a point in time plus search_after, so a
// long scan (coverage, migration) sees one consistent snapshot and never deep-pages.
import type { Client, estypes } from '@elastic/elasticsearch';

export interface ScanRequest {
  index: string;
  query: estypes.QueryDslQueryContainer;
  sort: estypes.Sort;
  _source?: string[] | boolean;
  size?: number;
}

export async function* scanHits<T>(
  client: Client,
  req: ScanRequest,
): AsyncGenerator<Array<estypes.SearchHit<T>>> {
  const size = req.size ?? 1000;
  const keepAlive = '2m';
  let pitId = (await client.openPointInTime({ index: req.index, keep_alive: keepAlive })).id;
  try {
    let after: estypes.SortResults | undefined;
    for (;;) {
      const res = await client.search<T>({
        pit: { id: pitId, keep_alive: keepAlive },
        query: req.query,
        sort: req.sort,
        size,
        track_total_hits: false,
        ...(req._source !== undefined ? { _source: req._source } : {}),
        ...(after ? { search_after: after } : {}),
      });
      pitId = res.pit_id ?? pitId;
      const hits = res.hits.hits;
      if (hits.length) yield hits;
      if (hits.length < size) return;
      after = hits.at(-1)!.sort;
    }
  } finally {
    await client.closePointInTime({ id: pitId }).catch(() => undefined);
  }
}

/** Oldest first, as the SQLite backend orders by date and insertion. */
export const OLDEST_FIRST: estypes.Sort = [
  { publishedAt: { order: 'asc', missing: '_first' } },
  { seq: { order: 'asc' } },
  { id: { order: 'asc' } },
];

export const NEWEST_FIRST: estypes.Sort = [
  { publishedAt: { order: 'desc', missing: '_last' } },
  { seq: { order: 'desc' } },
  { id: { order: 'desc' } },
];
