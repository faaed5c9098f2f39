// Review of automatic tags in SQLite: applying a review (one transaction: mentions,
// item_entities, audit row, rejected span), the audit log, rejected spans for re-tagging,
// and double codings. The review fields of a mention (speech, status) live in two columns
// of `mentions` (migration 003) written after the item writer has put the row.
import type Database from 'better-sqlite3';
import type {
  Coding,
  Item,
  Mention,
  RejectedSpan,
  ReviewAction,
  ReviewRecord,
} from '../../core/types.ts';
import type { CodingFilter } from '../../core/store.ts';
import { SkipItemError } from '../../core/errors.ts';
import { applyReview, checkCoding } from '../review-apply.ts';

/** What `SELECT * FROM mentions` gives since migration 003, besides the mapped columns. */

interface LogRow {
  id: string;
  item_id: string;
  action: string;
  before: string | null;
  after: string | null;
  coder: string;
  note: string | null;
  at: string;
}

interface CodingRow {
  item_id: string;
  entity: string;
  coder: string;
  tone: string;
  at: string;
}

export interface ReviewDeps {
  /** Reads an item with its mentions (synchronously, inside the review transaction). */
  load(itemId: string): Item | null;
  replaceMentions(itemId: string, mentions: Mention[]): void;
}

/** Copies speech and status from mention rows onto the mapped mentions (same order). */
export function reviewTables(db: Database.Database, deps: ReviewDeps) {
  const insertLog = db.prepare(
    `INSERT INTO review_log (id, item_id, action, before, after, coder, note, at)
     VALUES (@id, @item_id, @action, @before, @after, @coder, @note, @at)`,
  );
  const insertRejected = db.prepare(
    'INSERT OR IGNORE INTO rejected_mentions (item_id, entity, start, end) VALUES (?, ?, ?, ?)',
  );
  const logOf = db.prepare<[string], LogRow>(
    'SELECT * FROM review_log WHERE item_id = ? ORDER BY seq',
  );
  const logAll = db.prepare<[], LogRow>('SELECT * FROM review_log ORDER BY seq');
  const upsertCoding = db.prepare(
    `INSERT INTO codings (item_id, entity, coder, tone, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (item_id, entity, coder) DO UPDATE SET tone = excluded.tone, at = excluded.at`,
  );

  /** Writes speech/status of the mentions just written by the item writer (seq = index). */
  const review = db.transaction((action: ReviewAction): Item => {
    const item = deps.load(action.itemId);
    if (!item) throw new SkipItemError(`no item ${action.itemId} to review`);
    const out = applyReview(item, action);
    deps.replaceMentions(item.id, out.mentions);
    const r = out.record;
    insertLog.run({
      id: r.id,
      item_id: r.itemId,
      action: r.action,
      before: r.before ? JSON.stringify(r.before) : null,
      after: r.after ? JSON.stringify(r.after) : null,
      coder: r.coder,
      note: r.note ?? null,
      at: r.at,
    });
    if (out.rejected)
      insertRejected.run(item.id, out.rejected.entity, out.rejected.start, out.rejected.end);
    return deps.load(item.id)!;
  });

  function reviewLog(itemId?: string): ReviewRecord[] {
    const rows = itemId === undefined ? logAll.all() : logOf.all(itemId);
    return rows.map((r) => ({
      id: r.id,
      itemId: r.item_id,
      action: r.action as ReviewRecord['action'],
      before: r.before ? (JSON.parse(r.before) as Mention) : null,
      after: r.after ? (JSON.parse(r.after) as Mention) : null,
      coder: r.coder,
      note: r.note,
      at: r.at,
    }));
  }

  function rejectedMentions(itemIds: string[]): Map<string, RejectedSpan[]> {
    const out = new Map<string, RejectedSpan[]>();
    // Bound parameters per statement are limited; retag asks a page of ids at a time.
    for (let i = 0; i < itemIds.length; i += 500) {
      const ids = itemIds.slice(i, i + 500);
      const rows = db
        .prepare<string[], RejectedSpan & { item_id: string }>(
          `SELECT item_id, entity, start, end FROM rejected_mentions
           WHERE item_id IN (${ids.map(() => '?').join(',')}) ORDER BY item_id, start`,
        )
        .all(...ids);
      for (const { item_id, ...span } of rows) {
        const list = out.get(item_id) ?? [];
        list.push(span);
        out.set(item_id, list);
      }
    }
    return out;
  }

  function recordCoding(c: Coding): void {
    const ok = checkCoding(c);
    upsertCoding.run(ok.itemId, ok.entity, ok.coder, ok.tone, ok.at);
  }

  function codings(filter: CodingFilter = {}): Coding[] {
    const where: string[] = [];
    const params: string[] = [];
    for (const [col, list] of [
      ['coder', filter.coders],
      ['item_id', filter.itemIds],
    ] as const) {
      if (!list) continue;
      where.push(list.length ? `${col} IN (${list.map(() => '?').join(',')})` : '0');
      params.push(...list);
    }
    const sql = `SELECT * FROM codings ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY item_id, entity, coder`;
    return db
      .prepare<string[], CodingRow>(sql)
      .all(...params)
      .map((r) => ({
        itemId: r.item_id,
        entity: r.entity,
        coder: r.coder,
        tone: r.tone as Coding['tone'],
        at: r.at,
      }));
  }

  return { review, reviewLog, rejectedMentions, recordCoding, codings };
}
