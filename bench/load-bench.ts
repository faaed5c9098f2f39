// The dashboard API under 50 concurrent users (npm run bench, BENCH_ONLY=load):
//   1. `monitor serve` over a synthetic store of LOAD_ITEMS items (default 100,000; built
//      once into bench/out/load-v1-<n>/, or the search benchmark's store when it has the
//      same size), LOAD_SECONDS (default 30) of search, metrics and counts;
//   2. `monitor start` crawling a fixture news site at full speed into a copy of that
//      store while the same load runs, until every article is stored.
// Prints requests/s and p50/p95/p99 per scenario. LOAD_USERS changes the 50 users;
// LOAD_THINK_MS (default 5,000) is the longest pause of a user between two requests.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sqliteStore } from '../src/store/sqlite/index.ts';
import { generateTaggedItems } from './corpus/with-mentions.ts';
import { DASHBOARD_SCENARIOS } from './load/dashboard-scenarios.ts';
import { loadDuringCrawl } from './load/during-crawl.ts';
import { formatLoadReport, runLoad } from './load/run-load.ts';
import { startMonitor } from './load/start-monitor.ts';

const OUT = fileURLToPath(new URL('./out/', import.meta.url));
// The same corpus settings as the search benchmark, so its cached store can stand in.
const CORPUS = {
  chars: 1500,
  seed: 42,
  days: 60,
  start: '2023-12-20T04:00:00Z',
  electionShare: 0.35,
};

async function storeDir(count: number): Promise<string> {
  const searchDir = join(OUT, `search-v5-${count}`);
  if (existsSync(join(searchDir, 'monitor.sqlite'))) return searchDir;
  const dir = join(OUT, `load-v1-${count}`);
  if (existsSync(join(dir, 'monitor.sqlite'))) return dir;
  const tmp = `${dir}.building`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  process.stderr.write(`  building a store of ${count} items in ${dir}\n`);
  const store = sqliteStore({ path: join(tmp, 'monitor.sqlite') });
  let batch = [];
  for (const item of generateTaggedItems({ count, ...CORPUS })) {
    batch.push(item);
    if (batch.length === 2000) {
      await store.upsertItems(batch);
      batch = [];
    }
  }
  if (batch.length) await store.upsertItems(batch);
  (store.db as { pragma(s: string): unknown }).pragma('optimize');
  await store.close();
  renameSync(tmp, dir);
  return dir;
}

export async function benchLoad(): Promise<void> {
  const items = Number(process.env.LOAD_ITEMS ?? 100_000);
  const seconds = Number(process.env.LOAD_SECONDS ?? 30);
  const users = Number(process.env.LOAD_USERS ?? 50);
  const thinkMax = Number(process.env.LOAD_THINK_MS ?? 5000);
  const dir = await storeDir(items);
  const env = { MONITOR_DATA_DIR: dir, MONITOR_PORT: '0', MONITOR_LOG_LEVEL: 'warn' };

  const server = await startMonitor(['serve'], env, { startTimeoutMs: 120_000 });
  try {
    // First as people use it (a pause of up to LOAD_THINK_MS between clicks), then with no
    // pause at all: the most the server answers, and how long requests queue for it.
    for (const thinkMs of [thinkMax, 0]) {
      const report = await runLoad({
        baseUrl: server.url,
        users,
        durationMs: seconds * 1000,
        maxRequests: 1_000_000,
        timeoutMs: 30_000,
        warmupPath: '/api/health',
        scenarios: DASHBOARD_SCENARIOS,
        thinkMs,
        // People who read between clicks also arrive spread out.
        rampUpMs: thinkMs,
      });
      const how = thinkMs
        ? `users pausing up to ${thinkMs / 1000} s between requests`
        : 'no pause (saturation)';
      console.log(
        `\n${formatLoadReport(report, `dashboard API, ${items.toLocaleString('en-US')} items, ${how}`)}`,
      );
    }
  } finally {
    await server.stop();
  }

  // The crawl writes to the store, so it gets a copy (the cached store stays as built).
  const copy = mkdtempSync(join(tmpdir(), 'monitor-load-bench-'));
  try {
    for (const f of ['monitor.sqlite', 'monitor.sqlite-wal'])
      if (existsSync(join(dir, f))) copyFileSync(join(dir, f), join(copy, f));
    const r = await loadDuringCrawl({
      site: { outlets: 8, feedsPerOutlet: 2, itemsPerFeed: 60, chars: 1500 },
      users,
      durationMs: seconds * 1000,
      maxRequests: 1_000_000,
      dataDir: copy,
      baseItems: items,
    });
    console.log(
      `\n${formatLoadReport(r.report, `dashboard API during a full-speed crawl of ${r.articles} articles into the ${items.toLocaleString('en-US')}-item store`)}`,
    );
    const crawl = Number.isNaN(r.crawlMs)
      ? `not finished when the load stopped (${r.itemsAtStop - items} stored)`
      : `all stored after ${(r.crawlMs / 1000).toFixed(1)} s`;
    console.log(
      `  crawl: ${crawl}; finally ${r.finalItems - items}/${r.articles}; ${r.answeredWhileRising} answers while the count was rising`,
    );
    if (r.stderr.trim()) console.log(`  monitor stderr:\n${r.stderr.trim().slice(0, 2000)}`);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLoad();
