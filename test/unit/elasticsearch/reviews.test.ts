// Reviews on Elasticsearch: what the store sends when a monitor reviews a mention, how the
// audit log, rejected spans and double codings are written and read back.
import { createHash } from 'node:crypto';
import { errors } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import { elasticsearchStore } from '../../../src/store/elasticsearch/index.ts';
import { itemToDoc, type ItemDoc } from '../../../src/store/elasticsearch/docs.ts';
import { loadReviewMapping, type ReviewDoc } from '../../../src/store/elasticsearch/reviews.ts';
import { SkipItemError } from '../../../src/core/errors.ts';
import { makeItem } from '../../helpers/make-item.ts';
import { mockCluster, type Call } from './mock-cluster.ts';

const item = makeItem(
  {
    url: 'https://tv.example/debat',
    title: 'Debat',
    text: 'Zahid Oruc və Fazil Mustafa debatda çıxış ediblər.',
    publishedAt: '2024-01-25T18:00:00.000Z',
  },
  [
    ['Zahid Oruc', 'oruc_zahid'],
    ['Fazil Mustafa', 'mustafa_fazil', { tone: 'positive' }],
  ],
);
const doc = itemToDoc(item, {
  id: item.id,
  storyId: item.id,
  duplicateOf: null,
  ingestedAt: item.ingestedAt,
  updatedAt: item.updatedAt,
  seq: 1,
});

const notFound = () =>
  new errors.ResponseError({
    body: {},
    statusCode: 404,
    headers: {},
    warnings: null,
    meta: {} as never,
  });

function setup(opts: { indicesExist?: boolean } = {}) {
  const es = mockCluster();
  const store = elasticsearchStore({
    url: 'http://127.0.0.1:9200',
    indexPrefix: 'lab',
    client: es.client,
    refresh: 'wait_for',
  });
  es.on('POST', '/lab-items/_search', () => ({
    hits: {
      total: { value: 1, relation: 'eq' },
      hits: [{ _index: 'lab-items-2024', _id: item.id, _source: doc }],
    },
  }));
  es.on('HEAD', '/:index', () => (opts.indicesExist ? '' : notFound()));
  es.on('PUT', '/:index', () => ({ acknowledged: true }));
  es.on('POST', '/lab-items-2024/_update/:id', () => ({ result: 'updated' }));
  es.on('PUT', '/:index/_doc/:id', () => ({ result: 'created' }));
  return { ...es, store };
}

const bodyOf = (c: Call | undefined) => c?.body as Record<string, unknown>;

describe('elasticsearchStore: reviewMention', () => {
  it('writes the corrected mentions and entity rows, creates the log index and logs the change', async () => {
    const { find, store } = setup();
    const updated = await store.reviewMention({
      itemId: item.id,
      action: 'correct',
      mention: 1,
      tone: 'negative',
      speech: 'direct',
      coder: 'aysel',
    });
    expect(updated.mentions[1]).toMatchObject({
      tone: 'negative',
      status: 'corrected',
      speech: 'direct',
    });
    const created = find('PUT', /^\/lab-(review-log|codings)$/);
    expect(created.map((c) => c.path)).toEqual(['/lab-review-log', '/lab-codings']);
    expect(bodyOf(created[0])?.mappings).toEqual(loadReviewMapping('review-log').mappings);
    const [update] = find('POST', /_update\//);
    const partial = bodyOf(update)?.doc as Partial<ItemDoc>;
    expect(partial.mentions?.[1]).toMatchObject({ status: 'corrected', toneSource: 'review' });
    expect(partial.entities?.find((e) => e.entity === 'mustafa_fazil')).toMatchObject({
      positive: 0,
      negative: 1,
    });
    const [logged] = find('PUT', /^\/lab-review-log\/_doc\//);
    const rec = bodyOf(logged) as unknown as ReviewDoc;
    expect(logged?.path).toBe(`/lab-review-log/_doc/${rec.id}`);
    expect(logged?.querystring.refresh).toBe('wait_for');
    expect(rec).toMatchObject({ itemId: item.id, action: 'correct', coder: 'aysel' });
    expect(rec.before?.tone).toBe('positive');
    expect(rec.after?.tone).toBe('negative');
    expect(rec.rejected).toBeUndefined();
  });

  it('creates the indices once and records the rejected span with a rejection', async () => {
    const { find, store } = setup();
    await store.reviewMention({ itemId: item.id, action: 'accept', mention: 1, coder: 'a' });
    await store.reviewMention({ itemId: item.id, action: 'reject', mention: 0, coder: 'a' });
    expect(find('HEAD', /^\/lab-review-log$/)).toHaveLength(1);
    const logs = find('PUT', /^\/lab-review-log\/_doc\//).map(
      (c) => bodyOf(c) as unknown as ReviewDoc,
    );
    expect(logs[1]?.rejected).toEqual({ entity: 'oruc_zahid', start: 7, end: 17 });
    const partial = bodyOf(find('POST', /_update\//)[1])?.doc as Partial<ItemDoc>;
    expect(partial.entityIds).toEqual(['mustafa_fazil']);
  });

  it('refuses a bad review before writing anything', async () => {
    const { find, store } = setup();
    await expect(
      store.reviewMention({ itemId: item.id, action: 'reject', mention: 2, coder: 'a' }),
    ).rejects.toThrow(SkipItemError);
    expect(find('POST', /_update\//)).toHaveLength(0);
    expect(find('PUT', /_doc\//)).toHaveLength(0);
  });
});

describe('elasticsearchStore: review log and rejected spans', () => {
  it('reads an item log oldest first and rejected spans grouped by item', async () => {
    const { on, find, store } = setup();
    const rec = (id: string, itemId: string, extra: Partial<ReviewDoc> = {}): ReviewDoc => ({
      id,
      itemId,
      action: 'reject',
      before: doc.mentions[0]!,
      after: null,
      coder: 'murad',
      at: '2024-02-01T10:00:00.000Z',
      seq: 1,
      ...extra,
    });
    on('POST', '/lab-review-log/_search', (c) => {
      const q = JSON.stringify(c.body);
      const hits = q.includes('"terms"')
        ? [
            rec('r1', 'x', { rejected: { entity: 'a', start: 1, end: 3 } }),
            rec('r2', 'y', { rejected: { entity: 'b', start: 4, end: 9 } }),
            rec('r3', 'x', { rejected: { entity: 'c', start: 5, end: 6 } }),
          ]
        : [rec('r1', item.id)];
      return { hits: { hits: hits.map((h) => ({ _id: h.id, _source: h })) } };
    });
    const log = await store.reviewLog(item.id);
    expect(log).toEqual([
      {
        id: 'r1',
        itemId: item.id,
        action: 'reject',
        before: doc.mentions[0],
        after: null,
        coder: 'murad',
        note: null,
        at: '2024-02-01T10:00:00.000Z',
      },
    ]);
    const [logSearch] = find('POST', /review-log\/_search$/);
    expect(bodyOf(logSearch)).toMatchObject({ query: { term: { itemId: item.id } } });
    expect(logSearch?.querystring.ignore_unavailable).toBe('true');
    const spans = await store.rejectedMentions(['x', 'y']);
    expect(Object.fromEntries(spans)).toEqual({
      x: [
        { entity: 'a', start: 1, end: 3 },
        { entity: 'c', start: 5, end: 6 },
      ],
      y: [{ entity: 'b', start: 4, end: 9 }],
    });
    expect(JSON.stringify(bodyOf(find('POST', /review-log\/_search$/)[1]))).toContain(
      '"action":"reject"',
    );
    expect(await store.rejectedMentions([])).toEqual(new Map());
  });
});

describe('elasticsearchStore: codings', () => {
  it('keys a coding by item, entity and coder so coding again replaces it', async () => {
    const { find, store } = setup({ indicesExist: true });
    await store.recordCoding({ itemId: 'i1', entity: 'musavat', coder: 'aysel', tone: 'neutral' });
    await store.recordCoding({
      itemId: 'i1',
      entity: 'musavat',
      coder: ' aysel',
      tone: 'negative',
    });
    const puts = find('PUT', /^\/lab-codings\/_doc\//);
    const id = createHash('sha1').update('i1\u0000musavat\u0000aysel').digest('hex');
    expect(puts.map((p) => p.path)).toEqual([`/lab-codings/_doc/${id}`, `/lab-codings/_doc/${id}`]);
    expect(bodyOf(puts[1])).toMatchObject({ coder: 'aysel', tone: 'negative' });
    expect(typeof bodyOf(puts[1])?.at).toBe('string');
    expect(find('PUT', /^\/lab-codings$/)).toHaveLength(0);
    await expect(
      store.recordCoding({ itemId: 'i1', entity: 'musavat', coder: 'aysel', tone: 'bad' as never }),
    ).rejects.toThrow(SkipItemError);
  });

  it('reads codings through a point in time, filtered by coder', async () => {
    const { on, find, store } = setup({ indicesExist: true });
    on('POST', '/lab-codings/_pit', () => ({ id: 'pit-c' }));
    on('DELETE', '/_pit', () => ({ succeeded: true }));
    const c = { itemId: 'i1', entity: 'musavat', coder: 'murad', tone: 'positive', at: 'x' };
    on('POST', '/_search', () => ({ hits: { hits: [{ _id: '1', _source: c, sort: ['i1'] }] } }));
    expect(await store.codings({ coders: ['murad'] })).toEqual([c]);
    const [search] = find('POST', /^\/_search$/);
    expect(bodyOf(search)).toMatchObject({
      pit: { id: 'pit-c' },
      query: { bool: { filter: [{ terms: { coder: ['murad'] } }] } },
    });
  });

  it('gives no codings and no log before anything was written', async () => {
    const { store } = setup();
    expect(await store.codings()).toEqual([]);
    expect(await store.reviewLog()).toEqual([]);
  });
});
