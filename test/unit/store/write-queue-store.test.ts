// queuedStore in front of an in-memory store that can be switched off: what is an
// outage, what is queued, in which order it is written, and what a crash leaves.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errors } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../../src/core/types.ts';
import type { Store, UpsertOutcome } from '../../../src/core/store.ts';
import { RetryLaterError } from '../../../src/core/errors.ts';
import { queuedStore } from '../../../src/store/write-queue/queued-store.ts';
import {
  isUnavailable,
  outageReason,
  StoreUnavailableError,
} from '../../../src/store/write-queue/unavailable.ts';
import { makeItem } from '../../helpers/make-item.ts';

const response = (statusCode: number) =>
  new errors.ResponseError({
    body: {},
    statusCode,
    headers: {},
    warnings: null,
    meta: {} as never,
  });
const refused = () => new errors.ConnectionError('connect ECONNREFUSED 127.0.0.1:9200');

describe('isUnavailable', () => {
  it('tells outages from rejections', () => {
    expect(isUnavailable(refused())).toBe(true);
    expect(isUnavailable(new errors.TimeoutError('Request timed out'))).toBe(true);
    for (const s of [429, 502, 503, 504]) expect(isUnavailable(response(s))).toBe(true);
    for (const s of [400, 401, 404, 409]) expect(isUnavailable(response(s))).toBe(false);
    // The store wraps client errors (e.g. moving story heads) and keeps the cause.
    expect(isUnavailable(new RetryLaterError('could not move', { cause: refused() }))).toBe(true);
    expect(isUnavailable(new StoreUnavailableError('cluster health is red'))).toBe(true);
    expect(isUnavailable({ failures: [{ status: null }, { status: 503 }] })).toBe(true);
    expect(isUnavailable({ failures: [{ status: null }, { status: 400 }] })).toBe(false);
    expect(isUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isUnavailable(Object.assign(new Error('read'), { code: 'ECONNRESET' }))).toBe(true);
  });

  it('names the reason briefly', () => {
    expect(outageReason(refused())).toBe('ECONNREFUSED');
    expect(outageReason(response(503))).toBe('HTTP 503');
    expect(outageReason(new RetryLaterError('wrapped', { cause: refused() }))).toBe('ECONNREFUSED');
  });
});

/** An in-memory store of items by URL, which can be down or refuse some items. */
function memoryStore() {
  const byUrl = new Map<string, Item>();
  const calls: string[][] = [];
  const state = {
    down: false,
    refuse: (_i: Item): boolean => false,
    hangOnCall: -1,
    /** Thrown in place of a plain 400 when an item is refused. */
    throwInstead: null as Error | null,
  };
  const store = {
    backend: 'elasticsearch',
    async init() {},
    async close() {},
    async upsertItems(items: Item[]): Promise<UpsertOutcome[]> {
      if (state.down) throw refused();
      calls.push(items.map((i) => i.url));
      const bad = items.find(state.refuse);
      if (bad) throw state.throwInstead ?? response(400);
      for (const i of items) byUrl.set(i.url, i);
      if (calls.length === state.hangOnCall) await new Promise(() => {});
      return items.map((i) => ({ id: i.id, url: i.url, status: 'new' }));
    },
    async getItemByUrl(url: string) {
      if (state.down) throw refused();
      return byUrl.get(url) ?? null;
    },
    async countItems() {
      if (state.down) throw refused();
      return byUrl.size;
    },
  } as unknown as Store;
  return { store, byUrl, calls, state };
}

const item = (n: number) =>
  makeItem({ url: `https://q.example/${n}`, title: `Başlıq ${n}`, text: `Mətn ${n}.` });
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, k) => item(a + k));

function setup(spoolPath = join(mkdtempSync(join(tmpdir(), 'wq-')), 'queue.jsonl')) {
  const mem = memoryStore();
  const logs: string[] = [];
  const store = queuedStore(mem.store, {
    spoolPath,
    log: (m) => void logs.push(m),
    name: 'Elasticsearch',
    url: 'http://es.test:9200',
    retryMs: 60_000,
    batchSize: 3,
  });
  return { ...mem, store, logs, spoolPath };
}

describe('queuedStore', () => {
  it('throws a rejection as before and queues nothing', async () => {
    const t = setup();
    t.state.refuse = (i) => i.url.endsWith('/2');
    await expect(t.store.upsertItems(range(1, 4))).rejects.toBeInstanceOf(errors.ResponseError);
    expect(await t.store.writeQueue()).toMatchObject({ queued: 0, unreachableSince: null });
  });

  it('logs each change of state once and writes queued items in order', async () => {
    const t = setup();
    t.state.down = true;
    for (const n of [1, 2, 3, 4]) {
      expect((await t.store.upsertItems([item(n)]))[0]?.status).toBe('queued');
    }
    await expect(t.store.countItems()).rejects.toThrow(
      /http:\/\/es\.test:9200 is unreachable \(ECONNREFUSED\); reads fail until it is back, and 4 items wait/,
    );
    // A crawl's "already stored?" sees the queued items, and nothing else, while down.
    expect((await t.store.getItemByUrl(item(1).url))?.title).toBe('Başlıq 1');
    expect(await t.store.getItemByUrl(item(9).url)).toBeNull();
    t.state.down = false;
    expect(await t.store.drainQueue()).toBe(4);
    // Batches of three, oldest first.
    expect(t.calls).toEqual([[1, 2, 3], [4]].map((b) => b.map((n) => item(n).url)));
    t.state.down = true;
    await t.store.upsertItems([item(5)]);
    t.state.down = false;
    await t.store.drainQueue();
    expect(t.logs.filter((l) => /unreachable|is back/.test(l))).toEqual([
      `Elasticsearch at http://es.test:9200 is unreachable (ECONNREFUSED); items are queued in ${t.spoolPath} (1 so far)`,
      'Elasticsearch is back: wrote 4 queued items',
      `Elasticsearch at http://es.test:9200 is unreachable (ECONNREFUSED); items are queued in ${t.spoolPath} (1 so far)`,
      'Elasticsearch is back: wrote 1 queued items',
    ]);
  });

  it('writes what waits before a new write, once the store is back', async () => {
    const t = setup();
    t.state.down = true;
    await t.store.upsertItems(range(1, 3));
    t.state.down = false;
    // Not due for a retry yet (retryMs is a minute): the new item joins the queue.
    expect((await t.store.upsertItems([item(3)]))[0]?.status).toBe('queued');
    expect(t.calls).toEqual([]);
    await t.store.drainQueue();
    const out = await t.store.upsertItems([item(4)]);
    expect(out[0]?.status).toBe('new');
    expect(t.calls.flat()).toEqual([1, 2, 3, 4].map((n) => item(n).url));
  });

  it('sets a refused queued item aside so it does not hold back the rest', async () => {
    const t = setup();
    t.state.down = true;
    await t.store.upsertItems(range(1, 7));
    t.state.down = false;
    t.state.refuse = (i) => i.url.endsWith('/2');
    await t.store.drainQueue();
    expect([...t.byUrl.keys()]).toEqual([4, 5, 6].map((n) => item(n).url));
    const failed = readFileSync(`${t.spoolPath}.failed`, 'utf8').trim().split('\n');
    expect(failed.map((l) => (JSON.parse(l) as { value: Item }).value.url)).toEqual(
      [1, 2, 3].map((n) => item(n).url),
    );
    expect(t.logs.join('\n')).toMatch(/refused 3 queued items .*kept in .*queue\.jsonl\.failed/);
    expect(await t.store.writeQueue()).toMatchObject({ queued: 0 });
  });

  it('leaves partly refused bulk writes to the dead letters instead of setting them aside', async () => {
    const t = setup();
    t.state.down = true;
    await t.store.upsertItems(range(1, 3));
    t.state.down = false;
    t.state.refuse = (i) => i.url.endsWith('/1');
    const bulkError = Object.assign(new Error('Elasticsearch rejected 1 operation(s)'), {
      failures: [{ op: { url: item(1).url }, status: 400 }],
    });
    t.state.throwInstead = bulkError;
    expect(await t.store.drainQueue()).toBe(2);
    expect(t.logs.join('\n')).toMatch(/refused some queued items: Elasticsearch rejected 1/);
    expect(existsSync(`${t.spoolPath}.failed`)).toBe(false);
  });

  it('after a crash between a write and its commit, replays only that batch', async () => {
    const first = setup();
    first.state.down = true;
    await first.store.upsertItems(range(1, 8));
    first.state.down = false;
    // The second batch is written, then the process "dies" before it is marked done.
    first.state.hangOnCall = 2;
    void first.store.drainQueue();
    await new Promise((r) => setTimeout(r, 50));
    expect(first.calls).toHaveLength(2);
    first.store.stopRetrying();

    const second = setup(first.spoolPath);
    expect(await second.store.writeQueue()).toMatchObject({ queued: 4 });
    expect(await second.store.drainQueue()).toBe(4);
    expect(second.calls).toEqual([[4, 5, 6], [7]].map((b) => b.map((n) => item(n).url)));
    const everyUrl = [...first.calls.flat(), ...second.calls.flat()];
    expect(new Set(everyUrl).size).toBe(7);
  });

  it('writes items left by an earlier run soon after init', async () => {
    const first = setup();
    first.state.down = true;
    await first.store.upsertItems(range(1, 3));
    const second = setup(first.spoolPath);
    await second.store.init();
    await expect
      .poll(() => second.logs, { timeout: 2000, interval: 10 })
      .toContain(`Wrote 2 items queued earlier in ${first.spoolPath}`);
    expect([...second.byUrl.keys()]).toEqual([1, 2].map((n) => item(n).url));
  });
});
