// The Elasticsearch backend survives the cluster going away and coming back: items
// written while it is down are queued on disk and written, once each, when it is back;
// a crash in the middle of that drain loses nothing; real rejections are not queued.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Item } from '../../src/core/types.ts';
import { Client } from '@elastic/elasticsearch';
import { RetryLaterError } from '../../src/core/errors.ts';
import { BulkItemsError, elasticsearchStore } from '../../src/store/elasticsearch/index.ts';
import { queuedElasticsearch } from '../../src/store/write-queue/elasticsearch.ts';
import { makeItem } from '../helpers/make-item.ts';
import { fakeCluster } from './es-outage-cluster.ts';

const items = (from: number, to: number): Item[] =>
  Array.from({ length: to - from }, (_, k) => {
    const n = from + k;
    return makeItem({
      url: `https://xeber.example/news/${n}`,
      title: `Xəbər ${n}`,
      text: `Seçki dairəsi ${n} üzrə məlumat yayımlandı.`,
    });
  });

const spoolLines = (path: string) =>
  existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean).length : 0;

type Cluster = Awaited<ReturnType<typeof fakeCluster>>;
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close().catch(() => {});
});

function setup(es: Cluster, dir: string, logs: string[], retryMs = 20) {
  // No client-side retries (they back off for seconds); the write queue is under test.
  const client = new Client({ node: es.url, maxRetries: 0 });
  open.push(client);
  const inner = elasticsearchStore({
    url: es.url,
    client,
    indexPrefix: 'lab',
    deadLetterPath: join(dir, 'dead.jsonl'),
    retries: 1,
    baseDelayMs: 1,
    log: (m) => void logs.push(m),
    queueOutages: true,
  });
  const store = queuedElasticsearch(inner, {
    url: es.url,
    spoolPath: join(dir, 'queue.jsonl'),
    log: (m) => void logs.push(m),
    retryMs,
  });
  open.push(store);
  return store;
}

async function writeAll(
  store: ReturnType<typeof setup>,
  list: Item[],
  size = 25,
): Promise<string[]> {
  const statuses: string[] = [];
  for (let i = 0; i < list.length; i += size) {
    for (const o of await store.upsertItems(list.slice(i, i + size))) statuses.push(o.status);
  }
  return statuses;
}

describe('Elasticsearch outage', () => {
  it('queues writes while the cluster is down and writes them once it is back', async () => {
    const es = await fakeCluster();
    open.push(es);
    const dir = mkdtempSync(join(tmpdir(), 'es-outage-'));
    const logs: string[] = [];
    const store = setup(es, dir, logs);
    await store.init();

    expect(new Set(await writeAll(store, items(0, 200)))).toEqual(new Set(['new']));
    await es.down();
    const statuses = await writeAll(store, items(200, 500));
    expect(statuses).toHaveLength(300);
    expect(new Set(statuses)).toEqual(new Set(['queued']));
    expect(spoolLines(join(dir, 'queue.jsonl'))).toBe(300);
    // A kept-alive connection is reset, a new one refused: either is the first failure.
    const reason = '(ECONNREFUSED|connection reset)';
    expect(await store.writeQueue()).toMatchObject({
      queued: 300,
      lastError: expect.stringMatching(new RegExp(`^${reason}$`)),
    });
    // One line for the state change, not one per item or per batch, and no dead letters.
    const down = logs.filter((l) => l.includes('is unreachable'));
    expect(down).toHaveLength(1);
    expect(logs.filter((l) => l.includes('rejected'))).toEqual([]);
    expect(existsSync(join(dir, 'dead.jsonl'))).toBe(false);
    expect(down[0]).toMatch(
      new RegExp(
        `^Elasticsearch at ${es.url} is unreachable \\(${reason}\\); items are queued in ${join(dir, 'queue.jsonl')} \\(25 so far\\)$`,
      ),
    );
    // Reads cannot wait: they fail, saying why.
    const read = store.search({ q: 'seçki' });
    await expect(read).rejects.toBeInstanceOf(RetryLaterError);
    await expect(read).rejects.toThrow(
      /unreachable \((ECONNREFUSED|connection reset)\).*300 items wait/,
    );

    await es.up();
    await vi.waitFor(
      () => expect(logs).toContain('Elasticsearch is back: wrote 300 queued items'),
      {
        timeout: 5000,
        interval: 20,
      },
    );
    const copies = es.itemCopies('lab');
    expect(copies.size).toBe(500);
    expect([...copies.values()].every((n) => n === 1)).toBe(true);
    expect(await store.writeQueue()).toMatchObject({ queued: 0 });
    expect(spoolLines(join(dir, 'queue.jsonl'))).toBe(0);
    expect(await store.writeQueue()).toMatchObject({ unreachableSince: null });
    // Back to normal: new writes go straight through.
    expect((await store.upsertItems(items(500, 501)))[0]?.status).toBe('new');
  });

  it('loses nothing when the process is killed in the middle of a drain', async () => {
    const es = await fakeCluster();
    open.push(es);
    const dir = mkdtempSync(join(tmpdir(), 'es-crash-'));
    const logs: string[] = [];
    const first = setup(es, dir, logs, 60_000);
    await first.init();
    await es.down();
    expect(new Set(await writeAll(first, items(0, 300), 50))).toEqual(new Set(['queued']));
    await first.close();
    await es.up();

    // The second bulk request (items 200-299) is applied but never answered; the child is
    // killed while it waits, before it can mark those items written.
    let bulks = 0;
    let applied!: () => void;
    const secondApplied = new Promise<void>((resolve) => (applied = resolve));
    es.onBulk(() => {
      bulks++;
      if (bulks < 2) return true;
      applied();
      return false;
    });
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./es-outage-child.ts', import.meta.url)),
        es.url,
        join(dir, 'queue.jsonl'),
        join(dir, 'dead.jsonl'),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_c, s) => r(s)));
    await secondApplied;
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(out).not.toContain('drained');
    es.onBulk(null);
    expect(es.itemCopies('lab').size).toBe(300);
    // Only the first batch is marked written; the second is still in the spool.
    expect(readFileSync(join(dir, 'queue.jsonl.done'), 'utf8')).toBe('200');

    const next = setup(es, dir, logs);
    await next.init();
    expect(await next.writeQueue()).toMatchObject({ queued: 100 });
    const drained = `Wrote 100 items queued earlier in ${join(dir, 'queue.jsonl')}`;
    await vi.waitFor(() => expect(logs).toContain(drained), { timeout: 5000, interval: 20 });
    expect(await next.writeQueue()).toMatchObject({ queued: 0 });
    const copies = es.itemCopies('lab');
    expect(copies.size).toBe(300);
    expect([...copies.values()].every((n) => n === 1)).toBe(true);
    // The replayed batch found its documents in place and did not write them again.
    expect([...es.writesByUrl.values()].every((n) => n === 1)).toBe(true);
  });

  it('does not queue a mapping error, and replays only outage dead letters', async () => {
    const es = await fakeCluster();
    open.push(es);
    const dir = mkdtempSync(join(tmpdir(), 'es-reject-'));
    const logs: string[] = [];
    const store = setup(es, dir, logs);
    await store.init();

    es.state.bulkRule = (doc) =>
      String(doc.url).endsWith('/1')
        ? { status: 400, type: 'mapper_parsing_exception', reason: 'failed to parse [title]' }
        : null;
    const bad = store.upsertItems(items(0, 3));
    await expect(bad).rejects.toBeInstanceOf(BulkItemsError);
    await expect(bad).rejects.toThrow(/rejected 1 operation/);
    expect(await store.writeQueue()).toMatchObject({ queued: 0, unreachableSince: null });

    // Shards unavailable for a whole batch: an outage, so those items are queued, and only
    // queued: no dead letter, no log line per item.
    es.state.bulkRule = () => ({
      status: 503,
      type: 'unavailable_shards_exception',
      reason: 'red',
    });
    const out = await store.upsertItems(items(10, 12));
    expect(out.map((o) => o.status)).toEqual(['queued', 'queued']);
    const deadPath = join(dir, 'dead.jsonl');
    const dead = () =>
      readFileSync(deadPath, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { url: string; status: number });
    expect(dead().map((d) => d.status)).toEqual([400]);
    expect(logs.filter((l) => l.includes('rejected index'))).toHaveLength(1);
    // An outage dead letter left by an earlier run (or by `monitor migrate`) is sent again.
    const [left] = items(20, 21);
    appendFileSync(
      deadPath,
      `${JSON.stringify({ at: '2024-02-01T00:00:00Z', action: 'index', index: 'lab-items-2024', id: left!.id, url: left!.url, status: 503, error: 'red', doc: { url: left!.url, title: left!.title } })}\n`,
    );

    es.state.bulkRule = null;
    await vi.waitFor(
      () => expect(logs.some((l) => l.startsWith('Elasticsearch is back: wrote 2'))).toBe(true),
      { timeout: 5000, interval: 20 },
    );
    expect(await store.writeQueue()).toMatchObject({ queued: 0 });
    expect([...es.itemCopies('lab').keys()].sort()).toEqual(
      [0, 10, 11, 2, 20].map((n) => `https://xeber.example/news/${n}`),
    );
    // The mapping error waits for a person; the outage one was sent again.
    expect(dead().map((d) => [d.url, d.status])).toEqual([['https://xeber.example/news/1', 400]]);
    expect(logs).toContain(
      'Elasticsearch is back: wrote 2 queued items (and sent 1 dead-lettered operations again)',
    );
  });

  it('stays queued while the cluster answers but is red', async () => {
    const es = await fakeCluster();
    open.push(es);
    const dir = mkdtempSync(join(tmpdir(), 'es-red-'));
    const logs: string[] = [];
    const store = setup(es, dir, logs, 60_000);
    await store.init();
    await es.down();
    await store.upsertItems(items(0, 5));
    await es.up();
    es.state.health = 'red';
    expect(await store.drainQueue()).toBe(0);
    expect(await store.writeQueue()).toMatchObject({
      queued: 5,
      lastError: 'cluster health is red',
    });
    es.state.health = 'green';
    expect(await store.drainQueue()).toBe(5);
    expect(es.itemCopies('lab').size).toBe(5);
  });
});
