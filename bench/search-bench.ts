// Search and aggregation at scale on the embedded store: builds (once, then reuses) a
// synthetic store of BENCH_ITEMS items, starts the real server on it in a child process,
// and measures name queries with two filters, the entity × day aggregation and the
// server's resident memory.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sqliteStore } from '../src/store/sqlite/index.ts';
import { generateTaggedItems } from './corpus/with-mentions.ts';

const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const BIN = fileURLToPath(new URL('../src/cli/bin.js', import.meta.url));

async function buildStore(count: number): Promise<string> {
  const dir = join(OUT, `search-v5-${count}`);
  const file = join(dir, 'monitor.sqlite');
  if (existsSync(file)) return dir;
  const tmp = `${dir}.building`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const store = sqliteStore({ path: join(tmp, 'monitor.sqlite') });
  const started = Date.now();
  let batch = [];
  let done = 0;
  for (const item of generateTaggedItems({
    count,
    chars: 1500,
    seed: 42,
    days: 60,
    start: '2023-12-20T04:00:00Z',
    electionShare: 0.35,
  })) {
    batch.push(item);
    if (batch.length === 2000) {
      await store.upsertItems(batch);
      done += batch.length;
      batch = [];
      if (done % 100_000 === 0)
        process.stderr.write(
          `  built ${done}/${count} items (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
        );
    }
  }
  if (batch.length) await store.upsertItems(batch);
  (store.db as { pragma(s: string): unknown }).pragma('optimize');
  await store.close();
  renameSync(tmp, dir);
  return dir;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}

const QUERIES = [
  'Nurullayev',
  'Mustafa',
  'Həsənquliyev',
  'Oruc',
  'Musayev',
  '"Milli Cəbhə"',
  'Müsavat',
];
const FILTERS = [
  'ownership=state&from=2024-01-15&to=2024-02-06',
  'source=xeber&from=2024-01-01&to=2024-01-31',
  'lang=az&ownership=opposition',
  'entity=aliyev_ilham&from=2024-01-20&to=2024-02-07',
];

export interface SearchBench {
  items: number;
  buildSeconds: number;
  searchP50Ms: number;
  searchP95Ms: number;
  aggregationMs: number;
  serverRssMb: number;
  serverPeakRssMb: number;
}

export async function benchSearch(
  count = Number(process.env.BENCH_ITEMS ?? 1_000_000),
): Promise<SearchBench> {
  const t0 = Date.now();
  const dir = await buildStore(count);
  const buildSeconds = (Date.now() - t0) / 1000;
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
    env: { ...process.env, MONITOR_DATA_DIR: dir, MONITOR_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /Dashboard: (http:\/\/\S+?)\/?\n/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const timeOf = async (path: string) => {
      const t = performance.now();
      const res = await fetch(base + path);
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      return performance.now() - t;
    };
    // Warm-up, then the measured runs.
    for (const q of QUERIES) await timeOf(`/api/search?q=${encodeURIComponent(q)}&${FILTERS[0]}`);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const q = QUERIES[i % QUERIES.length]!;
      const f = FILTERS[i % FILTERS.length]!;
      times.push(await timeOf(`/api/search?q=${encodeURIComponent(q)}&${f}`));
    }
    const agg: number[] = [];
    for (let i = 0; i < 5; i++) agg.push(await timeOf('/api/counts?by=entity,day'));
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return {
      items: count,
      buildSeconds,
      searchP50Ms: percentile(times, 0.5),
      searchP95Ms: percentile(times, 0.95),
      aggregationMs: percentile(agg, 0.5),
      serverRssMb: kb('VmRSS') / 1024,
      serverPeakRssMb: kb('VmHWM') / 1024,
    };
  } finally {
    child.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchSearch();
  console.log(JSON.stringify(r, null, 2));
}
