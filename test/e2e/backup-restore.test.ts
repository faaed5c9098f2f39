// `monitor backup` while `monitor ingest` writes: the copy is one consistent snapshot
// (whole batches only, every item with its tags). `monitor restore` brings it back, keeps
// the store it replaces, and refuses files that are not good backups.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusJsonLines } from '../../bench/corpus/generate.ts';
import { MONITOR_BIN, runMonitor } from '../helpers/run-monitor.ts';

const COUNT = 8_000;
const BATCH = 400;

interface Counts {
  items: number;
  urls: number;
  untagged: number;
}

function counts(file: string): Counts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT count(*) AS items, count(DISTINCT url) AS urls,
           (SELECT count(*) FROM items i WHERE NOT EXISTS
              (SELECT 1 FROM item_entities e WHERE e.item_rowid = i.rowid)) AS untagged
         FROM items`,
      )
      .get() as Counts;
  } finally {
    db.close();
  }
}

function integrity(file: string): unknown {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

describe('monitor backup and restore', () => {
  let dir: string;
  let input: string;
  const dataDir = () => join(dir, 'data');
  const live = () => join(dataDir(), 'monitor.sqlite');
  const env = () => ({ MONITOR_DATA_DIR: dataDir(), MONITOR_LOG_LEVEL: 'warn' });
  const liveItems = () => {
    try {
      return counts(live()).items;
    } catch {
      return 0; // not created yet
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'monitor-backup-'));
    input = join(dir, 'items.jsonl');
    await pipeline(
      Readable.from(corpusJsonLines({ count: COUNT, chars: 240, seed: 11 })),
      createWriteStream(input),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies a consistent snapshot while an ingest is writing', { timeout: 240_000 }, async () => {
    const ingest = spawn(process.execPath, [MONITOR_BIN, 'ingest', input, '--batch', `${BATCH}`], {
      env: { ...process.env, ...env() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let ingestErr = '';
    ingest.stderr.on('data', (d: Buffer) => (ingestErr += d.toString()));
    const ingestDone = new Promise<number | null>((r) => ingest.on('exit', (c) => r(c)));
    for (let i = 0; i < 1200 && liveItems() < 2 * BATCH; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const backup = join(dir, 'during-ingest.sqlite');
    const made = await runMonitor(['backup', backup], { env: env() });
    const stillRunning = ingest.exitCode === null;
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/backed up to .*during-ingest\.sqlite: \d+ items/);
    expect(await ingestDone, ingestErr).toBe(0);
    expect(stillRunning, 'the backup ran while the ingest was writing').toBe(true);

    expect(integrity(backup)).toBe('ok');
    const snap = counts(backup);
    expect(snap.items).toBeGreaterThanOrEqual(2 * BATCH);
    expect(snap.items).toBeLessThan(COUNT);
    // One batch is one transaction: a consistent copy holds whole batches only.
    expect(snap.items % BATCH).toBe(0);
    expect(snap.untagged).toBe(0);
    expect(snap.urls).toBe(snap.items);
    expect(existsSync(`${backup}-wal`), 'a backup is one self-contained file').toBe(false);

    // Restore: the store goes back to the snapshot, the replaced store is kept.
    expect(counts(live()).items).toBe(COUNT);
    const restored = await runMonitor(['restore', backup], { env: env() });
    expect(restored.code, restored.stderr).toBe(0);
    expect(counts(live()).items).toBe(snap.items);
    expect(integrity(live())).toBe('ok');
    const kept = /kept in (\S+)\n/.exec(restored.stdout)?.[1];
    expect(kept, restored.stdout).toBeTruthy();
    expect(counts(kept!).items).toBe(COUNT);

    // The restored store keeps working: a second ingest adds exactly what is missing.
    const again = await runMonitor(['ingest', input], { env: env() });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(
      new RegExp(`${COUNT - snap.items} new, 0 updated, ${snap.items} unchanged`),
    );
    expect(counts(live())).toEqual({ items: COUNT, urls: COUNT, untagged: 0 });
  });

  it('refuses files that are not good backups and leaves the store alone', async () => {
    const before = liveItems();
    expect(before).toBeGreaterThan(0);

    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'these are not the items you are looking for\n');
    const notSqlite = await runMonitor(['restore', text], { env: env() });
    expect(notSqlite.code).toBe(1);
    expect(notSqlite.stderr).toMatch(/notes\.txt is not a SQLite database/);
    expect(notSqlite.stderr).not.toMatch(/\n\s+at /);

    const other = join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const notStore = await runMonitor(['restore', other], { env: env() });
    expect(notStore.code).toBe(1);
    expect(notStore.stderr).toMatch(/not a monitor store/);

    const future = join(dir, 'future.sqlite');
    const ok = await runMonitor(['backup', future], { env: env() });
    expect(ok.code, ok.stderr).toBe(0);
    const f = new Database(future);
    f.pragma('user_version = 999');
    f.close();
    const newer = await runMonitor(['restore', future], { env: env() });
    expect(newer.code).toBe(1);
    expect(newer.stderr).toMatch(/made by a newer monitor/);

    const exists = await runMonitor(['backup', future], { env: env() });
    expect(exists.code).toBe(1);
    expect(exists.stderr).toMatch(/already exists/);

    expect(liveItems()).toBe(before);
    expect(integrity(live())).toBe('ok');
  });
});
