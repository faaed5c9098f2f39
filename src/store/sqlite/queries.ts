// Reading: search with highlights, counts by entity/source/day/week, coverage rows.
import type Database from 'better-sqlite3';
import type {
  CountQuery,
  CountRow,
  CoverageRow,
  ItemFilter,
  SearchQuery,
  SearchResult,
} from '../../core/store.ts';
import type { EntityType, Ownership, SourceKind } from '../../core/types.ts';
import { highlight } from '../search/highlight.ts';
import { DEFAULT_TZ_MINUTES } from '../time.ts';
import { entityConditions, filterSql } from './filter-sql.ts';
import { summaryFromRow, type ItemRow } from './item-rows.ts';

const LOCAL = `'+${DEFAULT_TZ_MINUTES} minutes'`;

export function search(db: Database.Database, q: SearchQuery): SearchResult {
  const f = filterSql(q);
  const limit = Math.min(Math.max(q.limit ?? 20, 0), 500);
  const offset = Math.max(q.offset ?? 0, 0);
  const total = (
    db.prepare(`SELECT count(*) AS n FROM items i WHERE ${f.where}`).get(...f.params) as {
      n: number;
    }
  ).n;
  const entities = `(SELECT group_concat(entity) FROM item_entities e WHERE e.item_rowid = i.rowid) AS entities`;
  let rows: Array<ItemRow & { entities: string | null }>;
  if (f.match && q.sort === 'relevance') {
    rows = db
      .prepare(
        `SELECT i.*, ${entities} FROM items i
         JOIN (SELECT rowid, rank FROM items_fts WHERE items_fts MATCH ?) r ON r.rowid = i.rowid
         WHERE ${f.where} ORDER BY r.rank LIMIT ? OFFSET ?`,
      )
      .all(f.match, ...f.params, limit, offset) as typeof rows;
  } else {
    rows = db
      .prepare(
        `SELECT i.*, ${entities} FROM items i WHERE ${f.where}
         ORDER BY i.published_at DESC, i.rowid DESC LIMIT ? OFFSET ?`,
      )
      .all(...f.params, limit, offset) as typeof rows;
  }
  return {
    total,
    hits: rows.map((r) => ({
      item: summaryFromRow(r),
      highlights: highlight(`${r.title}\n${r.text}`, f.terms),
    })),
  };
}

export function counts(db: Database.Database, q: CountQuery): CountRow[] {
  const f = filterSql(q);
  const byEntity = q.by.includes('entity');
  const cols: string[] = [];
  if (byEntity) cols.push('e.entity AS entity');
  if (q.by.includes('source')) cols.push('i.source_id AS source');
  if (q.by.includes('day')) cols.push(`date(i.published_at, ${LOCAL}) AS day`);
  if (q.by.includes('week'))
    cols.push(`date(i.published_at, ${LOCAL}, 'weekday 0', '-6 days') AS week`);
  const groupBy = cols.map((c) => c.split(' AS ')[1]!);
  let sql: string;
  let params = f.params;
  if (byEntity) {
    const ent = entityConditions(q);
    const extra = ent.sql.length ? ` AND ${ent.sql.join(' AND ')}` : '';
    sql = `SELECT ${cols.join(', ')}, count(DISTINCT i.rowid) AS items, sum(e.mentions) AS mentions
      FROM items i JOIN item_entities e ON e.item_rowid = i.rowid${extra}
      WHERE ${f.where}`;
    params = [...ent.params, ...f.params];
  } else {
    sql = `SELECT ${cols.length ? cols.join(', ') + ', ' : ''}count(*) AS items,
        coalesce(sum((SELECT sum(mentions) FROM item_entities e WHERE e.item_rowid = i.rowid)), 0) AS mentions
      FROM items i WHERE ${f.where}`;
  }
  if (groupBy.length) sql += ` GROUP BY ${groupBy.join(', ')} ORDER BY ${groupBy.join(', ')}`;
  const rows = db.prepare(sql).all(...params) as Array<Record<string, unknown>>;
  return rows.map((r) => {
    const out: CountRow = { items: Number(r.items), mentions: Number(r.mentions ?? 0) };
    for (const k of groupBy) (out as unknown as Record<string, unknown>)[k] = r[k] ?? undefined;
    return out;
  });
}

interface CoverageSqlRow {
  id: string;
  entity: string;
  type: string;
  source_id: string;
  ownership: string;
  source_kind: string;
  published_at: string | null;
  story_id: string;
  topics: string;
  mentions: number;
  name_mentions: number;
  title_mentions: number;
  words: number;
  seconds: number;
  positive: number;
  neutral: number;
  negative: number;
}

export function coverage(db: Database.Database, filter: ItemFilter): CoverageRow[] {
  const f = filterSql(filter);
  const ent = entityConditions(filter);
  const extra = ent.sql.length ? ` AND ${ent.sql.join(' AND ')}` : '';
  const rows = db
    .prepare(
      `SELECT i.id, e.entity, e.type, i.source_id, i.ownership, i.source_kind, i.published_at,
         i.story_id, i.topics, e.mentions, e.name_mentions, e.title_mentions, e.words, e.seconds,
         e.positive, e.neutral, e.negative
       FROM items i JOIN item_entities e ON e.item_rowid = i.rowid${extra}
       WHERE ${f.where} ORDER BY i.published_at, i.rowid`,
    )
    .all(...ent.params, ...f.params) as CoverageSqlRow[];
  return rows.map((r) => ({
    itemId: r.id,
    entity: r.entity,
    type: r.type as EntityType,
    sourceId: r.source_id,
    ownership: r.ownership as Ownership,
    kind: r.source_kind as SourceKind,
    publishedAt: r.published_at,
    storyId: r.story_id,
    mentions: r.mentions,
    nameMentions: r.name_mentions,
    titleMentions: r.title_mentions,
    words: r.words,
    seconds: r.seconds,
    tone: { positive: r.positive, neutral: r.neutral, negative: r.negative },
    topics: JSON.parse(r.topics) as string[],
  }));
}
