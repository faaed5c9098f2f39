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
import { availableParallelism } from 'node:os';
import { Readable } from 'node:stream';
import { parallelPipelineSink } from '../src/pipeline/parallel-sink.ts';
import { ingestJsonLines } from '../src/pipeline/ingest-jsonl.ts';

const DICTIONARIES = fileURLToPath(new URL('../dictionaries/', import.meta.url));

export interface IngestBench {
  items: number;
  avgChars: number;
  /** As `monitor ingest` runs: JSON Lines in, tagging in worker threads, one writer. */
  itemsPerSecond: number;
  workers: number;
  /** One thread, pipeline then store, for the cost breakdown. */
  singleThreadItemsPerSecond: number;
  pipelineMsPerItem: number;
  storeMsPerItem: number;
}

async function parallelRun(raws: RawItem[], workers: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'monitor-bench-'));
  const store = sqliteStore({ path: join(dir, 'monitor.sqlite') });
  const pool = parallelPipelineSink(store, {
    dictionariesDir: DICTIONARIES,
    electionId: 'az-2024-presidential',
    workers,
  });
  const lines = raws.map((r) => `${JSON.stringify(r)}\n`);
  // Workers load their dictionaries before the clock starts, as a long ingest amortises it.
  await pool.sink(raws.slice(0, 2).map((r, i) => ({ ...r, url: `${r.url}?warmup=${i}` })));
  const t0 = performance.now();
  const summary = await ingestJsonLines(Readable.from(lines), pool.sink, { batchSize: 500 });
  const seconds = (performance.now() - t0) / 1000;
  await pool.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  // The two warm-up copies make the first two items content duplicates: stored all the same.
  const stored = summary.byStatus.new + summary.byStatus.duplicate;
  if (stored !== raws.length) throw new Error(`stored ${stored} of ${raws.length}`);
  return raws.length / seconds;
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
  const workers = availableParallelism();
  return {
    items: count,
    avgChars: Math.round(raws.reduce((n, r) => n + r.text.length + r.title.length, 0) / count),
    itemsPerSecond: Math.round(await parallelRun(raws, workers)),
    workers,
    singleThreadItemsPerSecond: Math.round(count / seconds),
    pipelineMsPerItem: pipelineMs / count,
    storeMsPerItem: storeMs / count,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchIngest(), null, 2));
}
