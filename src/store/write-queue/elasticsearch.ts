// The write queue in front of the Elasticsearch store: a red cluster counts as down, and
// operations dead-lettered during an outage are sent again once it is back.
import type { ElasticsearchStore } from '../elasticsearch/index.ts';
import { queuedStore, type QueuedStore } from './queued-store.ts';
import { isOutageStatus } from '../outage.ts';
import { StoreUnavailableError } from './unavailable.ts';

export interface ElasticsearchQueueOptions {
  url: string;
  spoolPath: string;
  log: (message: string) => void;
  retryMs?: number;
}

export function queuedElasticsearch(
  es: ElasticsearchStore,
  opts: ElasticsearchQueueOptions,
): QueuedStore<ElasticsearchStore> {
  return queuedStore(es, {
    name: 'Elasticsearch',
    url: opts.url,
    spoolPath: opts.spoolPath,
    log: opts.log,
    ...(opts.retryMs !== undefined ? { retryMs: opts.retryMs } : {}),
    async probe() {
      // Connection errors and 5xx answers throw by themselves.
      const health = await es.client.cluster.health({}, { maxRetries: 0 });
      if (health.status === 'red') {
        throw new StoreUnavailableError('cluster health is red');
      }
    },
    replayRejected: () => es.retryDeadLetters((e) => isOutageStatus(e.status)),
  });
}
