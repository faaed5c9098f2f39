// A store that cannot write (full disk, a lock) is not the source's fault: the source is
// not counted as failing and never paused for it, keeps no validators (so the same items
// are fetched again), and a FatalError of the store stops a crawl round instead of failing
// every remaining source in turn.
import { afterEach, describe, expect, it } from 'vitest';
import { FatalError, RetryLaterError } from '../../src/core/errors.ts';
import type { ItemSink } from '../../src/core/store.ts';
import type { Source } from '../../src/core/source.ts';
import { runSource, type RunSourceDeps } from '../../crawlers/run-source.ts';
import { runAllOnce } from '../../crawlers/scheduler.ts';
import { createCrawlers } from '../../crawlers/index.ts';
import { sqliteStore, type SqliteStore } from '../../src/store/sqlite/index.ts';
import { pipelineSink } from '../../src/pipeline/process-item.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { articlePage, fakeExtractor, makeSource, testFetcher } from '../unit/crawlers/helpers.ts';
import { articleText } from './texts.ts';

let site: FixtureServer | undefined;
let store: SqliteStore;
afterEach(async () => {
  await site?.close();
  site = undefined;
  await store.close();
});

const ETAG = '"lent-v1"';

/** A site with one feed (ETag, 304 on a match) of `n` articles per source id. */
async function feedSite(ids: string[], n: number) {
  const s = await startFixtureServer();
  for (const id of ids) {
    s.route(`/${id}/rss`, (req, res) => {
      if (req.headers['if-none-match'] === ETAG) return void res.writeHead(304).end();
      const items = Array.from(
        { length: n },
        (_v, i) => `<item><title>Xəbər ${i}</title><link>${s.origin}/${id}/news/${i}</link></item>`,
      ).join('');
      res
        .writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG })
        .end(`<rss version="2.0"><channel><title>${id}</title>${items}</channel></rss>`);
    });
    for (let i = 0; i < n; i++)
      s.route(`/${id}/news/${i}`, { body: articlePage(`Xəbər ${i}`, articleText(i, 120)) });
  }
  return s;
}

function deps(sink?: ItemSink): RunSourceDeps {
  const { fetcher } = testFetcher({ retries: 0 });
  return {
    store,
    sink:
      sink ??
      pipelineSink(store, {
        detector: { detect: () => 'az' },
        tagger: { version: 't', tag: () => [] },
      }),
    crawlers: createCrawlers(),
    fetcher,
    extractor: fakeExtractor,
    maxFailures: 2,
  };
}

async function register(id: string): Promise<Source> {
  const source = makeSource({ id, kind: 'rss', urls: [site!.url(`/${id}/rss`)] });
  await store.upsertSources([source]);
  return source;
}

/** Lets no more pages (or only `pages` more) into the database: a full disk. */
function fillDisk(s: SqliteStore, pages = 0) {
  const used = s.db.pragma('page_count', { simple: true }) as number;
  s.db.pragma(`max_page_count = ${used + pages}`);
}
const freeDisk = (s: SqliteStore) => void s.db.pragma('max_page_count = 1073741823');

describe('a store failure is not the source fault', () => {
  it('a full disk: the run stops with the store error; nothing is blamed; next run gets every item', async () => {
    store = sqliteStore({ path: ':memory:' });
    site = await feedSite(['lent'], 30);
    const source = await register('lent');
    fillDisk(store);
    const d = deps();

    // Several runs while the disk is full: more than maxFailures, none counted.
    for (let run = 0; run < 3; run++) {
      const err = await runSource(source, d).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(FatalError);
      expect((err as Error).message).toContain('the disk holding :memory: is full');
    }
    const state = await store.getSourceState('lent');
    expect(state).toMatchObject({ consecutiveFailures: 0, pausedReason: null });
    expect(state.validators).toEqual({});
    expect(await store.countItems()).toBe(0);

    freeDisk(store);
    const ok = await runSource(source, d);
    expect(ok).toMatchObject({ ok: true, status: 200, itemsNew: 30, error: null });
    expect(await store.countItems()).toBe(30);
    // The feed was never answered 304 before the items were in.
    const feedRequests = site.requests.filter((r) => r.path === '/lent/rss');
    expect(feedRequests.map((r) => r.headers['if-none-match'])).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect((await store.getSourceState('lent')).validators).toEqual({
      [site.url('/lent/rss')]: { etag: ETAG },
    });
  });

  it('a transient store failure is reported as such and never pauses the source', async () => {
    store = sqliteStore({ path: ':memory:' });
    site = await feedSite(['lent'], 4);
    const source = await register('lent');
    const locked: ItemSink = () =>
      Promise.reject(new RetryLaterError('the store x.sqlite is locked by another process'));

    for (let run = 0; run < 4; run++) {
      const ev = await runSource(source, deps(locked));
      expect(ev.ok).toBe(false);
      expect(ev.error).toBe(
        'store could not write: the store x.sqlite is locked by another process',
      );
    }
    const state = await store.getSourceState('lent');
    expect(state).toMatchObject({ consecutiveFailures: 0, pausedReason: null, validators: {} });
    const events = await store.fetchEvents('lent');
    expect(events).toHaveLength(4);
    expect(events.every((e) => e.error?.startsWith('store could not write:'))).toBe(true);

    const ok = await runSource(source, deps());
    expect(ok).toMatchObject({ ok: true, itemsNew: 4 });
  });

  it('a source that really fails is still counted and paused (the change is store-only)', async () => {
    store = sqliteStore({ path: ':memory:' });
    site = await startFixtureServer({ '/gone/rss': { status: 404, body: 'yox' } });
    const source = await register('gone');
    const d = deps();
    await runSource(source, d);
    await runSource(source, { ...d, force: true });
    const state = await store.getSourceState('gone');
    expect(state.consecutiveFailures).toBe(2);
    expect(state.pausedReason).toContain('paused after 2 consecutive failures');
  });

  it('a FatalError of the store stops the round: later sources are not crawled, and say why', async () => {
    store = sqliteStore({ path: ':memory:' });
    const ids = ['a_lent', 'b_lent', 'c_lent'];
    site = await feedSite(ids, 5);
    const sources = await Promise.all(ids.map(register));
    fillDisk(store);
    const d = deps();
    const results = await runAllOnce(sources, (s) => runSource(s, d), { concurrency: 1 });

    expect(results.map((r) => r.source.id)).toEqual(ids);
    expect(results[0]!.error).toContain('the disk holding :memory: is full');
    for (const r of results.slice(1)) {
      expect(r.result).toBeUndefined();
      expect(r.error).toMatch(/^not crawled: the round stopped because the disk holding/);
    }
    expect(site.hits('/b_lent/rss') + site.hits('/c_lent/rss')).toBe(0);
    for (const id of ids)
      expect(await store.getSourceState(id)).toMatchObject({ consecutiveFailures: 0 });
  });
});
