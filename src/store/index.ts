// Picks the storage backend from configuration. The Elasticsearch client is loaded only
// when that backend is chosen.
import { join } from 'node:path';
import type { Config } from '../core/config.ts';
import type { Store } from '../core/store.ts';
import { sqliteStore } from './sqlite/index.ts';

export async function openStore(
  config: Pick<Config, 'store' | 'dataDir' | 'esUrl' | 'esIndexPrefix'>,
): Promise<Store> {
  let store: Store;
  if (config.store === 'elasticsearch') {
    const { elasticsearchStore } = await import('./elasticsearch/index.ts');
    store = elasticsearchStore({
      url: config.esUrl!,
      indexPrefix: config.esIndexPrefix,
      // Rejected items wait here for a retry, beside the rest of the monitor's data.
      deadLetterPath: join(config.dataDir, 'elasticsearch-dead-letter.jsonl'),
    });
  } else {
    store = sqliteStore({ path: join(config.dataDir, 'monitor.sqlite') });
  }
  await store.init();
  return store;
}
