// Bulk indexing and search against a real cluster (only when MONITOR_ES_URL is given):
// a throw-away index prefix, dropped at the end.
import { elasticsearchStore } from '../src/store/elasticsearch/index.ts';
import { generateTaggedItems } from './corpus/with-mentions.ts';

export interface ElasticsearchBench {
  items: number;
  itemsPerSecond: number;
  searchP50Ms: number;
  searchP95Ms: number;
}

export async function benchElasticsearch(
  url: string,
  count = Number(process.env.BENCH_ES_ITEMS ?? 50_000),
): Promise<ElasticsearchBench> {
  const store = elasticsearchStore({
    url,
    indexPrefix: `bench-${Date.now()}`,
    refresh: false,
    dropOnClose: true,
  });
  await store.init();
  try {
    const t0 = performance.now();
    let batch = [];
    for (const item of generateTaggedItems({ count, chars: 1500, seed: 9, electionShare: 0.35 })) {
      batch.push(item);
      if (batch.length === 1000) {
        await store.upsertItems(batch);
        batch = [];
      }
    }
    if (batch.length) await store.upsertItems(batch);
    await store.flush();
    const itemsPerSecond = count / ((performance.now() - t0) / 1000);
    const times: number[] = [];
    const names = ['Nurullayev', 'Mustafa', 'Həsənquliyev', 'Oruc', 'Musayev'];
    for (let i = 0; i < 100; i++) {
      const t = performance.now();
      await store.search({
        q: names[i % names.length]!,
        ownership: ['state', 'private'],
        from: '2024-01-01',
        to: '2024-02-07',
      });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { items: count, itemsPerSecond, searchP50Ms: times[50]!, searchP95Ms: times[95]! };
  } finally {
    await store.close();
  }
}
