// Run as a child process by es-outage.test.ts: opens the queued Elasticsearch store on
// a spool and drains it, so the test can SIGKILL it in the middle of the drain.
import { elasticsearchStore } from '../../src/store/elasticsearch/index.ts';
import { queuedElasticsearch } from '../../src/store/write-queue/elasticsearch.ts';

const [url, spoolPath, deadLetterPath] = process.argv.slice(2) as [string, string, string];
const es = elasticsearchStore({
  url,
  indexPrefix: 'lab',
  deadLetterPath,
  log: () => {},
  queueOutages: true,
});
const store = queuedElasticsearch(es, { url, spoolPath, log: (m) => console.log(m) });
await store.drainQueue();
console.log('drained');
await store.close();
