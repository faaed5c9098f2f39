// SIGTERM to `monitor start` in the middle of its first crawl of the offline demo web:
// running crawls store what they fetched and record their fetch, the store is closed
// after them (no "database connection is not open"), nothing is logged as an error, and a
// second start completes the crawl with every page stored once.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoWeb, type DemoWeb } from '../../src/demo/server.ts';
import { MONITOR_BIN, runMonitor } from '../helpers/run-monitor.ts';

let dir: string;
let web: DemoWeb;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'monitor-stop-'));
  web = await startDemoWeb();
  writeFileSync(join(dir, 'sources.yaml'), stringify({ version: 1, sources: web.sources }));
});
afterAll(async () => {
  await web?.close();
  rmSync(dir, { recursive: true, force: true });
});

const env = (data: string, delayMs: number) => ({
  MONITOR_DATA_DIR: join(dir, data),
  MONITOR_SOURCES: join(dir, 'sources.yaml'),
  MONITOR_PORT: '0',
  MONITOR_HOST_DELAY_MS: String(delayMs),
  MONITOR_SCHEDULER: 'false',
});

function read<T>(data: string, sql: string): T[] {
  try {
    const db = new Database(join(dir, data, 'monitor.sqlite'), {
      readonly: true,
      fileMustExist: true,
    });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  } catch {
    return [];
  }
}

describe('monitor start stops cleanly on SIGTERM', () => {
  it(
    'finishes running crawls, closes the store after them, and loses nothing',
    { timeout: 180_000 },
    async () => {
      // An uninterrupted crawl says what a complete crawl stores.
      const reference = await runMonitor(['crawl', '--once'], { env: env('reference', 0) });
      expect(reference.code, reference.stderr).toBe(0);
      const all = read<{ url: string }>('reference', 'SELECT url FROM items')
        .map((r) => r.url)
        .sort();
      expect(all.length).toBeGreaterThan(50);

      // Paced at 150 ms a request on the one demo host, the first round takes many seconds.
      const child = spawn(process.execPath, [MONITOR_BIN, 'start'], {
        env: { ...process.env, ...env('data', 150) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let log = '';
      child.stdout.on('data', (d: Buffer) => (log += d.toString()));
      child.stderr.on('data', (d: Buffer) => (log += d.toString()));
      const exited = new Promise<number | null>((resolve) =>
        child.on('exit', (code) => resolve(code)),
      );
      let atStop = 0;
      for (let i = 0; i < 600 && child.exitCode === null; i++) {
        await new Promise((r) => setTimeout(r, 100));
        atStop = read<{ n: number }>('data', 'SELECT count(*) AS n FROM items')[0]?.n ?? 0;
        if (atStop >= 10) break;
      }
      expect(atStop, 'stopped part-way through the first round').toBeGreaterThanOrEqual(10);
      const stoppedAt = new Date().toISOString();
      child.kill('SIGTERM');
      const code = await exited;
      expect(code, log).toBe(0);
      expect(log).toContain('SIGTERM: stopping');
      expect(log).toMatch(/info {2}stopped\n/);
      // Nothing at error level, and no warning about the store or the fetch log.
      expect(log).not.toMatch(/ error /);
      expect(log).not.toMatch(/connection is not open|cannot record/);
      expect(log.length).toBeLessThan(2000);

      // The fetch log has no gap: every source with stored items recorded its run.
      const withItems = read<{ source_id: string }>('data', 'SELECT DISTINCT source_id FROM items');
      const fetched = new Set(
        read<{ source_id: string; at: string }>('data', 'SELECT source_id, at FROM fetch_events')
          .filter((e) => e.at <= stoppedAt)
          .map((e) => e.source_id),
      );
      expect(withItems.length).toBeGreaterThan(0);
      for (const s of withItems) expect(fetched.has(s.source_id), s.source_id).toBe(true);
      const db = new Database(join(dir, 'data', 'monitor.sqlite'), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();

      // Started again, the monitor completes the crawl: the same pages, each stored once.
      const again = await runMonitor(['crawl', '--once'], { env: env('data', 0) });
      expect(again.code, again.stderr).toBe(0);
      const urls = read<{ url: string }>('data', 'SELECT url FROM items')
        .map((r) => r.url)
        .sort();
      expect(urls).toEqual(all);
    },
  );
});
