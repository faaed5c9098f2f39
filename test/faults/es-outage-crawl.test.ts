// Crawling goes on while Elasticsearch is away: source state and "already stored?" come
// from what this process knows, the items join the write queue, a second round does not
// fetch the queued articles again, and everything is in the cluster once it is back.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Client } from '@elastic/elasticsearch';
import { runSource } from '../../crawlers/run-source.ts';
import { createCrawlers } from '../../crawlers/index.ts';
import { elasticsearchStore } from '../../src/store/elasticsearch/index.ts';
import { queuedElasticsearch } from '../../src/store/write-queue/elasticsearch.ts';
import { pipelineSink } from '../../src/pipeline/process-item.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { articlePage, fakeExtractor, makeSource, testFetcher } from '../unit/crawlers/helpers.ts';
import { fakeCluster } from './es-outage-cluster.ts';

const closeLater: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const c of closeLater.splice(0).reverse()) await c.close().catch(() => {});
});

function newsSite(site: FixtureServer, count: number) {
  const feed = `<rss version="2.0"><channel><title>Xəbər</title>${Array.from(
    { length: count },
    (_, i) => `<item><title>Xəbər ${i + 1}</title><link>${site.origin}/news/${i + 1}</link></item>`,
  ).join('')}</channel></rss>`;
  site.route('/rss', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"feed-1"' }).end(feed);
  });
  for (let i = 1; i <= count; i++) {
    site.route(`/news/${i}`, (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(articlePage(`Xəbər ${i}`, `Seçki məntəqəsi ${i} açıldı.`));
    });
  }
}

describe('crawling through an Elasticsearch outage', () => {
  it('queues what it crawls and fetches queued articles only once', async () => {
    const es = await fakeCluster();
    closeLater.push(es);
    const site = await startFixtureServer({});
    closeLater.push(site);
    newsSite(site, 12);
    const dir = mkdtempSync(join(tmpdir(), 'es-outage-crawl-'));
    const logs: string[] = [];
    const client = new Client({ node: es.url, maxRetries: 0 });
    closeLater.push(client);
    const store = queuedElasticsearch(
      elasticsearchStore({
        url: es.url,
        client,
        indexPrefix: 'crawl',
        deadLetterPath: join(dir, 'dead.jsonl'),
        retries: 1,
        baseDelayMs: 1,
        log: (m) => void logs.push(m),
        queueOutages: true,
      }),
      {
        url: es.url,
        spoolPath: join(dir, 'queue.jsonl'),
        log: (m) => void logs.push(m),
        retryMs: 50,
      },
    );
    closeLater.push(store);
    await store.init();
    const source = makeSource({
      id: 'xeber',
      kind: 'rss',
      urls: [site.url('/rss')],
      fetchArticles: true,
    });
    await store.upsertSources([source]);

    await es.down();
    const deps = {
      store,
      sink: pipelineSink(store, {
        detector: { detect: () => 'az' as const },
        tagger: { version: 't', tag: () => [] },
      }),
      crawlers: createCrawlers(),
      fetcher: testFetcher().fetcher,
      extractor: fakeExtractor,
      maxFailures: 3,
    };
    const first = await runSource(source, deps);
    expect(first.ok, first.error ?? '').toBe(true);
    expect(first).toMatchObject({ itemsNew: 0, itemsQueued: 12 });
    expect((await store.writeQueue()).queued).toBe(12);
    expect(site.hits('/news/1')).toBe(1);
    expect(logs.filter((l) => l.includes('is unreachable'))).toHaveLength(1);

    // A second round during the outage: the queued articles count as stored.
    const second = await runSource(source, deps);
    expect(second.ok, second.error ?? '').toBe(true);
    expect(site.hits('/news/1')).toBe(1);
    expect((await store.writeQueue()).queued).toBe(12);

    await es.up();
    await vi.waitFor(() => expect(logs).toContain('Elasticsearch is back: wrote 12 queued items'), {
      timeout: 5000,
      interval: 20,
    });
    const copies = es.itemCopies('crawl');
    expect(copies.size).toBe(12);
    expect([...copies.values()].every((n) => n === 1)).toBe(true);
  });
});
