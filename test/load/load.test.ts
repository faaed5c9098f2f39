// The API under 50 concurrent dashboard users, at a size that fits CI: a few thousand
// tagged items in SQLite, the real app on 127.0.0.1, a bounded number of requests.
// Every answer must be 2xx and well-formed; the speed is printed, never asserted
// (npm run bench with BENCH_ONLY=load measures it on a bigger store).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import type { Store } from '../../src/core/store.ts';
import { sqliteStore } from '../../src/store/sqlite/index.ts';
import { loadElection } from '../../src/tagging/index.ts';
import { DICTIONARIES_DIR } from '../../src/cli/context.ts';
import { generateTaggedItems } from '../../bench/corpus/with-mentions.ts';
import { formatLoadReport, runLoad } from '../../bench/load/run-load.ts';
import { DASHBOARD_SCENARIOS } from '../../bench/load/dashboard-scenarios.ts';
import { join } from 'node:path';

const ITEMS = 3000;

describe('dashboard API under load', () => {
  let store: Store;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    store = sqliteStore({ path: ':memory:' });
    await store.upsertItems([
      ...generateTaggedItems({
        count: ITEMS,
        chars: 800,
        seed: 7,
        days: 60,
        start: '2023-12-20T04:00:00Z',
        electionShare: 0.5,
      }),
    ]);
    const election = loadElection(join(DICTIONARIES_DIR, 'az-2024-presidential'));
    server = createApp({ store, election, log: () => {} }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await store.close();
  });

  it('answers 50 concurrent users with well-formed 2xx answers', async () => {
    const seen = new Map<string, number>();
    let nonEmptyMetrics = 0;
    const report = await runLoad({
      baseUrl: base,
      users: 50,
      maxRequests: 600,
      durationMs: 8000,
      // A hang guard, not a speed limit: CI boxes run other tests beside this one.
      timeoutMs: 30_000,
      warmupPath: '/api/health',
      scenarios: DASHBOARD_SCENARIOS,
      onResponse: (r) => {
        seen.set(r.scenario, (seen.get(r.scenario) ?? 0) + 1);
        const body = r.body as { total?: number; subjects?: unknown[] };
        if (r.scenario === 'metrics' && (body.total ?? 0) > 0) nonEmptyMetrics++;
      },
    });
    console.log(formatLoadReport(report, `API load test, ${ITEMS} items`));
    expect(report.scenarios.flatMap((s) => s.errorMessages)).toEqual([]);
    expect(report.errors).toBe(0);
    // Bounded by 600 requests or 8 s, whichever came first; a busy CI box may stop at
    // the clock, so only ask for enough answers of every kind to mean something.
    expect(report.requests).toBeLessThanOrEqual(600);
    expect(report.requests).toBeGreaterThanOrEqual(100);
    for (const s of DASHBOARD_SCENARIOS) expect(seen.get(s.name) ?? 0).toBeGreaterThan(5);
    // Share sums were really checked, not skipped because nothing was counted.
    expect(nonEmptyMetrics).toBeGreaterThan(5);
    const search = report.scenarios.find((s) => s.name === 'search')!;
    expect(search.p95).toBeGreaterThanOrEqual(search.p50);
  });

  it('finds the same filtered items whether sorted by relevance or by date', async () => {
    // Relevance sorting joins the ranked text matches first (the load test found the
    // other join order slow); the filters must still apply.
    const ids = async (sort: string) => {
      const res = await fetch(
        `${base}/api/search?q=${encodeURIComponent('İlham Əliyev')}&ownership=opposition&period=campaign&limit=500&sort=${sort}`,
      );
      const body = (await res.json()) as { total: number; hits: Array<{ item: { id: string } }> };
      return { total: body.total, ids: body.hits.map((h) => h.item.id).sort() };
    };
    const byDate = await ids('date');
    expect(byDate.total).toBeGreaterThan(0);
    expect(byDate.total).toBeLessThan(500);
    expect(await ids('relevance')).toEqual(byDate);
  });
});
