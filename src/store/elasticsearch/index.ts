// The Elasticsearch store: the same Store contract as SQLite, for archives and teams
// bigger than one machine. Imported lazily by ../index.ts only when chosen.
import { join } from 'node:path';
import { Client, type estypes } from '@elastic/elasticsearch';
import type { Item, Mention } from '../../core/types.ts';
import type { ItemFilter, ItemSummary, Store, UpsertOutcome } from '../../core/store.ts';
import { FatalError } from '../../core/errors.ts';
import { bulkWrite, replayDeadLetters, type BulkOp, type BulkOptions } from './bulk.ts';
import { deadLetterFile, type DeadLetterEntry } from './dead-letter.ts';
import { docToItem, docToSummary, SUMMARY_FIELDS, type ItemDoc } from './docs.ts';
import { buildFilter } from './filter.ts';
import { indexNames, indexTemplates, plainIndices, yearIndex } from './mappings.ts';
import { counts, coverage, search } from './reads.ts';
import { OLDEST_FIRST, scanHits } from './scan.ts';
import { sourceIndices } from './sources.ts';
import { itemWriter } from './writer.ts';
import { reviewIndices } from './reviews.ts';

export { BulkItemsError } from './writer.ts';

export interface ElasticsearchStoreOptions {
  url: string;
  /** Lower-case prefix of every index, template and alias name. */
  indexPrefix: string;
  /** A ready client (tests pass one built on the mock connection). */
  client?: Client;
  /** Refresh after writes: true or 'wait_for' for read-your-writes (tests, migration). */
  refresh?: boolean | 'wait_for';
  /** JSON Lines file for rejected operations (default ./data/elasticsearch-dead-letter.jsonl). */
  deadLetterPath?: string;
  /** Operations per bulk request. */
  batchSize?: number;
  /** Bulk retry policy; sleep is injectable so tests do not wait. */
  retries?: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  log?: (message: string) => void;
  /** A write queue keeps what an outage made fail (no dead letters, no log per item). */
  queueOutages?: boolean;
  /** Delete every index and template of this prefix on close() (test stores). */
  dropOnClose?: boolean;
}

export type ElasticsearchStore = Store & {
  readonly client: Client;
  /** Writes items as they are (ids, storyId, duplicateOf, timestamps): for migration. */
  importItems(items: Item[]): Promise<UpsertOutcome[]>;
  /** Makes every write so far visible to searches. */
  flush(): Promise<void>;
  /** Sends the dead-lettered operations again (those `which` picks; default all). */
  retryDeadLetters(
    which?: (entry: DeadLetterEntry) => boolean,
  ): Promise<{ retried: number; failed: number }>;
};

export function elasticsearchStore(opts: ElasticsearchStoreOptions): ElasticsearchStore {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(opts.indexPrefix)) {
    throw new FatalError(
      `Elasticsearch index prefix ${JSON.stringify(opts.indexPrefix)} must be lower-case letters, digits, _ or - (MONITOR_ES_INDEX_PREFIX)`,
    );
  }
  const client = opts.client ?? new Client({ node: opts.url });
  const names = indexNames(opts.indexPrefix);
  const refresh = opts.refresh ?? false;
  const deadLetterPath = opts.deadLetterPath ?? join('data', 'elasticsearch-dead-letter.jsonl');
  const bulkOpts: BulkOptions = {
    client,
    refresh,
    deadLetter: deadLetterFile(deadLetterPath),
    ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    ...(opts.retries !== undefined ? { retries: opts.retries } : {}),
    ...(opts.baseDelayMs !== undefined ? { baseDelayMs: opts.baseDelayMs } : {}),
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
    ...(opts.log ? { log: opts.log } : {}),
    ...(opts.queueOutages ? { queueOutages: true } : {}),
  };
  const writer = itemWriter({
    client,
    names,
    refresh,
    deadLetterPath,
    bulk: (ops: BulkOp[]) => bulkWrite(ops, bulkOpts),
    // Called at write time, after `reviews` below exists.
    rejectedMentions: (ids) => reviews.rejectedMentions(ids),
  });
  const sources = sourceIndices(client, names, refresh);

  async function findOne(query: estypes.QueryDslQueryContainer): Promise<Item | null> {
    const res = await client.search<ItemDoc>({ index: names.items, query, size: 1 });
    const d = res.hits.hits[0]?._source;
    return d ? docToItem(d) : null;
  }

  const reviews = reviewIndices({
    client,
    prefix: opts.indexPrefix,
    refresh,
    getItem: (id) => findOne({ ids: { values: [id] } }),
    replaceMentions: (id, mentions) => writer.replaceMentions(id, mentions),
  });

  async function init(): Promise<void> {
    try {
      for (const t of indexTemplates(opts.indexPrefix)) {
        await client.indices.putIndexTemplate({
          name: t.name,
          index_patterns: t.index_patterns,
          priority: t.priority,
          template: t.template as never,
        });
      }
      // One concrete index per alias, so reads work before the first write.
      const initial = [
        ...plainIndices(opts.indexPrefix),
        { index: yearIndex(names.items, null), body: null },
        { index: yearIndex(names.fetchEvents, new Date().toISOString()), body: null },
      ];
      for (const { index, body } of initial) {
        if (await client.indices.exists({ index })) continue;
        await client.indices.create(
          { index, ...(body ? { settings: body.settings, mappings: body.mappings } : {}) } as never,
          { ignore: [400] },
        );
      }
    } catch (err) {
      throw new FatalError(
        `Cannot prepare Elasticsearch indices at ${opts.url}: check MONITOR_ES_URL and that the cluster is up`,
        { cause: err },
      );
    }
  }

  return {
    backend: 'elasticsearch',
    client,
    init,
    async close() {
      if (opts.dropOnClose) {
        // Wildcard deletes are refused by default (action.destructive_requires_name).
        const found = await client.indices.get({
          index: `${opts.indexPrefix}-*`,
          expand_wildcards: 'all',
        });
        const all = Object.keys(found);
        if (all.length) await client.indices.delete({ index: all }, { ignore: [404] });
        for (const t of indexTemplates(opts.indexPrefix)) {
          await client.indices.deleteIndexTemplate({ name: t.name }, { ignore: [404] });
        }
      }
      if (!opts.client) await client.close();
    },
    upsertItems: (items) => writer.upsertItems(items),
    importItems: (items) => writer.importItems(items),
    async getItem(id: string) {
      return findOne({ ids: { values: [id] } });
    },
    async getItemByUrl(url: string) {
      return findOne({ term: { url } });
    },
    async countItems(filter: ItemFilter = {}) {
      return (await client.count({ index: names.items, query: buildFilter(filter).query })).count;
    },
    async *scanItems(batchSize = 500) {
      const pages = scanHits<ItemDoc>(client, {
        index: names.items,
        query: { match_all: {} },
        sort: [{ seq: { order: 'asc' } }, { id: { order: 'asc' } }],
        size: batchSize,
      });
      for await (const page of pages) yield page.map((h) => docToItem(h._source!));
    },
    replaceMentions: (itemId: string, mentions: Mention[]) =>
      writer.replaceMentions(itemId, mentions),
    async storyItems(storyId: string): Promise<ItemSummary[]> {
      const res = await client.search<ItemDoc>({
        index: names.items,
        query: { term: { storyId } },
        sort: OLDEST_FIRST,
        size: 10_000,
        _source: SUMMARY_FIELDS,
      });
      return res.hits.hits.map((h) => docToSummary(h._source!));
    },
    search: (q) => search(client, names.items, q),
    counts: (q) => counts(client, names.items, q),
    coverage: (f) => coverage(client, names.items, f),
    upsertSources: (list) => sources.upsertSources(list),
    listSources: () => sources.listSources(),
    getSourceState: (id) => sources.getSourceState(id),
    setSourceState: (id, s) => sources.setSourceState(id, s),
    recordFetch: (e) => sources.recordFetch(e),
    fetchEvents: (id, limit) => sources.fetchEvents(id, limit),
    sourceHealth: () => sources.sourceHealth(),
    async flush() {
      await client.indices.refresh({ index: `${opts.indexPrefix}-*` });
    },
    retryDeadLetters: (which) => replayDeadLetters(bulkOpts, which),
    reviewMention: (action) => reviews.reviewMention(action),
    reviewLog: (itemId) => reviews.reviewLog(itemId),
    rejectedMentions: (ids) => reviews.rejectedMentions(ids),
    recordCoding: (c) => reviews.recordCoding(c),
    codings: (filter) => reviews.codings(filter),
  };
}
