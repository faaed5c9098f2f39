import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSource } from '../../../crawlers/run-source.ts';
import { createCrawlers } from '../../../crawlers/index.ts';
import { rssCrawler } from '../../../crawlers/rss/index.ts';
import { sqliteStore } from '../../../src/store/sqlite/index.ts';
import type { SqliteStore } from '../../../src/store/sqlite/index.ts';
import { pipelineSink } from '../../../src/pipeline/process-item.ts';
import type { Source } from '../../../src/core/source.ts';
import { startFixtureServer } from '../../helpers/fixture-server.ts';
import type { FixtureServer } from '../../helpers/fixture-server.ts';
import { articlePage, fakeClock, fakeExtractor, makeSource, testFetcher } from './helpers.ts';

let site: FixtureServer;
let store: SqliteStore;

beforeEach(() => {
  store = sqliteStore({ path: ':memory:' });
});
afterEach(async () => {
  await site?.close();
  await store.close();
});

const sinkFor = (s: SqliteStore) =>
  pipelineSink(s, { detector: { detect: () => 'az' }, tagger: { version: 't', tag: () => [] } });

function deps(
  over: { clock?: ReturnType<typeof fakeClock>; timeoutMs?: number; maxFailures?: number } = {},
) {
  const clock = over.clock ?? fakeClock();
  const { fetcher } = testFetcher({
    now: clock.now,
    sleep: clock.sleep,
    timeoutMs: over.timeoutMs ?? 2000,
    retries: 1,
  });
  return {
    store,
    sink: sinkFor(store),
    crawlers: createCrawlers(),
    fetcher,
    extractor: fakeExtractor,
    maxFailures: over.maxFailures ?? 3,
    now: clock.now,
  };
}

const feed = (origin: string, n: number) =>
  `<rss version="2.0"><channel><title>x</title>${Array.from(
    { length: n },
    (_v, i) => `<item><title>Xəbər ${i + 1}</title><link>${origin}/news/${i + 1}</link></item>`,
  ).join('')}</channel></rss>`;

async function register(source: Source) {
  await store.upsertSources([source]);
  return source;
}

describe('runSource', () => {
  it('stores items once; a second run of an unchanged feed gets 304 and stores nothing', async () => {
    site = await startFixtureServer({});
    site.route('/rss', (req, res) => {
      if (req.headers['if-none-match'] === '"feed-v1"') return void res.writeHead(304).end();
      res
        .writeHead(200, { 'content-type': 'application/rss+xml', etag: '"feed-v1"' })
        .end(feed(site.origin, 3));
    });
    for (const n of [1, 2, 3])
      site.route(`/news/${n}`, { body: articlePage(`Başlıq ${n}`, `Mətn nömrə ${n}.`) });
    const source = await register(
      makeSource({ id: 'feed', kind: 'rss', urls: [site.url('/rss')] }),
    );
    const d = deps();

    const first = await runSource(source, d);
    expect(first).toMatchObject({
      ok: true,
      status: 200,
      itemsNew: 3,
      itemsSkipped: 0,
      error: null,
    });
    expect(await store.countItems()).toBe(3);
    expect((await store.getSourceState('feed')).validators[site.url('/rss')]).toEqual({
      etag: '"feed-v1"',
    });

    const second = await runSource(source, d);
    expect(second).toMatchObject({ ok: true, status: 304, itemsNew: 0, itemsUpdated: 0 });
    expect(await store.countItems()).toBe(3);
    expect(site.hits('/news/1')).toBe(1);
    const events = await store.fetchEvents('feed');
    expect(events.map((e) => e.status).sort()).toEqual([200, 304]);
  });

  it('re-runs without fetching stored articles even without validators', async () => {
    site = await startFixtureServer({});
    site.route('/rss', {
      headers: { 'content-type': 'application/rss+xml' },
      body: feed(site.origin, 2),
    });
    for (const n of [1, 2])
      site.route(`/news/${n}`, { body: articlePage(`Başlıq ${n}`, `Mətn ${n}.`) });
    const source = await register(
      makeSource({ id: 'feed2', kind: 'rss', urls: [site.url('/rss')] }),
    );
    const d = deps();
    await runSource(source, d);
    const again = await runSource(source, d);
    expect(again).toMatchObject({ ok: true, itemsNew: 0 });
    expect(site.hits('/news/1')).toBe(1);
  });

  it('records a 500 followed by 200 as one successful fetch', async () => {
    let calls = 0;
    site = await startFixtureServer({});
    site.route('/rss', (_req, res) => {
      if (++calls === 1) return void res.writeHead(500).end();
      res.writeHead(200).end(feed(site.origin, 1));
    });
    site.route('/news/1', { body: articlePage('Bir', 'Mətn.') });
    const source = await register(
      makeSource({ id: 'flaky', kind: 'rss', urls: [site.url('/rss')] }),
    );
    const ev = await runSource(source, deps());
    expect(ev).toMatchObject({ ok: true, itemsNew: 1 });
    expect((await store.getSourceState('flaky')).consecutiveFailures).toBe(0);
  });

  it('records a slow site as a failure, backs off, and pauses after maxFailures', async () => {
    site = await startFixtureServer({ '/rss': () => undefined });
    const source = await register(
      makeSource({ id: 'slow', kind: 'rss', urls: [site.url('/rss')] }),
    );
    const clock = fakeClock();
    const d = deps({ clock, timeoutMs: 100, maxFailures: 2 });

    const first = await runSource(source, d);
    expect(first.ok).toBe(false);
    expect(first.status).toBeNull();
    expect(first.error).toContain(`${site.url('/rss')}: timed out after 100 ms`);
    const s1 = await store.getSourceState('slow');
    expect(s1.consecutiveFailures).toBe(1);
    expect(Date.parse(s1.nextAttemptAt ?? '')).toBeGreaterThan(clock.now().getTime());

    // Backed off: not attempted, not recorded.
    const skipped = await runSource(source, d);
    expect(skipped.error).toMatch(/^backed off until/);
    expect(site.hits('/rss')).toBe(2); // first run: one try and one retry

    clock.advance(24 * 3600_000);
    await runSource(source, d);
    const s2 = await store.getSourceState('slow');
    expect(s2.consecutiveFailures).toBe(2);
    expect(s2.pausedReason).toMatch(
      /^paused after 2 consecutive failures; last error: .*timed out/,
    );
    const health = (await store.sourceHealth()).find((h) => h.sourceId === 'slow');
    expect(health?.pausedReason).toBe(s2.pausedReason);

    clock.advance(24 * 3600_000);
    const paused = await runSource(source, d);
    expect(paused.error).toMatch(/^paused: /);
    expect(site.hits('/rss')).toBe(4);
    expect(await store.fetchEvents('slow')).toHaveLength(2);
  });

  it('records a 429 with a long Retry-After and the HTTP status', async () => {
    site = await startFixtureServer({
      '/rss': { status: 429, headers: { 'retry-after': '7200' } },
    });
    const source = await register(
      makeSource({ id: 'limited', kind: 'rss', urls: [site.url('/rss')] }),
    );
    const ev = await runSource(source, deps());
    expect(ev).toMatchObject({ ok: false, status: 429 });
    expect(ev.error).toContain('HTTP 429');
  });

  it('keeps going past a bad URL of a source and records what failed', async () => {
    site = await startFixtureServer({});
    site.route('/good', { body: feed(site.origin, 1) });
    site.route('/loop', { status: 302, headers: { location: '/loop' } });
    site.route('/news/1', { body: articlePage('Bir', 'Mətn.') });
    const source = await register(
      makeSource({ id: 'mixed', kind: 'rss', urls: [site.url('/loop'), site.url('/good')] }),
    );
    const ev = await runSource(source, deps());
    expect(ev.ok).toBe(false);
    expect(ev.itemsNew).toBe(1);
    expect(ev.url).toBe(site.url('/loop'));
    expect(ev.error).toMatch(/redirect loop/);
  });

  it('does not keep validators when an article must be retried, so nothing is lost', async () => {
    let articleUp = false;
    site = await startFixtureServer({});
    site.route('/rss', (req, res) => {
      if (req.headers['if-none-match'] === '"v"') return void res.writeHead(304).end();
      res.writeHead(200, { etag: '"v"' }).end(feed(site.origin, 1));
    });
    site.route('/news/1', (_req, res) => {
      if (!articleUp) return void res.writeHead(503).end();
      res.writeHead(200, { 'content-type': 'text/html' }).end(articlePage('Bir', 'Mətn.'));
    });
    const source = await register(
      makeSource({ id: 'later', kind: 'rss', urls: [site.url('/rss')] }),
    );
    const d = deps();
    const first = await runSource(source, d);
    expect(first).toMatchObject({ ok: true, itemsNew: 0, itemsSkipped: 1 });
    articleUp = true;
    const second = await runSource(source, d);
    expect(second).toMatchObject({ ok: true, status: 200, itemsNew: 1 });
  });

  it('fetches what the per-run cap left over on later runs, though the feed is unchanged', async () => {
    site = await startFixtureServer({});
    site.route('/rss', (req, res) => {
      if (req.headers['if-none-match'] === '"v"') return void res.writeHead(304).end();
      res.writeHead(200, { etag: '"v"' }).end(feed(site.origin, 5));
    });
    for (let i = 1; i <= 5; i++) {
      site.route(`/news/${i}`, (_req, res) => {
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(articlePage(`X ${i}`, `Mətn ${i}.`));
      });
    }
    const source = await register(
      makeSource({ id: 'capped', kind: 'rss', urls: [site.url('/rss')], fetchArticles: true }),
    );
    const d = {
      ...deps(),
      crawlers: { ...createCrawlers(), rss: rssCrawler({ maxArticlesPerFeed: 2 }) },
    };
    const runs = [];
    for (let i = 0; i < 4; i++) runs.push(await runSource(source, d));
    expect(runs.map((r) => r.itemsNew)).toEqual([2, 2, 1, 0]);
    // Only the run that found nothing left over saves the ETag; the next gets a 304.
    expect(runs.map((r) => r.status)).toEqual([200, 200, 200, 304]);
    expect(await store.countItems()).toBe(5);
  });

  it('never throws, even when the store fails', async () => {
    const source = makeSource({ id: 'x', kind: 'rss', urls: ['http://127.0.0.1:9/rss'] });
    const broken = {
      ...deps(),
      store: { ...store, getSourceState: () => Promise.reject(new Error('disk gone')) },
    };
    const ev = await runSource(source, broken);
    expect(ev.ok).toBe(false);
    expect(ev.error).toContain('disk gone');
  });
});
