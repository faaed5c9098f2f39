// The query DSL the store sends for search, counts and coverage, and how it turns the
// replies into SearchResult, CountRow[] and CoverageRow[].
import { describe, expect, it } from 'vitest';
import { elasticsearchStore } from '../../../src/store/elasticsearch/index.ts';
import { mockCluster } from './mock-cluster.ts';

function setup() {
  const es = mockCluster();
  const store = elasticsearchStore({
    url: 'http://127.0.0.1:9200',
    indexPrefix: 'lab',
    client: es.client,
  });
  return { ...es, store };
}

const source = { id: 'agency', name: 'Dövlət Agentliyi', kind: 'rss', ownership: 'state' };

describe('elasticsearchStore: search', () => {
  it('sends filters, a folded prefix query and a sentinel-tagged highlight request', async () => {
    const { on, find, store } = setup();
    on('POST', '/lab-items/_search', () => ({
      hits: {
        total: { value: 7, relation: 'eq' },
        hits: [
          {
            _index: 'lab-items-2024',
            _id: 'a1',
            _source: {
              id: 'a1',
              url: 'https://agency.example/1',
              title: 'Görüş',
              publishedAt: '2024-01-20T08:00:00.000Z',
              source,
              lang: 'az',
              storyId: 'a1',
              duplicateOf: null,
              entities: [{ entity: 'aliyev_fuad' }, { entity: 'nurullayev_razi' }],
            },
            highlight: {
              'title.folded': ['\uE000Nurullayev\uE001 haqqında'],
              'text.folded': [
                'Görüşdə \uE000Nurullayevin\uE001 <script>alert(1)</script> "çıxışı"\n  oldu',
              ],
            },
          },
        ],
      },
    }));
    const r = await store.search({
      q: 'Nurullayev',
      entities: ['aliyev_fuad'],
      tone: 'positive',
      ownership: ['state'],
      from: '2024-01-20',
      to: '2024-01-31',
      dedupe: 'story',
      limit: 5,
      offset: 10,
    });
    const body = find('POST', /_search$/)[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({ from: 10, size: 5, track_total_hits: true });
    expect(body.query).toEqual({
      bool: {
        must: [
          {
            bool: {
              must: [
                {
                  bool: {
                    should: [
                      { prefix: { 'title.folded': { value: 'nurullayev' } } },
                      { prefix: { 'text.folded': { value: 'nurullayev' } } },
                    ],
                    minimum_should_match: 1,
                  },
                },
              ],
            },
          },
        ],
        filter: [
          {
            nested: {
              path: 'entities',
              query: {
                bool: {
                  filter: [
                    { terms: { 'entities.entity': ['aliyev_fuad'] } },
                    { range: { 'entities.positive': { gt: 0 } } },
                  ],
                },
              },
            },
          },
          { terms: { 'source.ownership': ['state'] } },
          // Date-only bounds are Baku days; the upper one includes 31 January.
          {
            range: {
              publishedAt: { gte: '2024-01-19T20:00:00.000Z', lt: '2024-01-31T20:00:00.000Z' },
            },
          },
          { term: { isStoryHead: true } },
        ],
      },
    });
    expect(body.sort).toEqual([
      { publishedAt: { order: 'desc', missing: '_last' } },
      { seq: { order: 'desc' } },
      { id: { order: 'desc' } },
    ]);
    expect(body.highlight).toMatchObject({
      pre_tags: ['\uE000'],
      post_tags: ['\uE001'],
      fields: { 'title.folded': {}, 'text.folded': { fragment_size: 160 } },
    });
    expect(r.total).toBe(7);
    expect(r.hits[0]?.item).toEqual({
      id: 'a1',
      url: 'https://agency.example/1',
      title: 'Görüş',
      publishedAt: '2024-01-20T08:00:00.000Z',
      sourceId: 'agency',
      sourceName: 'Dövlət Agentliyi',
      ownership: 'state',
      kind: 'rss',
      lang: 'az',
      storyId: 'a1',
      duplicateOf: null,
      entities: ['aliyev_fuad', 'nurullayev_razi'],
    });
    expect(r.hits[0]?.highlights).toEqual([
      '<mark>Nurullayev</mark> haqqında',
      'Görüşdə <mark>Nurullayevin</mark> &#60;script&#62;alert(1)&#60;/script&#62; &#34;çıxışı&#34; oldu',
    ]);
  });

  it('asks for no highlight without a text query', async () => {
    const { on, find, store } = setup();
    on('POST', '/lab-items/_search', () => ({
      hits: { total: { value: 0, relation: 'eq' }, hits: [] },
    }));
    expect(await store.search({ langs: ['ru'] })).toEqual({ total: 0, hits: [] });
    const body = find('POST', /_search$/)[0]?.body as Record<string, unknown>;
    expect(body.highlight).toBeUndefined();
    expect(body.query).toEqual({ bool: { filter: [{ terms: { lang: ['ru'] } }] } });
  });
});

describe('elasticsearchStore: counts', () => {
  it('groups entity rows in a nested composite aggregation with Baku-time days', async () => {
    const { on, find, store } = setup();
    on('POST', '/lab-items/_search', () => ({
      hits: { hits: [] },
      aggregations: {
        entities: {
          doc_count: 9,
          matching: {
            doc_count: 3,
            groups: {
              after_key: { entity: 'aliyev_ilham', day: '2024-01-22' },
              buckets: [
                {
                  key: { entity: 'aliyev_fuad', day: '2024-01-20' },
                  doc_count: 2,
                  mentions: { value: 3 },
                  items: { doc_count: 2 },
                },
                {
                  key: { entity: 'aliyev_ilham', day: null },
                  doc_count: 1,
                  mentions: { value: 1 },
                  items: { doc_count: 1 },
                },
              ],
            },
          },
        },
      },
    }));
    const rows = await store.counts({ by: ['day', 'entity'], entityType: 'candidate' });
    expect(rows).toEqual([
      { entity: 'aliyev_fuad', day: '2024-01-20', items: 2, mentions: 3 },
      { entity: 'aliyev_ilham', items: 1, mentions: 1 },
    ]);
    const body = find('POST', /_search$/)[0]?.body as {
      size: number;
      aggs: Record<string, unknown>;
    };
    expect(body.size).toBe(0);
    expect(body.aggs).toEqual({
      entities: {
        nested: { path: 'entities' },
        aggs: {
          matching: {
            filter: { bool: { filter: [{ term: { 'entities.type': 'candidate' } }] } },
            aggs: {
              groups: {
                composite: {
                  size: 1000,
                  sources: [
                    { entity: { terms: { field: 'entities.entity' } } },
                    {
                      day: {
                        date_histogram: {
                          field: 'entities.publishedAt',
                          calendar_interval: '1d',
                          time_zone: '+04:00',
                          format: 'yyyy-MM-dd',
                          missing_bucket: true,
                        },
                      },
                    },
                  ],
                },
                aggs: {
                  mentions: { sum: { field: 'entities.mentions' } },
                  items: { reverse_nested: {} },
                },
              },
            },
          },
        },
      },
    });
  });

  it('pages through item-level buckets by source and Monday weeks', async () => {
    const { on, find, store } = setup();
    const page1 = Array.from({ length: 1000 }, (_, i) => ({
      key: { source: `s${String(i).padStart(4, '0')}`, week: '2024-01-15' },
      doc_count: 1,
      mentions: { value: 2 },
    }));
    let n = 0;
    on('POST', '/lab-items/_search', () =>
      n++ === 0
        ? {
            hits: { hits: [] },
            aggregations: { groups: { after_key: page1.at(-1)!.key, buckets: page1 } },
          }
        : {
            hits: { hits: [] },
            aggregations: {
              groups: {
                buckets: [
                  {
                    key: { source: 'zz', week: '2024-01-22' },
                    doc_count: 4,
                    mentions: { value: 0 },
                  },
                ],
              },
            },
          },
    );
    const rows = await store.counts({ by: ['week', 'source'] });
    expect(rows).toHaveLength(1001);
    expect(rows.at(-1)).toEqual({ source: 'zz', week: '2024-01-22', items: 4, mentions: 0 });
    const bodies = find('POST', /_search$/).map(
      (c) => c.body as { aggs: { groups: { composite: Record<string, unknown>; aggs: unknown } } },
    );
    expect(bodies[0]?.aggs.groups.composite.sources).toEqual([
      { source: { terms: { field: 'source.id' } } },
      {
        week: {
          date_histogram: {
            field: 'publishedAt',
            calendar_interval: '1w',
            time_zone: '+04:00',
            format: 'yyyy-MM-dd',
            missing_bucket: true,
          },
        },
      },
    ]);
    expect(bodies[0]?.aggs.groups.aggs).toEqual({ mentions: { sum: { field: 'mentionCount' } } });
    expect(bodies[1]?.aggs.groups.composite.after).toEqual({ source: 's0999', week: '2024-01-15' });
  });

  it('gives one total row without dimensions', async () => {
    const { on, store } = setup();
    on('POST', '/lab-items/_search', () => ({
      hits: { total: { value: 12, relation: 'eq' }, hits: [] },
      aggregations: { mentions: { value: 30 } },
    }));
    expect(await store.counts({ by: [] })).toEqual([{ items: 12, mentions: 30 }]);
  });
});

describe('elasticsearchStore: coverage', () => {
  it('scans matching items with a point in time and emits the matching entity rows', async () => {
    const { on, find, store } = setup();
    on('POST', '/lab-items/_pit', () => ({ id: 'pit-1' }));
    on('DELETE', '/_pit', () => ({ succeeded: true, num_freed: 1 }));
    const row = (entity: string, positive: number) => ({
      entity,
      type: 'candidate',
      mentions: 2,
      nameMentions: 1,
      titleMentions: 1,
      words: 14,
      seconds: 12.5,
      positive,
      neutral: 2 - positive,
      negative: 0,
      sourceId: 'agency',
      publishedAt: null,
    });
    on('POST', '/_search', () => ({
      pit_id: 'pit-2',
      hits: {
        hits: [
          {
            _index: 'lab-items-2024',
            _id: 'a1',
            sort: [1, 2, 'a1'],
            _source: {
              id: 'a1',
              source,
              publishedAt: null,
              storyId: 's1',
              topics: ['debate'],
              entities: [row('aliyev_fuad', 1), row('oruc_zahid', 0)],
            },
          },
        ],
      },
    }));
    const rows = await store.coverage({ tone: 'positive', kinds: ['rss'] });
    expect(rows).toEqual([
      {
        itemId: 'a1',
        entity: 'aliyev_fuad',
        type: 'candidate',
        sourceId: 'agency',
        ownership: 'state',
        kind: 'rss',
        publishedAt: null,
        storyId: 's1',
        mentions: 2,
        nameMentions: 1,
        titleMentions: 1,
        words: 14,
        seconds: 12.5,
        tone: { positive: 1, neutral: 1, negative: 0 },
        topics: ['debate'],
      },
    ]);
    expect(find('POST', /_pit$/)[0]?.querystring.keep_alive).toBe('2m');
    const body = find('POST', /^\/_search$/)[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      pit: { id: 'pit-1', keep_alive: '2m' },
      size: 1000,
      track_total_hits: false,
    });
    expect(body.sort).toEqual([
      { publishedAt: { order: 'asc', missing: '_first' } },
      { seq: { order: 'asc' } },
      { id: { order: 'asc' } },
    ]);
    expect(find('DELETE', /_pit$/)[0]?.body).toEqual({ id: 'pit-2' });
  });
});
