// The embedded store: one SQLite file in WAL mode, FTS5 for search. A batch is one
// transaction, so a crash mid-ingest loses at most the batch in flight, never a
// committed item, and never leaves half an item.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Item, Mention } from '../../core/types.ts';
import type { ItemFilter, ItemSummary, Store } from '../../core/store.ts';
import { FatalError } from '../../core/errors.ts';
import { storeError, storeGuard } from './errors.ts';
import { migrate } from './migrate.ts';
import { itemWriter } from './items.ts';
import {
  ITEM_SELECT,
  itemFromRow,
  summaryFromRow,
  type ItemRow,
  type MentionRow,
} from './item-rows.ts';
import { counts, coverage, search } from './queries.ts';
import { sourceTables } from './sources.ts';
import { filterSql } from './filter-sql.ts';
import { reviewTables } from './reviews.ts';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for tests. */
  path: string;
  readonly?: boolean;
}

export type SqliteStore = Store & { readonly db: Database.Database };

function open(opts: SqliteStoreOptions): Database.Database {
  let db: Database.Database | undefined;
  try {
    if (opts.path !== ':memory:' && !opts.readonly)
      mkdirSync(dirname(opts.path), { recursive: true });
    db = new Database(opts.path, { readonly: opts.readonly ?? false });
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      // NORMAL is durable across process crashes in WAL mode; only power loss can drop
      // the last transactions, never corrupt the file.
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    // Checkpoint the WAL less often: fewer, larger copies into the main file.
    db.pragma('wal_autocheckpoint = 8000');
    return db;
  } catch (err) {
    db?.close();
    const mapped = storeError(err, opts.path, 'opening the store', false);
    if (mapped instanceof FatalError) throw mapped;
    throw new FatalError(
      `Cannot open the SQLite store at ${opts.path}: check the directory exists and is writable (MONITOR_DATA_DIR)`,
      { cause: err },
    );
  }
}

export function sqliteStore(opts: SqliteStoreOptions): SqliteStore {
  const db = open(opts);
  // Every call goes through `read` or `write`: a full disk or a read-only directory becomes a
  // FatalError naming the file and the cause, a lock a RetryLaterError.
  const { read, write } = storeGuard(opts.path);
  if (!opts.readonly) {
    try {
      write('applying the schema migrations', () => migrate(db));
    } catch (err) {
      db.close();
      throw err;
    }
  }
  const writer = itemWriter(db);
  const sources = sourceTables(db);
  const mentionsOf = db.prepare<[number], MentionRow>(
    'SELECT * FROM mentions WHERE item_rowid = ? ORDER BY seq',
  );

  const withMentions = (row: ItemRow): Item => itemFromRow(row, mentionsOf.all(row.rowid));
  const load = (row: ItemRow | undefined): Item | null => (row ? withMentions(row) : null);
  const byId = db.prepare<[string], ItemRow>(`${ITEM_SELECT} WHERE i.id = ?`);
  const reviews = reviewTables(db, {
    load: (id) => load(byId.get(id)),
    replaceMentions: (id, ms) => writer.replaceMentions(id, ms),
  });

  return {
    backend: 'sqlite',
    db,
    async init() {},
    async close() {
      if (db.open) db.close();
    },
    async upsertItems(items: Item[]) {
      return write(`storing a batch of ${items.length} items`, () => writer.upsertMany(items));
    },
    async getItem(id: string) {
      return read('reading an item', () => load(byId.get(id)));
    },
    async getItemByUrl(url: string) {
      return read('reading an item', () =>
        load(db.prepare<[string], ItemRow>(`${ITEM_SELECT} WHERE i.url = ?`).get(url)),
      );
    },
    async countItems(filter: ItemFilter = {}) {
      const f = filterSql(filter);
      return read(
        'counting items',
        () =>
          (
            db.prepare(`SELECT count(*) AS n FROM items i WHERE ${f.where}`).get(...f.params) as {
              n: number;
            }
          ).n,
      );
    },
    async changeMarker() {
      // data_version moves when another connection (a crawler process, a read-only
      // worker never writes) commits; total_changes counts this connection's own writes.
      return read('reading the change marker', () => {
        const version = db.pragma('data_version', { simple: true }) as number;
        const own = db.prepare('SELECT total_changes() AS n').get() as { n: number };
        return `${version}.${own.n}`;
      });
    },
    async *scanItems(batchSize = 500) {
      const page = db.prepare<[number, number], ItemRow>(
        `${ITEM_SELECT} WHERE i.rowid > ? ORDER BY i.rowid LIMIT ?`,
      );
      let after = 0;
      for (;;) {
        const rows = read('reading items', () => page.all(after, batchSize));
        if (rows.length === 0) return;
        after = rows.at(-1)!.rowid;
        yield rows.map(withMentions);
      }
    },
    async replaceMentions(itemId: string, mentions: Mention[]) {
      write(`replacing the mentions of item ${itemId}`, () =>
        writer.replaceMentions(itemId, mentions),
      );
    },
    async storyItems(storyId: string): Promise<ItemSummary[]> {
      const rows = db
        .prepare<[string], ItemRow & { entities: string | null }>(
          `SELECT i.*, (SELECT group_concat(entity) FROM item_entities e WHERE e.item_rowid = i.rowid) AS entities
           FROM items i WHERE i.story_id = ? ORDER BY i.published_at, i.rowid`,
        )
        .all(storyId);
      return rows.map(summaryFromRow);
    },
    async search(q) {
      return read('searching', () => search(db, q));
    },
    async counts(q) {
      return read('counting', () => counts(db, q));
    },
    async coverage(filter) {
      return read('reading coverage rows', () => coverage(db, filter));
    },
    async upsertSources(list) {
      write('saving the source list', () => sources.upsertSources(list));
    },
    async listSources() {
      return read('reading the source list', () => sources.listSources());
    },
    async getSourceState(id) {
      return read(`reading the state of source ${id}`, () => sources.getSourceState(id));
    },
    async setSourceState(id, state) {
      write(`saving the state of source ${id}`, () => sources.setSourceState(id, state));
    },
    async recordFetch(e) {
      write(`recording a fetch of source ${e.sourceId}`, () => sources.recordFetch(e));
    },
    async fetchEvents(id, limit) {
      return read('reading fetch events', () => sources.fetchEvents(id, limit));
    },
    async sourceHealth() {
      return read('reading source health', () => sources.sourceHealth());
    },
    async reviewMention(action) {
      return write(`saving a review of item ${action.itemId}`, () => reviews.review(action));
    },
    async reviewLog(itemId) {
      return read('reading the review log', () => reviews.reviewLog(itemId));
    },
    async rejectedMentions(itemIds) {
      return read('reading rejected mentions', () => reviews.rejectedMentions(itemIds));
    },
    async recordCoding(c) {
      write(`saving a coding of item ${c.itemId}`, () => reviews.recordCoding(c));
    },
    async codings(filter) {
      return read('reading codings', () => reviews.codings(filter));
    },
  };
}
