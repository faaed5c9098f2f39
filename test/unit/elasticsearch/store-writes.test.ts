// What the store sends when it sets up indices and writes items, and how it reads the
// replies: statuses, partial bulk failures, retries, dead letters.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errors } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import { elasticsearchStore, BulkItemsError } from '../../../src/store/elasticsearch/index.ts';
import { loadMapping } from '../../../src/store/elasticsearch/mappings.ts';
import { mentionsKey } from '../../../src/store/elasticsearch/docs.ts';
import { makeItem, SOURCES } from '../../helpers/make-item.ts';
import { mockCluster, type Call } from './mock-cluster.ts';

const fuad = makeItem(
  {
    url: 'https://agency.example/news/1',
    title: 'Fuad Əliyev seçicilərlə görüşdü',
    text: 'Namizəd Fuad Əliyev Gəncədə görüşdü. Nurullayevin çıxışı müzakirə olundu.',
    publishedAt: '2024-01-20T12:00:00+04:00',
  },
  [
    ['Fuad Əliyev', 'aliyev_fuad', { position: 'headline' }],
    ['Nurullayevin', 'nurullayev_razi', { tone: 'positive' }],
  ],
);
const musavat = makeItem(
  {
    url: 'https://azadsoz.example/m',
    title: 'Müsavat',
    text: 'Müsavat Partiyası bəyanat yayıb.',
    publishedAt: null,
    source: SOURCES.opposition!,
  },
  [['Müsavat Partiyası', 'musavat', { tone: 'negative' }]],
);

const responseError = (statusCode: number, body: Record<string, unknown> = {}) =>
  new errors.ResponseError({ body, statusCode, headers: {}, warnings: null, meta: {} as never });

function setup(extra: { retries?: number } = {}) {
  const es = mockCluster();
  const dir = mkdtempSync(join(tmpdir(), 'es-dl-'));
  const sleeps: number[] = [];
  const logs: string[] = [];
  const store = elasticsearchStore({
    url: 'http://127.0.0.1:9200',
    indexPrefix: 'lab',
    client: es.client,
    deadLetterPath: join(dir, 'dead.jsonl'),
    baseDelayMs: 10,
    sleep: async (ms) => void sleeps.push(ms),
    log: (m) => void logs.push(m),
    ...extra,
  });
  return { ...es, store, sleeps, logs, deadPath: join(dir, 'dead.jsonl') };
}

/** Nothing stored yet: mget finds nothing, searches hit nothing. */
function emptyCluster(on: ReturnType<typeof mockCluster>['on']) {
  on('POST', '/_mget', (c) => ({
    docs: (c.body as { docs: Array<{ _index: string; _id: string }> }).docs.map((d) => ({
      ...d,
      found: false,
    })),
  }));
  on('POST', '/lab-items/_search', () => ({
    hits: { total: { value: 0, relation: 'eq' }, hits: [] },
  }));
}

const bulkOk = (c: Call) => ({
  errors: false,
  took: 1,
  items: (c.body as Array<Record<string, { _index: string; _id: string }>>)
    .filter((l) => 'index' in l || 'delete' in l)
    .map((l) => ({ index: { ...Object.values(l)[0], status: 201, result: 'created' } })),
});

describe('elasticsearchStore: setup', () => {
  it('puts index templates from the mapping files and creates the first indices', async () => {
    const { on, find, store } = setup();
    on('PUT', '/_index_template/:name', () => ({ acknowledged: true }));
    on('HEAD', '/:index', () => responseError(404));
    on('PUT', '/:index', () => ({ acknowledged: true }));
    await store.init();
    const templates = find('PUT', /^\/_index_template\//);
    expect(templates.map((t) => t.path)).toEqual([
      '/_index_template/lab-items',
      '/_index_template/lab-fetch-events',
    ]);
    expect(templates[0]?.body).toMatchObject({
      index_patterns: ['lab-items-*'],
      priority: 200,
      template: {
        mappings: loadMapping('items').mappings,
        settings: loadMapping('items').settings,
        aliases: { 'lab-items': {} },
      },
    });
    const created = find('PUT', /^\/lab-(?!.*_index_template)/);
    const year = new Date().getUTCFullYear();
    expect(created.map((c) => c.path)).toEqual([
      '/lab-sources',
      '/lab-source-state',
      '/lab-items-undated',
      `/lab-fetch-events-${year}`,
    ]);
    expect(created[0]?.body).toMatchObject({ mappings: loadMapping('sources').mappings });
  });

  it('refuses an index prefix Elasticsearch cannot use', () => {
    expect(() =>
      elasticsearchStore({ url: 'http://127.0.0.1:9200', indexPrefix: 'Lab Items' }),
    ).toThrow(/MONITOR_ES_INDEX_PREFIX/);
  });
});

describe('elasticsearchStore: upsertItems', () => {
  it('indexes new items into per-year indices with nested entity rows', async () => {
    const { on, find, store } = setup();
    emptyCluster(on);
    on('POST', '/_bulk', bulkOk);
    const out = await store.upsertItems([fuad, musavat]);
    expect(out.map((o) => o.status)).toEqual(['new', 'new']);
    const mget = find('POST', /^\/_mget$/)[0]?.body as { docs: unknown[] };
    expect(mget.docs).toEqual([
      { _index: 'lab-items-2024', _id: fuad.id },
      { _index: 'lab-items-undated', _id: musavat.id },
    ]);
    const [bulk] = find('POST', /^\/_bulk$/);
    expect(bulk?.querystring.refresh).toBe('false');
    const lines = bulk?.body as Array<Record<string, unknown>>;
    expect(lines[0]).toEqual({ index: { _index: 'lab-items-2024', _id: fuad.id } });
    expect(lines[2]).toEqual({ index: { _index: 'lab-items-undated', _id: musavat.id } });
    const doc = lines[1] as Record<string, unknown>;
    expect(doc).toMatchObject({
      id: fuad.id,
      publishedAt: '2024-01-20T08:00:00.000Z',
      storyId: fuad.id,
      isStoryHead: true,
      duplicateOf: null,
      mentionCount: 2,
      mentionsKey: mentionsKey(fuad.mentions),
      source: { id: 'agency', ownership: 'state' },
    });
    expect(doc.entities).toEqual([
      expect.objectContaining({
        entity: 'aliyev_fuad',
        mentions: 1,
        nameMentions: 1,
        neutral: 1,
        sourceId: 'agency',
        publishedAt: '2024-01-20T08:00:00.000Z',
      }),
      expect.objectContaining({ entity: 'nurullayev_razi', mentions: 1, positive: 1 }),
    ]);
    expect((doc.mentions as unknown[]).length).toBe(2);
  });

  it('keeps reviewed mentions and rejections when an item is crawled again', async () => {
    const { on, find, store } = setup();
    const doc = `${fuad.title}\n\n${fuad.text}`;
    const reviewed = {
      ...fuad.mentions[0]!,
      tone: 'negative' as const,
      toneSource: 'review' as const,
      status: 'corrected' as const,
    };
    on('POST', '/_mget', () => ({
      docs: [
        {
          _index: 'lab-items-2024',
          _id: fuad.id,
          found: true,
          _source: {
            id: fuad.id,
            url: fuad.url,
            contentHash: fuad.contentHash,
            storyId: fuad.id,
            ingestedAt: '2024-01-20T09:00:00.000Z',
            mentionsKey: 'old',
            mentions: [reviewed],
          },
        },
      ],
    }));
    const rejected = fuad.mentions[1]!;
    on('POST', '/lab-review-log/_search', () => ({
      hits: {
        hits: [
          {
            _source: {
              itemId: fuad.id,
              rejected: { entity: rejected.entity, start: rejected.start, end: rejected.end },
            },
          },
        ],
      },
    }));
    on('POST', '/lab-items/_search', () => ({ hits: { hits: [] } }));
    on('POST', '/_bulk', bulkOk);
    const [out] = await store.upsertItems([fuad]);
    expect(out?.status).toBe('updated');
    const lines = find('POST', /^\/_bulk$/)[0]?.body as Array<{
      mentions?: Array<{ entity: string; tone: string; toneSource: string }>;
    }>;
    expect(lines[1]?.mentions?.map((m) => [m.entity, m.tone, m.toneSource])).toEqual([
      [reviewed.entity, 'negative', 'review'],
    ]);
    expect(doc.slice(reviewed.start, reviewed.end)).toBe(reviewed.surface);
  });

  it('reports unchanged items and content duplicates like the SQLite backend', async () => {
    const { on, find, store } = setup();
    // A stored item is looked up for rejected mentions before it is compared; none here.
    on('POST', '/lab-review-log/_search', () => ({ hits: { total: { value: 0 }, hits: [] } }));
    on('POST', '/_mget', () => ({
      docs: [
        {
          _index: 'lab-items-2024',
          _id: fuad.id,
          found: true,
          _source: {
            id: fuad.id,
            url: fuad.url,
            contentHash: fuad.contentHash,
            storyId: fuad.id,
            ingestedAt: '2024-01-20T09:00:00.000Z',
            mentionsKey: mentionsKey(fuad.mentions),
          },
        },
        { _index: 'lab-items-2024', _id: 'copy', found: false },
      ],
    }));
    const copy = makeItem({
      ...fuad,
      url: 'https://xeber.example/copy',
      contentHash: fuad.contentHash,
      source: SOURCES.private!,
    });
    on('POST', '/lab-items/_search', (c) => {
      const body = c.body as { collapse?: unknown };
      if (!body.collapse) return { hits: { hits: [] } };
      const inner = {
        hits: {
          hits: [
            {
              _index: 'lab-items-2024',
              _id: fuad.id,
              _source: {
                id: fuad.id,
                url: fuad.url,
                storyId: 'story-1',
                publishedAt: fuad.publishedAt,
              },
            },
          ],
        },
      };
      return {
        hits: {
          hits: [
            {
              _index: 'lab-items-2024',
              _id: fuad.id,
              _source: { contentHash: fuad.contentHash },
              inner_hits: { earliest: inner },
            },
          ],
        },
      };
    });
    on('POST', '/_bulk', bulkOk);
    const out = await store.upsertItems([fuad, copy]);
    expect(out).toEqual([
      { id: fuad.id, url: fuad.url, status: 'unchanged' },
      { id: copy.id, url: copy.url, status: 'duplicate', duplicateOf: fuad.id },
    ]);
    const collapse = find('POST', /_search$/).find(
      (c) => (c.body as { collapse?: unknown }).collapse,
    )?.body;
    expect(collapse).toMatchObject({
      query: { terms: { contentHash: [fuad.contentHash] } },
      collapse: { field: 'contentHash' },
    });
    const lines = find('POST', /^\/_bulk$/)[0]?.body as Array<Record<string, unknown>>;
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({
      id: copy.id,
      duplicateOf: fuad.id,
      storyId: 'story-1',
      isStoryHead: false,
    });
  });

  it('retries items rejected with 429, dead-letters the rest and can replay them', async () => {
    const { on, find, store, sleeps, logs, deadPath } = setup();
    emptyCluster(on);
    let round = 0;
    on('POST', '/_bulk', (c) => {
      round++;
      const lines = (c.body as Array<Record<string, { _id: string; _index: string }>>).filter(
        (l) => 'index' in l,
      );
      if (round > 1) return bulkOk(c);
      return {
        errors: true,
        took: 1,
        items: lines.map((l, i) => ({
          index: {
            ...l.index,
            status: [429, 400][i],
            error: {
              type: i === 0 ? 'es_rejected_execution_exception' : 'document_parsing_exception',
              reason: 'nope',
            },
          },
        })),
      };
    });
    const err = await store.upsertItems([fuad, musavat]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BulkItemsError);
    const bulkErr = err as BulkItemsError;
    expect(bulkErr.action).toBe('retry');
    expect(bulkErr.outcomes.map((o) => o.id)).toEqual([fuad.id]);
    expect(bulkErr.failures.map((f) => [f.op.id, f.status])).toEqual([[musavat.id, 400]]);
    // The second request carried only the item refused with 429.
    const second = find('POST', /^\/_bulk$/)[1]?.body as Array<Record<string, { _id: string }>>;
    expect(second.filter((l) => 'index' in l).map((l) => l.index!._id)).toEqual([fuad.id]);
    expect(sleeps).toEqual([10]);
    const dead = readFileSync(deadPath, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({
      action: 'index',
      index: 'lab-items-undated',
      id: musavat.id,
      url: musavat.url,
      status: 400,
    });
    expect((dead[0]!.doc as { title: string }).title).toBe('Müsavat');
    expect(logs.some((l) => l.includes(musavat.id) && l.includes(deadPath))).toBe(true);

    expect(await store.retryDeadLetters()).toEqual({ retried: 1, failed: 0 });
    const replay = find('POST', /^\/_bulk$/)[2]?.body as Array<Record<string, unknown>>;
    expect(replay[0]).toEqual({ index: { _index: 'lab-items-undated', _id: musavat.id } });
    expect(existsSync(deadPath)).toBe(false);
  });

  it('backs off exponentially on 429, 503 and connection errors for the whole request', async () => {
    const { on, store, sleeps } = setup();
    emptyCluster(on);
    const replies = [
      () => responseError(429, { error: 'too many requests' }),
      () => new errors.ConnectionError('connect ECONNREFUSED'),
      () => responseError(503, { error: 'unavailable' }),
    ];
    let n = 0;
    on('POST', '/_bulk', (c) => (n < replies.length ? replies[n++]!() : bulkOk(c)));
    const out = await store.upsertItems([fuad]);
    expect(out[0]?.status).toBe('new');
    expect(sleeps).toEqual([10, 20, 40]);
  });

  it('stops retrying after two unanswered tries in a row, for the write queue to take over', async () => {
    const { on, store, sleeps } = setup();
    emptyCluster(on);
    let tries = 0;
    on('POST', '/_bulk', () => {
      tries++;
      return new errors.ConnectionError('connect ECONNREFUSED');
    });
    await expect(store.upsertItems([fuad])).rejects.toBeInstanceOf(BulkItemsError);
    expect(tries).toBe(2);
    expect(sleeps).toEqual([10]);
  });

  it('dead-letters a whole batch once retries run out', async () => {
    const { on, store, sleeps, deadPath } = setup({ retries: 2 });
    emptyCluster(on);
    on('POST', '/_bulk', () => responseError(503, { error: 'unavailable' }));
    await expect(store.upsertItems([fuad, musavat])).rejects.toBeInstanceOf(BulkItemsError);
    expect(sleeps).toEqual([10, 20]);
    expect(readFileSync(deadPath, 'utf8').trim().split('\n')).toHaveLength(2);
  });
});
