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
import { TOTAL_CAP } from '../../core/store.ts';
import type { EntityType, Ownership, SourceKind } from '../../core/types.ts';
import { highlight } from '../search/highlight.ts';
import { DEFAULT_TZ_MINUTES } from '../time.ts';
import { entityConditions, filterSql, itemConditions } from './filter-sql.ts';
import { summaryFromRow, type ItemRow } from './item-rows.ts';

const LOCAL = `'+${DEFAULT_TZ_MINUTES} minutes'`;

const ENTITIES_OF = `(SELECT group_concat(entity) FROM item_entities e WHERE e.item_rowid = i.rowid) AS entities`;

type HitRow = ItemRow & { entities: string | null };

/** Full rows for a page of rowids, in that order. */
function rowsById(db: Database.Database, ids: number[]): HitRow[] {
  if (!ids.length) return [];
  const rows = db
    .prepare(
      `SELECT i.*, t.text AS text, ${ENTITIES_OF} FROM items i JOIN item_texts t ON t.rowid = i.rowid
       WHERE i.rowid IN (${ids.map(() => '?').join(', ')})`,
    )
    .all(...ids) as HitRow[];
  const byId = new Map(rows.map((r) => [r.rowid, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is HitRow => r !== undefined);
}

export function search(db: Database.Database, q: SearchQuery): SearchResult {
  const f = filterSql(q);
  const limit = Math.min(Math.max(q.limit ?? 20, 0), 500);
  const offset = Math.max(q.offset ?? 0, 0);
  let counted: number;
  let rows: HitRow[];
  if (f.match && q.sort === 'relevance') {
    counted = countCapped(db, f.where, f.params);
    rows = db
      .prepare(
        // CROSS JOIN keeps the ranked matches as the outer loop: with the items first,
        // SQLite re-ran the text match once per item in the filter's range (load test).
        `SELECT i.*, t.text AS text, ${ENTITIES_OF}
         FROM (SELECT rowid, rank FROM items_fts WHERE items_fts MATCH ?) r
         CROSS JOIN items i ON i.rowid = r.rowid
         JOIN item_texts t ON t.rowid = i.rowid
         WHERE ${f.where} ORDER BY r.rank LIMIT ? OFFSET ?`,
      )
      .all(f.match, ...f.params, limit, offset) as HitRow[];
  } else if (f.match && offset + limit <= TOTAL_CAP) {
    // A text query is answered by the index once: the matches in date order give both the
    // count (up to the cap) and the page.
    const ids = db
      .prepare(
        `SELECT i.rowid FROM items i WHERE ${f.where}
         ORDER BY i.published_at DESC, i.rowid DESC LIMIT ${TOTAL_CAP + 1}`,
      )
      .pluck()
      .all(...f.params) as number[];
    counted = ids.length;
    rows = rowsById(db, ids.slice(offset, offset + limit));
  } else {
    counted = countCapped(db, f.where, f.params);
    rows = db
      .prepare(
        `SELECT p.*, t.text AS text FROM (
           SELECT i.*, ${ENTITIES_OF} FROM items i WHERE ${f.where}
           ORDER BY i.published_at DESC, i.rowid DESC LIMIT ? OFFSET ?
         ) p JOIN item_texts t ON t.rowid = p.rowid ORDER BY p.published_at DESC, p.rowid DESC`,
      )
      .all(...f.params, limit, offset) as HitRow[];
  }
  return {
    total: Math.min(counted, TOTAL_CAP),
    totalRelation: counted > TOTAL_CAP ? 'gte' : 'eq',
    hits: rows.map((r) => ({
      item: summaryFromRow(r),
      highlights: highlight(`${r.title}\n${r.text}`, f.terms),
    })),
  };
}

/** Matches counted up to one past the cap: counting every match of a common word costs more than the page. */
function countCapped(db: Database.Database, where: string, params: unknown[]): number {
  return (
    db
      .prepare(
        `SELECT count(*) AS n FROM (SELECT 1 FROM items i WHERE ${where} LIMIT ${TOTAL_CAP + 1})`,
      )
      .get(...params) as { n: number }
  ).n;
}

/** The Monday of a YYYY-MM-DD day's ISO week. */
function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/**
 * Counts by entity read item_entities alone (it carries the item's outlet, ownership,
 * kind, language and day), unless the filter needs the text or the story heads.
 */
function entityCounts(db: Database.Database, q: CountQuery): CountRow[] {
  const ent = entityConditions(q);
  const item = itemConditions(q, 'e');
  const where = [...ent.sql, ...item.sql];
  const params = [...ent.params, ...item.params];
  const bySource = q.by.includes('source');
  const byDay = q.by.includes('day') || q.by.includes('week');
  const cols = ['e.entity', ...(bySource ? ['e.source_id'] : []), ...(byDay ? ['e.day'] : [])];
  const rows = db
    .prepare(
      `SELECT ${cols.join(', ')}, count(*) AS items, sum(e.mentions) AS mentions FROM item_entities e
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY ${cols.join(', ')}`,
    )
    .all(...params) as Array<{
    entity: string;
    source_id?: string;
    day?: string | null;
    items: number;
    mentions: number;
  }>;
  const out = new Map<string, CountRow>();
  for (const r of rows) {
    const row: CountRow = { entity: r.entity, items: 0, mentions: 0 };
    if (bySource) row.source = r.source_id!;
    if (q.by.includes('day')) row.day = r.day ?? undefined;
    if (q.by.includes('week')) row.week = r.day ? mondayOf(r.day) : undefined;
    const key = `${row.entity}|${row.source ?? ''}|${row.day ?? ''}|${row.week ?? ''}`;
    const acc = out.get(key) ?? row;
    acc.items += r.items;
    acc.mentions += r.mentions;
    out.set(key, acc);
  }
  const order = (r: CountRow) =>
    [r.entity, r.source, r.day, r.week].map((x) => x ?? '').join('\u0000');
  return [...out.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

export function counts(db: Database.Database, q: CountQuery): CountRow[] {
  const byEntity = q.by.includes('entity');
  if (byEntity && !q.q && q.dedupe !== 'story') return entityCounts(db, q);
  const f = filterSql(q);
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
