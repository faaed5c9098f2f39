// Kills `monitor ingest` with SIGKILL in the middle of 100,000 items: every committed item
// survives, the database passes an integrity check, and a second run finishes the job
// without duplicates.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusJsonLines } from '../../bench/corpus/generate.ts';
import { runMonitor, MONITOR_BIN } from '../helpers/run-monitor.ts';

const COUNT = 100_000;

describe('ingest survives SIGKILL', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'monitor-crash-'));
    file = join(dir, 'items.jsonl');
    // Short items keep the run inside CI's budget; the count is what matters here.
    await pipeline(
      Readable.from(corpusJsonLines({ count: COUNT, chars: 240, seed: 7 })),
      createWriteStream(file),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const dbFile = () => join(dir, 'data', 'monitor.sqlite');
  const env = () => ({ MONITOR_DATA_DIR: join(dir, 'data'), MONITOR_LOG_LEVEL: 'warn' });

  function countItems(): number {
    try {
      const db = new Database(dbFile(), { readonly: true, fileMustExist: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;
      } finally {
        db.close();
      }
    } catch {
      return 0; // not created yet, or the schema is not there yet
    }
  }

  it('loses no committed item and finishes on a second run', { timeout: 600_000 }, async () => {
    const child = spawn(process.execPath, [MONITOR_BIN, 'ingest', file, '--batch', '200'], {
      env: { ...process.env, ...env() },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    // Kill once a good part is committed, well before the end.
    let killedAt = 0;
    for (let i = 0; i < 3000; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const n = countItems();
      if (n >= 15_000) {
        child.kill('SIGKILL');
        killedAt = n;
        break;
      }
      if (child.exitCode !== null) break;
    }
    await exited;
    expect(stderr).not.toMatch(/Error/);
    expect(killedAt, 'the ingest was killed part-way').toBeGreaterThan(0);

    const db = new Database(dbFile());
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const afterKill = (db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;
    expect(afterKill).toBeGreaterThanOrEqual(killedAt);
    expect(afterKill).toBeLessThan(COUNT);
    // Every committed item is whole: its search entry and its tags came with it.
    const orphans = db
      .prepare(
        'SELECT count(*) AS n FROM items i WHERE NOT EXISTS (SELECT 1 FROM item_entities e WHERE e.item_rowid = i.rowid)',
      )
      .get() as { n: number };
    expect(orphans.n).toBe(0);
    db.close();

    const second = await runMonitor(['ingest', file], { env: env() });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(
      new RegExp(`${COUNT} lines, ${COUNT - afterKill} new, 0 updated, ${afterKill} unchanged`),
    );
    const final = new Database(dbFile(), { readonly: true });
    const total = final
      .prepare('SELECT count(*) AS n, count(DISTINCT url) AS urls FROM items')
      .get() as { n: number; urls: number };
    expect(total).toEqual({ n: COUNT, urls: COUNT });
    expect(final.pragma('integrity_check', { simple: true })).toBe('ok');
    final.close();
  });
});
