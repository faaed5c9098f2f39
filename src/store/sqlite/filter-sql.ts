// ItemFilter → SQL conditions over `items i` (and item_entities for entity filters).
import type { ItemFilter } from '../../core/store.ts';
import { boundToUtc } from '../time.ts';
import { parseQuery } from '../search/query.ts';
import { facetMatch } from './facets.ts';

export interface SqlFilter {
  where: string;
  params: unknown[];
  /** Folded search terms, for highlighting. */
  terms: string[];
  /** The FTS5 expression, when the filter has a text query. */
  match: string | null;
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * Conditions on an item's outlet, ownership, kind, language and date. Both `items` and
 * `item_entities` carry these columns under the same names.
 */
export function itemConditions(
  f: ItemFilter,
  alias: 'i' | 'e',
): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  const lists: Array<[string, readonly string[] | undefined]> = [
    ['source_id', f.sources],
    ['ownership', f.ownership],
    ['source_kind', f.kinds],
    ['lang', f.langs],
  ];
  for (const [col, values] of lists) {
    if (values?.length) {
      sql.push(`${alias}.${col} IN (${placeholders(values.length)})`);
      params.push(...values);
    }
  }
  if (f.from) {
    sql.push(`${alias}.published_at >= ?`);
    params.push(boundToUtc(f.from));
  }
  if (f.to) {
    sql.push(`${alias}.published_at < ?`);
    params.push(boundToUtc(f.to, true));
  }
  return { sql, params };
}

/** Conditions on item_entities e that entity-related filters share. */
export function entityConditions(f: ItemFilter, alias = 'e'): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (f.entities?.length) {
    sql.push(`${alias}.entity IN (${placeholders(f.entities.length)})`);
    params.push(...f.entities);
  }
  if (f.entityType) {
    sql.push(`${alias}.type = ?`);
    params.push(f.entityType);
  }
  if (f.mentionKind)
    sql.push(`${alias}.${f.mentionKind === 'title' ? 'title' : 'name'}_mentions > 0`);
  if (f.tone) sql.push(`${alias}.${f.tone} > 0`);
  return { sql, params };
}

export function filterSql(f: ItemFilter): SqlFilter {
  const where: string[] = [];
  const params: unknown[] = [];
  const parsed = parseQuery(f.q);
  let match: string | null = null;
  if (parsed.match) {
    // Text words in title and text only; the filters also as facet words (facets.ts), so
    // FTS5 yields few rows and the SQL conditions below only confirm them.
    match = [`{title text} : (${parsed.match})`, ...facetMatch(f)].join(' AND ');
    where.push('i.rowid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)');
    params.push(match);
  }
  const ent = entityConditions(f);
  if (ent.sql.length) {
    where.push(
      `EXISTS (SELECT 1 FROM item_entities e WHERE e.item_rowid = i.rowid AND ${ent.sql.join(' AND ')})`,
    );
    params.push(...ent.params);
  }
  const item = itemConditions(f, 'i');
  where.push(...item.sql);
  params.push(...item.params);
  if (f.dedupe === 'story') where.push('i.story_id = i.id');
  return {
    where: where.length ? where.join(' AND ') : '1',
    params,
    terms: parsed.terms,
    match,
  };
}
