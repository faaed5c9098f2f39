// Picks the storage backend from configuration. The Elasticsearch client is loaded only
// when that backend is chosen.
import { join } from 'node:path';
import type { Config } from '../core/config.ts';
import type { Store } from '../core/store.ts';
import { sqliteStore } from './sqlite/index.ts';
import { redact } from '../core/redact.ts';

export interface OpenStoreDeps {
  /** Where outage and recovery lines go (default console.warn). */
  log?: (message: string) => void;
}

/**
 * Start-up needs the store: an unreachable Elasticsearch fails here with a FatalError.
 * An outage after start-up queues item writes on disk (see write-queue/).
 */
export async function openStore(
  config: Pick<Config, 'store' | 'dataDir' | 'esUrl' | 'esIndexPrefix'>,
  deps: OpenStoreDeps = {},
): Promise<Store> {
  let store: Store;
  if (config.store === 'elasticsearch') {
    const { elasticsearchStore } = await import('./elasticsearch/index.ts');
    const { queuedElasticsearch } = await import('./write-queue/elasticsearch.ts');
    const log = deps.log ?? ((m: string) => console.warn(m));
    const es = elasticsearchStore({
      url: config.esUrl!,
      indexPrefix: config.esIndexPrefix,
      // Rejected items wait here for a retry, beside the rest of the monitor's data.
      deadLetterPath: join(config.dataDir, 'elasticsearch-dead-letter.jsonl'),
      log,
      queueOutages: true,
    });
    store = queuedElasticsearch(es, {
      url: redact(config.esUrl!),
      spoolPath: join(config.dataDir, 'elasticsearch-queue.jsonl'),
      log,
    });
  } else {
    store = sqliteStore({ path: join(config.dataDir, 'monitor.sqlite') });
  }
  await store.init();
  return store;
}
