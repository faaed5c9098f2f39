// Ingest throughput of the embedded store: ~3 KB synthetic Azerbaijani articles through
// the whole pipeline (language, tags, topics, hashes, near-duplicate signatures) into a
// fresh SQLite file, in 500-item transactions as `monitor ingest` does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Item, RawItem } from '../src/core/types.ts';
import { createLanguageDetector } from '../src/language/index.ts';
import { processItem } from '../src/pipeline/process-item.ts';
import { sqliteStore } from '../src/store/sqlite/index.ts';
import { loadTagger } from '../src/tagging/index.ts';
import { generateCorpus } from './corpus/generate.ts';

const DICTIONARIES = fileURLToPath(new URL('../dictionaries/', import.meta.url));

export interface IngestBench {
  items: number;
  avgChars: number;
  itemsPerSecond: number;
  pipelineMsPerItem: number;
  storeMsPerItem: number;
}

export async function benchIngest(
  count = Number(process.env.BENCH_INGEST_ITEMS ?? 20_000),
): Promise<IngestBench> {
  const raws: RawItem[] = [...generateCorpus({ count, chars: 3000, seed: 3 })];
  const tagger = loadTagger(DICTIONARIES, 'az-2024-presidential');
  const detector = createLanguageDetector();
  const dir = mkdtempSync(join(tmpdir(), 'monitor-bench-'));
  const store = sqliteStore({ path: join(dir, 'monitor.sqlite') });
  // Language is detected, not given, as for crawled items.
  for (const r of raws) delete r.lang;
  let pipelineMs = 0;
  let storeMs = 0;
  const t0 = performance.now();
  for (let i = 0; i < raws.length; i += 500) {
    const a = performance.now();
    const items: Item[] = raws.slice(i, i + 500).map((r) => processItem(r, { tagger, detector }));
    const b = performance.now();
    await store.upsertItems(items);
    storeMs += performance.now() - b;
    pipelineMs += b - a;
  }
  const seconds = (performance.now() - t0) / 1000;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    items: count,
    avgChars: Math.round(raws.reduce((n, r) => n + r.text.length + r.title.length, 0) / count),
    itemsPerSecond: Math.round(count / seconds),
    pipelineMsPerItem: pipelineMs / count,
    storeMsPerItem: storeMs / count,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchIngest(), null, 2));
}
