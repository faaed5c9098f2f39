// Sources, crawl state and the fetch log: requests and how replies become health rows.
import { errors } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import { elasticsearchStore } from '../../../src/store/elasticsearch/index.ts';
import { sourceSchema } from '../../../src/core/source.ts';
import { mockCluster } from './mock-cluster.ts';

const src = sourceSchema.parse({
  id: 'agency',
  name: 'Dövlət Agentliyi',
  kind: 'rss',
  urls: ['https://agency.example/rss'],
  ownership: 'state',
});

function setup() {
  const es = mockCluster();
  return {
    ...es,
    store: elasticsearchStore({
      url: 'http://127.0.0.1:9200',
      indexPrefix: 'lab',
      client: es.client,
      refresh: 'wait_for',
    }),
  };
}

describe('elasticsearchStore: sources', () => {
  it('gives the empty state for a source never seen and writes state by source id', async () => {
    const { on, find, store } = setup();
    on(
      'GET',
      '/lab-source-state/_doc/:id',
      () =>
        new errors.ResponseError({
          body: { found: false },
          statusCode: 404,
          headers: {},
          warnings: null,
          meta: {} as never,
        }),
    );
    on('PUT', '/lab-source-state/_doc/:id', () => ({ result: 'created' }));
    expect(await store.getSourceState('agency')).toEqual({
      consecutiveFailures: 0,
      pausedReason: null,
      nextAttemptAt: null,
      validators: {},
    });
    await store.setSourceState('agency', {
      consecutiveFailures: 2,
      pausedReason: null,
      nextAttemptAt: null,
      validators: {},
    });
    const put = find('PUT', /_doc\/agency$/)[0];
    expect(put?.body).toMatchObject({ sourceId: 'agency', consecutiveFailures: 2 });
    expect(put?.querystring.refresh).toBe('wait_for');
  });

  it('records fetch events in per-year indices and reads them newest first', async () => {
    const { on, find, store } = setup();
    on('POST', '/lab-fetch-events-2024/_doc', () => ({ result: 'created' }));
    on('POST', '/lab-fetch-events/_search', () => ({
      hits: {
        hits: [
          {
            _index: 'x',
            _id: '1',
            _source: {
              sourceId: 'agency',
              url: 'u',
              at: '2024-01-01T01:00:00.000Z',
              status: 503,
              ok: false,
              itemsNew: 0,
              itemsUpdated: 0,
              itemsDuplicate: 0,
              itemsSkipped: 0,
              durationMs: 5,
              error: 'HTTP 503',
              seq: 7,
            },
          },
        ],
      },
    }));
    const e = {
      sourceId: 'agency',
      url: 'u',
      at: '2024-01-01T01:00:00.000Z',
      status: 503,
      ok: false,
      itemsNew: 0,
      itemsUpdated: 0,
      itemsDuplicate: 0,
      itemsSkipped: 0,
      itemsQueued: 0,
      durationMs: 5,
      error: 'HTTP 503',
    };
    await store.recordFetch(e);
    expect(await store.fetchEvents('agency', 10)).toEqual([e]);
    expect(find('POST', /fetch-events\/_search$/)[0]?.body).toMatchObject({
      query: { term: { sourceId: 'agency' } },
      size: 10,
      sort: [{ at: 'desc' }, { seq: 'desc' }],
    });
  });

  it('builds health rows from event aggregations, item counts and state', async () => {
    const { on, store } = setup();
    on('POST', '/lab-sources/_search', () => ({
      hits: {
        hits: [{ _index: 'lab-sources', _id: 'agency', _source: { id: 'agency', source: src } }],
      },
    }));
    const top = (at: string, error: string | null) => ({
      doc_count: 1,
      top: { hits: { hits: [{ _source: { at, error } }] } },
    });
    on('POST', '/lab-fetch-events/_search', () => ({
      hits: { hits: [] },
      aggregations: {
        per: {
          buckets: [
            {
              key: 'agency',
              doc_count: 2,
              last: top('2024-01-01T01:00:00.000Z', 'HTTP 503'),
              ok: top('2024-01-01T00:00:00.000Z', null),
              failed: top('2024-01-01T01:00:00.000Z', 'HTTP 503'),
            },
          ],
        },
      },
    }));
    on('POST', '/lab-items/_search', () => ({
      hits: { hits: [] },
      aggregations: { per: { buckets: [{ key: 'agency', doc_count: 42 }] } },
    }));
    on('POST', '/lab-source-state/_mget', () => ({
      docs: [
        {
          _index: 'lab-source-state',
          _id: 'agency',
          found: true,
          _source: {
            sourceId: 'agency',
            consecutiveFailures: 3,
            pausedReason: 'HTTP 503 eight times',
            nextAttemptAt: null,
            validators: {},
          },
        },
      ],
    }));
    expect(await store.sourceHealth()).toEqual([
      {
        sourceId: 'agency',
        name: 'Dövlət Agentliyi',
        kind: 'rss',
        ownership: 'state',
        enabled: true,
        lastFetchAt: '2024-01-01T01:00:00.000Z',
        lastSuccessAt: '2024-01-01T00:00:00.000Z',
        lastError: 'HTTP 503',
        consecutiveFailures: 3,
        pausedReason: 'HTTP 503 eight times',
        itemCount: 42,
        fetches: 2,
      },
    ]);
  });
});
