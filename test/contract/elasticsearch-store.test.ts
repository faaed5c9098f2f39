// Runs the store contract against a real cluster when MONITOR_ES_URL is set
// (`docker compose up elasticsearch`, then MONITOR_ES_URL=http://127.0.0.1:9200 npm test).
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { storeContract } from './store-contract.ts';

const url = process.env.MONITOR_ES_URL;

describe.skipIf(!url)('Elasticsearch store (MONITOR_ES_URL)', () => {
  storeContract('elasticsearch', async () => {
    const { elasticsearchStore } = await import('../../src/store/elasticsearch/index.ts');
    const prefix = `contract-${randomBytes(5).toString('hex')}`;
    const store = elasticsearchStore({
      url: url!,
      indexPrefix: prefix,
      refresh: true,
      dropOnClose: true,
      deadLetterPath: join(tmpdir(), `${prefix}-dead-letter.jsonl`),
    });
    await store.init();
    return store;
  });
});

describe.skipIf(!!url)(
  'Elasticsearch store contract: skipped, set MONITOR_ES_URL=http://127.0.0.1:9200 to run the Elasticsearch contract suite',
  () => {
    it.skip('needs a running cluster (docker compose up elasticsearch)', () => {});
  },
);
