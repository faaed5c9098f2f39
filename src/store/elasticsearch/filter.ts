// ItemFilter → Elasticsearch query. Entity conditions apply to one nested entity row,
// exactly like the SQLite backend's EXISTS over item_entities.
import type { estypes } from '@elastic/elasticsearch';
import type { ItemFilter } from '../../core/store.ts';
import { boundToUtc } from '../time.ts';
import type { EntityDoc } from './docs.ts';
import { textQuery } from './text-query.ts';

type Query = estypes.QueryDslQueryContainer;

/** Conditions on one row of the nested `entities` field (paths relative to the item). */
export function entityClauses(f: ItemFilter): Query[] {
  const out: Query[] = [];
  if (f.entities?.length) out.push({ terms: { 'entities.entity': f.entities } });
  if (f.entityType) out.push({ term: { 'entities.type': f.entityType } });
  if (f.mentionKind) {
    const field = f.mentionKind === 'title' ? 'titleMentions' : 'nameMentions';
    out.push({ range: { [`entities.${field}`]: { gt: 0 } } });
  }
  if (f.tone) out.push({ range: { [`entities.${f.tone}`]: { gt: 0 } } });
  return out;
}

/** The same conditions in memory, for picking coverage rows out of a document. */
export function entityMatches(f: ItemFilter): (e: EntityDoc) => boolean {
  return (e) =>
    (!f.entities?.length || f.entities.includes(e.entity)) &&
    (!f.entityType || e.type === f.entityType) &&
    (!f.mentionKind || (f.mentionKind === 'title' ? e.titleMentions : e.nameMentions) > 0) &&
    (!f.tone || e[f.tone] > 0);
}

export interface BuiltFilter {
  query: Query;
  /** Folded search words (empty without a text query). */
  terms: string[];
  hasText: boolean;
}

export function buildFilter(f: ItemFilter): BuiltFilter {
  const text = textQuery(f.q);
  const filter: Query[] = [];
  const ent = entityClauses(f);
  if (ent.length) {
    filter.push({ nested: { path: 'entities', query: { bool: { filter: ent } } } });
  }
  const lists: Array<[string, readonly string[] | undefined]> = [
    ['source.id', f.sources],
    ['source.ownership', f.ownership],
    ['source.kind', f.kinds],
    ['lang', f.langs],
  ];
  for (const [field, values] of lists) {
    if (values?.length) filter.push({ terms: { [field]: [...values] } });
  }
  if (f.from || f.to) {
    const range: estypes.QueryDslDateRangeQuery = {};
    if (f.from) range.gte = boundToUtc(f.from);
    if (f.to) range.lt = boundToUtc(f.to, true);
    filter.push({ range: { publishedAt: range } });
  }
  if (f.dedupe === 'story') filter.push({ term: { isStoryHead: true } });
  const bool: estypes.QueryDslBoolQuery = { filter };
  if (text.query) bool.must = [text.query];
  return { query: { bool }, terms: text.terms, hasText: text.query !== null };
}
