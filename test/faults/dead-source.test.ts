// Dead sources never hold up the others: a server that accepts and never answers, one
// that sends headers and then stalls the body, a closed port and a host whose DNS lookup
// never returns run beside two healthy sites. The healthy sources are stored and recorded
// while the dead ones are still hanging; the dead ones then end with an error event that
// names the timeout (or the refusal).
import net from 'node:net';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type * as Dns from 'node:dns';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FetchEvent } from '../../src/core/store.ts';
import type { Source } from '../../src/core/source.ts';
import { runSource, type RunSourceDeps } from '../../crawlers/run-source.ts';
import { createScheduler, runAllOnce, type CronLike } from '../../crawlers/scheduler.ts';
import { createCrawlers } from '../../crawlers/index.ts';
import { createFetcher } from '../../crawlers/http/index.ts';
import { sqliteStore, type SqliteStore } from '../../src/store/sqlite/index.ts';
import { pipelineSink } from '../../src/pipeline/process-item.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { articlePage, fakeExtractor, makeSource } from '../unit/crawlers/helpers.ts';
import { articleText } from './texts.ts';

const NO_ANSWER_HOST = 'never-answers.invalid';

// A resolver that never calls back for one host: the fetcher's own DNS guard asks it.
vi.mock('node:dns', async (importOriginal) => {
  const dns = await importOriginal<typeof Dns>();
  const lookup = ((host: string, ...rest: unknown[]) =>
    host === NO_ANSWER_HOST
      ? undefined
      : (dns.lookup as (...a: unknown[]) => void)(host, ...rest)) as typeof dns.lookup;
  return { ...dns, default: { ...dns, lookup }, lookup };
});

const TIMEOUT_MS = 500;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

async function listen(server: net.Server): Promise<number> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s) => sockets.add(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(
    () =>
      new Promise((r) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => r());
      }),
  );
  return (server.address() as AddressInfo).port;
}

/** Accepts connections and never says a word. */
const blackhole = () => listen(net.createServer(() => {}));

/** Answers 200 with headers and a first chunk, then never finishes the body. */
const stalledBody = () =>
  listen(
    http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss version="2.0"><channel><title>yarım');
    }),
  );

/** A port nobody listens on any more. */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

async function healthySite(n: number): Promise<FixtureServer> {
  const site = await startFixtureServer();
  closers.push(() => site.close());
  const items = Array.from(
    { length: n },
    (_v, i) => `<item><title>Xəbər ${i}</title><link>${site.origin}/news/${i}</link></item>`,
  ).join('');
  site.route('/rss', {
    headers: { 'content-type': 'application/rss+xml' },
    body: `<rss version="2.0"><channel><title>lent</title>${items}</channel></rss>`,
  });
  for (let i = 0; i < n; i++)
    site.route(`/news/${i}`, { body: articlePage(`Xəbər ${i}`, articleText(i + n * 100, 80)) });
  return site;
}

interface World {
  store: SqliteStore;
  healthy: Source[];
  dead: Source[];
  deps: RunSourceDeps;
}

async function world(): Promise<World> {
  const store = sqliteStore({ path: ':memory:' });
  closers.push(() => store.close());
  const [a, b] = [await healthySite(4), await healthySite(6)];
  const healthy = [
    makeSource({ id: 'healthy_a', kind: 'rss', urls: [a.url('/rss')] }),
    makeSource({ id: 'healthy_b', kind: 'rss', urls: [b.url('/rss')] }),
  ];
  const dead = [
    makeSource({
      id: 'dead_blackhole',
      kind: 'rss',
      urls: [`http://127.0.0.1:${await blackhole()}/rss`],
    }),
    makeSource({
      id: 'dead_stall',
      kind: 'rss',
      urls: [`http://127.0.0.1:${await stalledBody()}/rss`],
    }),
    makeSource({
      id: 'dead_closed',
      kind: 'rss',
      urls: [`http://127.0.0.1:${await closedPort()}/rss`],
    }),
    // allowPrivate off, so the fetcher resolves the name itself (and checks the answer).
    makeSource({
      id: 'dead_dns',
      kind: 'rss',
      urls: [`http://${NO_ANSWER_HOST}/rss`],
      allowPrivate: false,
    }),
  ];
  await store.upsertSources([...healthy, ...dead]);
  // One fetcher for all, as in `monitor crawl`: a shared pacer must not couple them.
  const fetcher = createFetcher({
    userAgent: 'TestMonitor/1.0',
    hostConcurrency: 2,
    hostDelayMs: 0,
    maxBodyBytes: 1 << 20,
    timeoutMs: TIMEOUT_MS,
    retries: 0,
  });
  const sink = pipelineSink(store, {
    detector: { detect: () => 'az' },
    tagger: { version: 't', tag: () => [] },
  });
  const deps = {
    store,
    sink,
    crawlers: createCrawlers(),
    fetcher,
    extractor: fakeExtractor,
    maxFailures: 5,
  };
  return { store, healthy, dead, deps };
}

async function expectHealthyStored(w: World) {
  expect(await w.store.countItems({ sources: ['healthy_a'] })).toBe(4);
  expect(await w.store.countItems({ sources: ['healthy_b'] })).toBe(6);
  for (const s of w.healthy) {
    const [ev] = await w.store.fetchEvents(s.id);
    expect(ev).toMatchObject({ ok: true, error: null });
  }
}

function expectDeadEvents(events: Map<string, FetchEvent>) {
  const timedOut = new RegExp(`timed out after ${TIMEOUT_MS} ms`);
  expect(events.get('dead_blackhole')?.error).toMatch(timedOut);
  expect(events.get('dead_stall')?.error).toMatch(timedOut);
  expect(events.get('dead_dns')?.error).toMatch(timedOut);
  expect(events.get('dead_closed')?.error).toMatch(/cannot reach .*ECONNREFUSED/);
  for (const id of ['dead_blackhole', 'dead_stall', 'dead_dns', 'dead_closed'])
    expect(events.get(id)).toMatchObject({ ok: false, status: null });
}

describe('dead sources never block the others', () => {
  it('scheduler: healthy sources finish while the dead ones hang; those then time out', async () => {
    const w = await world();
    const ticks: (() => unknown)[] = [];
    const cron: CronLike = {
      validate: () => true,
      createTask: (_e, fn) => {
        ticks.push(fn);
        return { start: () => undefined, stop: () => undefined };
      },
    };
    const events = new Map<string, FetchEvent>();
    const healthyDone: string[] = [];
    let runningWhenHealthyDone: string[] = [];
    const scheduler = createScheduler({
      sources: [...w.dead, ...w.healthy],
      cron,
      run: async (s) => {
        const ev = await runSource(s, w.deps);
        events.set(s.id, ev);
        if (s.id.startsWith('healthy') && healthyDone.push(s.id) === 2)
          runningWhenHealthyDone = scheduler.running();
      },
    });
    scheduler.start();
    const all = Promise.all(ticks.map((t) => t()));
    await vi.waitFor(() => expect(healthyDone).toHaveLength(2), { timeout: 10_000 });
    // The blackhole, the stalled body and the silent DNS were still hanging then.
    expect(runningWhenHealthyDone).toEqual(
      expect.arrayContaining(['dead_blackhole', 'dead_stall', 'dead_dns']),
    );
    await expectHealthyStored(w);

    await all; // hang guard: the dead ones end by their timeouts (vitest's test timeout)
    expect(scheduler.running()).toEqual([]);
    expectDeadEvents(events);
    for (const s of w.dead) {
      const [recorded] = await w.store.fetchEvents(s.id);
      expect(recorded?.error).toBe(events.get(s.id)?.error);
      expect((await w.store.getSourceState(s.id)).consecutiveFailures).toBe(1);
    }
  });

  it('crawl --once (runAllOnce): every source ends, healthy ones stored, dead ones timed out', async () => {
    const w = await world();
    const results = await runAllOnce([...w.dead, ...w.healthy], (s) => runSource(s, w.deps), {
      concurrency: 6,
    });
    await expectHealthyStored(w);
    const events = new Map(results.map((r) => [r.source.id, r.result!]));
    expectDeadEvents(events);
  });
});
