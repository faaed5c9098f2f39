// Near-duplicate story linking on the Elasticsearch backend: the band lookup it sends, how
// it reads the candidates and heads that come back, and when it moves a story's head.
import { describe, expect, it } from 'vitest';
import { elasticsearchStore } from '../../../src/store/elasticsearch/index.ts';
import { bandKeys, signature } from '../../../src/pipeline/minhash.ts';
import type { Item } from '../../../src/core/types.ts';
import { makeItem, SOURCES } from '../../helpers/make-item.ts';
import { mockCluster, type Call } from './mock-cluster.ts';

const body =
  'Seçki dairəsində səsvermə günü müşahidəçilər məntəqələrin vaxtında açıldığını qeyd ediblər. ' +
  'Komissiya üzvləri seçici siyahılarının yoxlanmasını səhər saatlarında tamamlayıblar və ' +
  'şəffaf qutuların möhürlənməsi hamının gözü qarşısında aparılıb. Günorta yaxın fəallıq artıb.';
const repostText = `Yerli portala istinadən məlumat verilir. ${body} Təfsilatı bir qədər sonra.`;
const otherText =
  'Paytaxtda açılan kitab sərgisində gənc yazarların yeni romanları, uşaq ədəbiyyatı, tərcümə ' +
  'əsərləri və klassik şeir toplularının nəşrləri nümayiş olunur, ziyarətçilər müəlliflərlə ' +
  'görüşüb imza alırlar, sərgi bazar gününədək davam edəcək.';

const signed = (p: Partial<Item> & { url: string; title: string; text: string }) =>
  makeItem({ ...p, signature: signature(p.text) });

const original = signed({
  url: 'https://agency.example/secki-gunu',
  title: 'Səsvermə günü',
  text: body,
  publishedAt: '2024-01-18T09:00:00Z',
});
const repost = signed({
  url: 'https://xeber.example/secki-gunu-tekrar',
  title: 'Səsvermə davam edir',
  text: repostText,
  publishedAt: '2024-01-18T11:00:00Z',
  source: SOURCES.private!,
});
const other = signed({ url: 'https://xeber.example/sergi', title: 'Sərgi', text: otherText });

type Doc = Record<string, unknown>;
/** A stored document as the band lookup returns it. */
const stored = (item: Item, storyId = item.id): Doc => ({
  id: item.id,
  url: item.url,
  storyId,
  publishedAt: new Date(item.publishedAt!).toISOString(),
  signature: item.signature,
});

/**
 * A cluster holding `docs`: the band lookup returns those sharing a band with the item
 * (as the index would), searches by id return those asked for, the rest find nothing.
 */
function cluster(docs: Doc[] = [], lookupError?: Doc) {
  const es = mockCluster();
  const store = elasticsearchStore({
    url: 'http://127.0.0.1:9200',
    indexPrefix: 'lab',
    client: es.client,
    log: () => {},
  });
  const order: string[] = [];
  es.on('POST', '/_mget', (c) => ({
    docs: (c.body as { docs: Doc[] }).docs.map((d) => ({ ...d, found: false })),
  }));
  es.on('POST', '/lab-items/_search', (c) => {
    const ids = (c.body as { query: { ids?: { values: string[] } } }).query.ids?.values ?? [];
    const hits = docs.filter((d) => ids.includes(d.id as string));
    return {
      hits: { hits: hits.map((d) => ({ _index: 'lab-items-2024', _id: d.id, _source: d })) },
    };
  });
  es.on('POST', '/lab-items/_msearch', (c) => {
    const lines = c.body as Doc[];
    if (lookupError) return { responses: [{ error: lookupError, status: 500 }] };
    const responses = [];
    for (let i = 1; i < lines.length; i += 2) {
      const terms = JSON.stringify(lines[i]);
      const hits = docs.filter(
        (d) =>
          Array.isArray(d.signature) &&
          bandKeys(d.signature as number[]).some((k) => terms.includes(`"storyBands":${k}}`)),
      );
      responses.push({ hits: { hits: hits.map((d) => ({ _id: d.id, _source: d })) } });
    }
    return { responses };
  });
  es.on('POST', '/lab-items/_update_by_query', () => {
    order.push('move');
    return { updated: 1, failures: [] };
  });
  es.on('POST', '/_bulk', (c: Call) => {
    order.push('bulk');
    const lines = c.body as Array<Record<string, Doc>>;
    return {
      errors: false,
      items: lines.filter((l) => 'index' in l).map((l) => ({ index: { ...l.index, status: 201 } })),
    };
  });
  const written = () => {
    const lines = (es.find('POST', /^\/_bulk$/)[0]?.body ?? []) as Doc[];
    return new Map(lines.filter((l) => 'storyId' in l).map((d) => [d.id as string, d]));
  };
  return { ...es, store, order, written };
}

describe('elasticsearchStore: story linking', () => {
  it('looks up candidates by band keys in one msearch and stores signature and bands', async () => {
    const { store, find, written } = cluster();
    await store.upsertItems([repost, other]);
    const searches = find('POST', /^\/lab-items\/_msearch$/);
    expect(searches).toHaveLength(1);
    const lines = searches[0]!.body as Doc[];
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({});
    expect(lines[1]).toEqual({
      query: {
        bool: {
          should: bandKeys(repost.signature!).map((k) => ({
            constant_score: { filter: { term: { storyBands: k } } },
          })),
          minimum_should_match: 1,
          must_not: [{ ids: { values: [repost.id] } }, { term: { url: repost.url } }],
        },
      },
      sort: ['_score', { seq: 'asc' }],
      size: 5,
      track_total_hits: false,
      _source: ['id', 'url', 'storyId', 'publishedAt', 'signature'],
    });
    const doc = written().get(repost.id)!;
    expect(doc.signature).toEqual(repost.signature);
    expect(doc.storyBands).toEqual(bandKeys(repost.signature!));
    expect(doc).toMatchObject({ storyId: repost.id, isStoryHead: true });
    expect(written().get(other.id)).toMatchObject({ storyId: other.id, isStoryHead: true });
  });

  it("gives a repost the earlier item's story without moving anything", async () => {
    const { store, find, written } = cluster([stored(original)]);
    await store.upsertItems([repost]);
    expect(written().get(repost.id)).toMatchObject({ storyId: original.id, isStoryHead: false });
    expect(find('POST', /_update_by_query$/)).toHaveLength(0);
  });

  it('joins the story of a candidate that is not the head, asking for the head date', async () => {
    const headId = 'head-of-story';
    const head = { id: headId, url: 'https://h.example/', publishedAt: '2024-01-18T08:00:00.000Z' };
    const { store, find, written } = cluster([stored(original, headId), head]);
    await store.upsertItems([repost]);
    const idsSearch = find('POST', /^\/lab-items\/_search$/).find(
      (c) => (c.body as { query: Doc }).query.ids,
    );
    expect((idsSearch?.body as { query: Doc }).query).toEqual({ ids: { values: [headId] } });
    expect(written().get(repost.id)).toMatchObject({ storyId: headId, isStoryHead: false });
    expect(find('POST', /_update_by_query$/)).toHaveLength(0);
  });

  it('makes an earlier-published copy the head and moves the stored story first', async () => {
    const { store, find, written, order } = cluster([stored(repost), stored(other)]);
    await store.upsertItems([original]);
    expect(written().get(original.id)).toMatchObject({ storyId: original.id, isStoryHead: true });
    const [move] = find('POST', /^\/lab-items\/_update_by_query$/);
    expect(move?.querystring).toMatchObject({ refresh: 'false' });
    const req = move?.body as {
      query: Doc;
      conflicts: string;
      script: { params: Doc; source: string };
    };
    expect(req.conflicts).toBe('proceed');
    expect(req.query).toEqual({ terms: { storyId: [repost.id] } });
    expect(req.script.params).toEqual({ moves: { [repost.id]: original.id } });
    expect(req.script.source).toContain('isStoryHead');
    expect(order).toEqual(['move', 'bulk']);
  });

  it('links within a batch: the earlier copy heads it and nothing stored needs moving', async () => {
    const { store, find, written } = cluster();
    await store.upsertItems([repost, original, other]);
    expect(written().get(repost.id)).toMatchObject({ storyId: original.id, isStoryHead: false });
    expect(written().get(original.id)).toMatchObject({ storyId: original.id, isStoryHead: true });
    expect(written().get(other.id)).toMatchObject({ storyId: other.id, isStoryHead: true });
    expect(find('POST', /_update_by_query$/)).toHaveLength(0);
  });

  it('rewrites batch members of a story whose head moves later in the batch', async () => {
    // The stored original heads the story; a later repost joins it, then an even earlier
    // copy arrives and takes the head: the repost must follow it in the same bulk.
    const earliest = signed({
      url: 'https://radio.example/secki',
      title: 'Səsvermə',
      text: `${body} Radio xəbəri.`,
      publishedAt: '2024-01-18T07:00:00Z',
    });
    const { store, find, written } = cluster([stored(original)]);
    await store.upsertItems([repost, earliest]);
    expect(written().get(repost.id)).toMatchObject({ storyId: earliest.id, isStoryHead: false });
    expect(written().get(earliest.id)).toMatchObject({ storyId: earliest.id, isStoryHead: true });
    const [move] = find('POST', /^\/lab-items\/_update_by_query$/);
    expect((move?.body as { script: { params: Doc } }).script.params).toEqual({
      moves: { [original.id]: earliest.id },
    });
  });

  it('keeps items without a signature in their own story and skips the lookup', async () => {
    const plain = makeItem({ url: 'https://a.example/q', title: 'Qısa', text: body });
    const { store, find, written } = cluster([stored(original)]);
    await store.upsertItems([plain]);
    expect(written().get(plain.id)).toMatchObject({ storyId: plain.id, isStoryHead: true });
    expect(written().get(plain.id)?.signature).toBeUndefined();
    expect(find('POST', /_msearch$/)).toHaveLength(0);
  });

  it('turns a failed band lookup into a retry without writing', async () => {
    const { store, find } = cluster([], {
      type: 'search_phase_execution_exception',
      reason: 'boom',
    });
    await expect(store.upsertItems([repost])).rejects.toMatchObject({ action: 'retry' });
    expect(find('POST', /^\/_bulk$/)).toHaveLength(0);
  });
});
