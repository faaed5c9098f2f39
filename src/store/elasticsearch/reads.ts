// Reading items: search with highlights, counts (composite aggregations, nested for
// entities), coverage rows (a point-in-time scan over the nested entity rows).
import type { Client, estypes } from '@elastic/elasticsearch';
import type {
  CountQuery,
  CountRow,
  CoverageRow,
  ItemFilter,
  SearchQuery,
  SearchResult,
} from '../../core/store.ts';
import { DEFAULT_TZ_MINUTES } from '../time.ts';
import { docToSummary, SUMMARY_FIELDS, type ItemDoc } from './docs.ts';
import { buildFilter, entityClauses, entityMatches } from './filter.ts';
import { HIGHLIGHT_REQUEST, renderHighlights } from './highlights.ts';
import { NEWEST_FIRST, OLDEST_FIRST, scanHits } from './scan.ts';

const TZ = `+${String(DEFAULT_TZ_MINUTES / 60).padStart(2, '0')}:${String(DEFAULT_TZ_MINUTES % 60).padStart(2, '0')}`;

export async function search(client: Client, index: string, q: SearchQuery): Promise<SearchResult> {
  const f = buildFilter(q);
  const size = Math.min(Math.max(q.limit ?? 20, 0), 500);
  const from = Math.max(q.offset ?? 0, 0);
  const sort: estypes.Sort =
    f.hasText && q.sort === 'relevance'
      ? ['_score', ...(NEWEST_FIRST as estypes.SortCombinations[])]
      : NEWEST_FIRST;
  const res = await client.search<ItemDoc>({
    index,
    query: f.query,
    sort,
    from,
    size,
    track_total_hits: true,
    _source: SUMMARY_FIELDS,
    ...(f.hasText ? { highlight: HIGHLIGHT_REQUEST } : {}),
  });
  const total = res.hits.total;
  return {
    total: typeof total === 'number' ? total : (total?.value ?? 0),
    hits: res.hits.hits.map((h) => ({
      item: docToSummary(h._source!),
      highlights: renderHighlights(h.highlight),
    })),
  };
}

type Dim = 'entity' | 'source' | 'day' | 'week';
const DIM_ORDER: Dim[] = ['entity', 'source', 'day', 'week'];

function dateSource(
  field: string,
  interval: '1d' | '1w',
): estypes.AggregationsCompositeAggregationSource {
  return {
    date_histogram: {
      field,
      calendar_interval: interval,
      time_zone: TZ,
      format: 'yyyy-MM-dd',
      missing_bucket: true,
    },
  } as estypes.AggregationsCompositeAggregationSource;
}

/** Composite sources for the requested dimensions; inside nested entities or on the item. */
export function compositeSources(
  by: Dim[],
  nested: boolean,
): Array<Record<string, estypes.AggregationsCompositeAggregationSource>> {
  const p = nested ? 'entities.' : '';
  const fields: Record<Dim, estypes.AggregationsCompositeAggregationSource> = {
    entity: { terms: { field: 'entities.entity' } },
    source: { terms: { field: nested ? 'entities.sourceId' : 'source.id' } },
    day: dateSource(`${p}publishedAt`, '1d'),
    week: dateSource(`${p}publishedAt`, '1w'),
  };
  return DIM_ORDER.filter((d) => by.includes(d)).map((d) => ({ [d]: fields[d] }));
}

interface Bucket {
  key: Record<string, string | number | null>;
  doc_count: number;
  mentions?: { value: number | null };
  items?: { doc_count: number };
}

interface CompositeAgg {
  buckets: Bucket[];
  after_key?: Record<string, string | number | null>;
}

function rowOf(b: Bucket, dims: Dim[], nested: boolean): CountRow {
  const row: CountRow = {
    items: nested ? (b.items?.doc_count ?? b.doc_count) : b.doc_count,
    mentions: Math.round(b.mentions?.value ?? 0),
  };
  for (const d of dims) {
    const v = b.key[d];
    if (v !== null && v !== undefined) row[d] = String(v);
  }
  return row;
}

export async function counts(client: Client, index: string, q: CountQuery): Promise<CountRow[]> {
  const f = buildFilter(q);
  const dims = DIM_ORDER.filter((d) => q.by.includes(d));
  const nested = dims.includes('entity');
  if (!dims.length) {
    const res = await client.search({
      index,
      query: f.query,
      size: 0,
      track_total_hits: true,
      aggs: { mentions: { sum: { field: 'mentionCount' } } },
    });
    const total = res.hits.total;
    const mentions =
      (res.aggregations?.mentions as { value: number | null } | undefined)?.value ?? 0;
    return [
      {
        items: typeof total === 'number' ? total : (total?.value ?? 0),
        mentions: Math.round(mentions),
      },
    ];
  }
  const rows: CountRow[] = [];
  let after: Record<string, string | number | null> | undefined;
  for (;;) {
    const composite = {
      composite: {
        size: 1000,
        sources: compositeSources(dims, nested),
        ...(after ? { after } : {}),
      },
      aggs: nested
        ? { mentions: { sum: { field: 'entities.mentions' } }, items: { reverse_nested: {} } }
        : { mentions: { sum: { field: 'mentionCount' } } },
    } as estypes.AggregationsAggregationContainer;
    const ent = entityClauses(q);
    const aggs: Record<string, estypes.AggregationsAggregationContainer> = nested
      ? {
          entities: {
            nested: { path: 'entities' },
            aggs: {
              matching: {
                filter: ent.length ? { bool: { filter: ent } } : { match_all: {} },
                aggs: { groups: composite },
              },
            },
          },
        }
      : { groups: composite };
    const res = await client.search({ index, query: f.query, size: 0, aggs });
    const a = res.aggregations as Record<string, unknown> | undefined;
    const groups = (nested
      ? (a?.entities as { matching: { groups: CompositeAgg } } | undefined)?.matching.groups
      : (a?.groups as CompositeAgg | undefined)) ?? { buckets: [] };
    rows.push(...groups.buckets.map((b) => rowOf(b, dims, nested)));
    if (!groups.after_key || groups.buckets.length < 1000) return rows;
    after = groups.after_key;
  }
}

type CoverageDoc = Pick<
  ItemDoc,
  'id' | 'source' | 'publishedAt' | 'storyId' | 'topics' | 'entities'
>;

export async function coverage(
  client: Client,
  index: string,
  filter: ItemFilter,
): Promise<CoverageRow[]> {
  const f = buildFilter(filter);
  const keep = entityMatches(filter);
  const rows: CoverageRow[] = [];
  const hits = scanHits<CoverageDoc>(client, {
    index,
    query: f.query,
    sort: OLDEST_FIRST,
    _source: ['id', 'source', 'publishedAt', 'storyId', 'topics', 'entities'],
  });
  for await (const page of hits) {
    for (const h of page) {
      const d = h._source;
      if (!d) continue;
      for (const e of d.entities ?? []) {
        if (!keep(e)) continue;
        rows.push({
          itemId: d.id,
          entity: e.entity,
          type: e.type,
          sourceId: d.source.id,
          ownership: d.source.ownership,
          kind: d.source.kind,
          publishedAt: d.publishedAt,
          storyId: d.storyId,
          mentions: e.mentions,
          nameMentions: e.nameMentions,
          titleMentions: e.titleMentions,
          words: e.words,
          seconds: e.seconds,
          tone: { positive: e.positive, neutral: e.neutral, negative: e.negative },
          topics: d.topics ?? [],
        });
      }
    }
  }
  return rows;
}
