// A full disk, a read-only data directory, a damaged file and a lock give a clear error
// that names the file and the cause; a failed batch is all-or-nothing, what was committed
// before stays whole, and once the cause is gone the same batch is written. The first
// block simulates the faults portably (max_page_count, a read-only connection, a held
// lock); the second uses a real tmpfs when the machine allows mounting one.
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FatalError, RetryLaterError } from '../../src/core/errors.ts';
import type { Item } from '../../src/core/types.ts';
import { sqliteStore, type SqliteStore } from '../../src/store/sqlite/index.ts';
import { storeError } from '../../src/store/sqlite/errors.ts';
import { makeItem } from '../helpers/make-item.ts';
import { runMonitor } from '../helpers/run-monitor.ts';
import { articleText } from './texts.ts';
import { canMount, mountTmpfs, type Tmpfs } from './tmpfs.ts';

const batch = (from: number, n: number): Item[] =>
  Array.from({ length: n }, (_v, k) =>
    makeItem({
      url: `https://xeber.example/news/${from + k}`,
      title: `Xəbər ${from + k}`,
      text: articleText(from + k),
    }),
  );

async function rejection(p: Promise<unknown>): Promise<Error> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof Error)) throw new Error('expected the call to fail');
  return err;
}

/** Every item of `items` is stored with its full text; none of `absent` is. */
async function expectStored(store: SqliteStore, items: Item[], absent: Item[] = []) {
  for (const it of items) expect((await store.getItemByUrl(it.url))?.text).toBe(it.text);
  for (const it of absent) expect(await store.getItemByUrl(it.url)).toBeNull();
}

const integrity = (db: Database.Database) => db.pragma('integrity_check', { simple: true });

describe('store faults, simulated (always run)', () => {
  let dir: string;
  let path: string;
  let store: SqliteStore | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'monitor-disk-'));
    path = join(dir, 'monitor.sqlite');
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('a full disk: clear error, batch all-or-nothing, same batch fine after space is freed', async () => {
    store = sqliteStore({ path });
    const first = batch(0, 10);
    await store.upsertItems(first);
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages + 3}`);
    const second = batch(100, 30);
    const err = await rejection(store.upsertItems(second));
    expect(err).toBeInstanceOf(FatalError);
    expect(err.message).toContain(`the disk holding ${path} is full`);
    expect(err.message).toMatch(/nothing of it was stored.*free space and run again/);
    expect((err.cause as { code?: string }).code).toBe('SQLITE_FULL');
    expect(await store.countItems()).toBe(10);
    await expectStored(store, first, second);

    store.db.pragma('max_page_count = 1073741823');
    const outcomes = await store.upsertItems(second);
    expect(outcomes.map((o) => o.status)).toEqual(second.map(() => 'new'));
    expect(await store.countItems()).toBe(40);
    await expectStored(store, [...first, ...second]);
    expect(integrity(store.db)).toBe('ok');
  });

  it('a read-only store: clear error naming the file, reads still work', async () => {
    const writer = sqliteStore({ path });
    const first = batch(0, 5);
    await writer.upsertItems(first);
    await writer.close();

    store = sqliteStore({ path, readonly: true });
    const second = batch(50, 5);
    const err = await rejection(store.upsertItems(second));
    expect(err).toBeInstanceOf(FatalError);
    expect(err.message).toContain(`the store ${path} is read-only`);
    expect(err.message).toContain('MONITOR_DATA_DIR');
    await expectStored(store, first, second);
    await store.close();

    store = sqliteStore({ path });
    await store.upsertItems(second);
    await expectStored(store, [...first, ...second]);
  });

  it('a lock held by another process is a retry-later error; the batch goes in afterwards', async () => {
    store = sqliteStore({ path });
    store.db.pragma('busy_timeout = 50'); // the real 5 s wait is not needed to see it
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const items = batch(0, 3);
    const err = await rejection(store.upsertItems(items));
    expect(err).toBeInstanceOf(RetryLaterError);
    expect(err.message).toContain(`the store ${path} is locked by another process (SQLITE_BUSY)`);
    other.exec('ROLLBACK');
    other.close();
    await store.upsertItems(items);
    await expectStored(store, items);
  });

  it('a damaged file stops with a clear error instead of a stack trace', () => {
    writeFileSync(path, Buffer.alloc(8192, 0x5a));
    expect(() => sqliteStore({ path })).toThrow(FatalError);
    expect(() => sqliteStore({ path })).toThrow(`the store ${path} is damaged (SQLITE_NOTADB)`);
  });

  it('leaves errors it does not know as they were', () => {
    const plain = new RangeError('No item with id x');
    expect(storeError(plain, path, 'x')).toBe(plain);
    const retry = new RetryLaterError('already said');
    expect(storeError(retry, path, 'x')).toBe(retry);
  });
});

/** JSON Lines for `monitor ingest`, one article a line. */
function jsonLines(from: number, n: number): string {
  const source = { id: 'xeber', name: 'Xəbər Portalı', kind: 'rss', ownership: 'private' };
  return Array.from({ length: n }, (_v, k) =>
    JSON.stringify({
      url: `https://xeber.example/news/${from + k}`,
      title: `Xəbər ${from + k}`,
      text: articleText(from + k),
      publishedAt: '2024-01-20T08:00:00Z',
      lang: 'az',
      source,
    }),
  ).join('\n');
}

const STACK_LINE = /^\s+at .+\(?.*:\d+:\d+\)?$/m;

describe.runIf(canMount())('store faults on a real file system (tmpfs)', () => {
  const mounts: Tmpfs[] = [];
  let work: string;
  beforeEach(() => void (work = mkdtempSync(join(tmpdir(), 'monitor-disk-cli-'))));
  afterEach(() => rmSync(work, { recursive: true, force: true }));
  const mount = (size: string) => {
    const m = mountTmpfs(size);
    mounts.push(m);
    return m;
  };
  afterAll(() => mounts.forEach((m) => m.unmount()));

  it('a full disk: batches stop cleanly, stored items stay whole, freeing space lets the batch in', async () => {
    const fs = mount('2m');
    const ballast = join(fs.dir, 'ballast');
    writeFileSync(ballast, Buffer.alloc(600 * 1024));
    const path = join(fs.dir, 'monitor.sqlite');
    const store = sqliteStore({ path });
    const stored: Item[] = [];
    let failed: Item[] = [];
    let err: Error | undefined;
    for (let b = 0; b < 200 && !err; b++) {
      const items = batch(b * 20, 20);
      try {
        await store.upsertItems(items);
        stored.push(...items);
      } catch (e) {
        err = e as Error;
        failed = items;
      }
    }
    expect(err, 'the disk filled up').toBeInstanceOf(FatalError);
    expect(err!.message).toContain(`the disk holding ${path} is full`);
    expect(stored.length).toBeGreaterThan(0);
    expect(await store.countItems()).toBe(stored.length);
    await expectStored(store, stored, failed);
    expect(integrity(store.db)).toBe('ok');

    unlinkSync(ballast);
    await store.upsertItems(failed);
    expect(await store.countItems()).toBe(stored.length + failed.length);
    await expectStored(store, [...stored, ...failed]);
    expect(integrity(store.db)).toBe('ok');
    await store.close();
  });

  it('a read-only data directory: opening says so; after remounting rw the batch goes in', async () => {
    const fs = mount('4m');
    const path = join(fs.dir, 'monitor.sqlite');
    const first = batch(0, 5);
    const writer = sqliteStore({ path });
    await writer.upsertItems(first);
    await writer.close();

    fs.readonly();
    let err: unknown;
    try {
      sqliteStore({ path });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FatalError);
    expect((err as Error).message).toContain(
      `the data directory ${fs.dir} is on a read-only file system`,
    );
    expect((err as Error).message).toContain('MONITOR_DATA_DIR');

    fs.writable();
    const store = sqliteStore({ path });
    const second = batch(50, 5);
    await store.upsertItems(second);
    await expectStored(store, [...first, ...second]);
    await store.close();
  });

  it('`monitor ingest` on a full disk exits non-zero with a clear message and no stack trace', async () => {
    const fs = mount('1m');
    const file = join(work, 'items.jsonl');
    writeFileSync(file, jsonLines(0, 1500));
    const run = await runMonitor(['ingest', file, '--batch', '50', '--workers', '1'], {
      env: { MONITOR_DATA_DIR: fs.dir, MONITOR_LOG_LEVEL: 'warn' },
      timeoutMs: 60_000,
    });
    const path = join(fs.dir, 'monitor.sqlite');
    expect(run.code, run.stderr).not.toBe(0);
    expect(run.stderr).toContain(`the disk holding ${path} is full`);
    expect(run.stderr).toContain('free space and run again');
    expect(run.stderr).not.toMatch(STACK_LINE);
    // What was committed is whole: every item has its text and its search entry.
    const db = new Database(path, { readonly: true });
    expect(integrity(db)).toBe('ok');
    const counts = db
      .prepare(
        `SELECT count(*) AS items,
           (SELECT count(*) FROM item_texts) AS texts,
           (SELECT count(*) FROM items_fts) AS fts FROM items`,
      )
      .get() as { items: number; texts: number; fts: number };
    db.close();
    expect(counts.items).toBeLessThan(1500);
    expect(counts.texts).toBe(counts.items);
    expect(counts.fts).toBe(counts.items);
  });

  it('`monitor ingest` into a read-only data directory exits non-zero and says so', async () => {
    const fs = mount('4m');
    const writer = sqliteStore({ path: join(fs.dir, 'monitor.sqlite') });
    await writer.upsertItems(batch(0, 3));
    await writer.close();
    fs.readonly();
    const file = join(work, 'items.jsonl');
    writeFileSync(file, jsonLines(100, 5));
    const run = await runMonitor(['ingest', file, '--workers', '1'], {
      env: { MONITOR_DATA_DIR: fs.dir, MONITOR_LOG_LEVEL: 'warn' },
      timeoutMs: 60_000,
    });
    expect(run.code, run.stderr).not.toBe(0);
    expect(run.stderr).toContain(`the data directory ${fs.dir} is on a read-only file system`);
    expect(run.stderr).toContain('MONITOR_DATA_DIR');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});
