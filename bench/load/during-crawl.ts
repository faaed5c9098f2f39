// The dashboard while a crawl runs flat out: the real `monitor start` crawls a fixture
// news site (no pause between requests) into its store while virtual users load its API.
// The load stops once every article is stored (or at its bounds); the health answers
// seen on the way show whether requests were answered while the item count was rising.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNewsSite, type NewsSiteOptions } from './news-site.ts';
import { startMonitor } from './start-monitor.ts';
import { runLoad, type LoadReport, type Scenario } from './run-load.ts';
import { DASHBOARD_SCENARIOS, healthScenario } from './dashboard-scenarios.ts';

export interface DuringCrawlOptions {
  site?: NewsSiteOptions;
  users: number;
  maxRequests: number;
  durationMs: number;
  timeoutMs?: number;
  scenarios?: Scenario[];
  /** A data directory to crawl into (it is changed); default a new empty one. */
  dataDir?: string;
  /** Items already in that data directory's store. */
  baseItems?: number;
  /** Extra settings for the monitor process (MONITOR_*). */
  env?: Record<string, string>;
}

export interface DuringCrawlResult {
  report: LoadReport;
  /** Articles the site offers; all should end up stored. */
  articles: number;
  /** Items the store should hold at the end: baseItems + articles. */
  target: number;
  /** Items in the store when the load stopped, and after the crawl was given time to finish. */
  itemsAtStop: number;
  finalItems: number;
  /** Item counts seen by /api/health answers, in completion order. */
  counts: Array<{ at: number; items: number }>;
  /** Non-health answers completed while the count was above baseItems and below the target. */
  answeredWhileRising: number;
  /** Milliseconds from the dashboard's start until every article was stored (NaN if never). */
  crawlMs: number;
  /** The monitor's warnings and errors. */
  stderr: string;
}

async function healthItems(base: string): Promise<number> {
  const res = await fetch(`${base}/api/health`);
  return ((await res.json()) as { items: number }).items;
}

export async function loadDuringCrawl(opts: DuringCrawlOptions): Promise<DuringCrawlResult> {
  const site = await startNewsSite(opts.site);
  const dir = mkdtempSync(join(tmpdir(), 'monitor-load-'));
  const sourcesFile = join(dir, 'sources.yaml');
  writeFileSync(sourcesFile, site.sourcesYaml());
  const monitor = await startMonitor(['start'], {
    MONITOR_SOURCES: sourcesFile,
    MONITOR_DATA_DIR: opts.dataDir ?? join(dir, 'data'),
    MONITOR_PORT: '0',
    MONITOR_HOST_DELAY_MS: '0',
    MONITOR_HOST_CONCURRENCY: '16',
    MONITOR_SCHEDULER: 'false',
    MONITOR_LOG_LEVEL: 'warn',
    ...opts.env,
  }).catch(async (err: unknown) => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  });
  const started = performance.now();
  const base = opts.baseItems ?? 0;
  const target = base + site.articles;
  try {
    const counts: DuringCrawlResult['counts'] = [];
    const others: number[] = [];
    let crawlMs = Number.NaN;
    const stop = new AbortController();
    const report = await runLoad({
      baseUrl: monitor.url,
      users: opts.users,
      maxRequests: opts.maxRequests,
      durationMs: opts.durationMs,
      timeoutMs: opts.timeoutMs ?? 30_000,
      warmupPath: '/api/health',
      scenarios: [...(opts.scenarios ?? DASHBOARD_SCENARIOS), { ...healthScenario, weight: 2 }],
      signal: stop.signal,
      onResponse: (r) => {
        if (r.scenario !== 'health') return void others.push(r.endedAt);
        const items = (r.body as { items?: number } | null)?.items;
        if (typeof items !== 'number') return;
        counts.push({ at: r.endedAt, items });
        if (items >= target && !stop.signal.aborted) {
          crawlMs = r.endedAt - started;
          stop.abort();
        }
      },
    });
    const itemsAtStop = await healthItems(monitor.url);
    // If the load ran out first, give the crawl a bounded while to finish on its own.
    let finalItems = itemsAtStop;
    for (let i = 0; i < 100 && finalItems < target; i++) {
      await new Promise((r) => setTimeout(r, 200));
      finalItems = await healthItems(monitor.url);
    }
    const rising = counts.filter((c) => c.items > base && c.items < target);
    const from = rising[0]?.at ?? Number.POSITIVE_INFINITY;
    const to = rising.at(-1)?.at ?? Number.NEGATIVE_INFINITY;
    return {
      report,
      articles: site.articles,
      target,
      itemsAtStop,
      finalItems,
      counts,
      answeredWhileRising: others.filter((t) => t >= from && t <= to).length,
      crawlMs,
      stderr: monitor.stderr(),
    };
  } finally {
    await monitor.stop();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
