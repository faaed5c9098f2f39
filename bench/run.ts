// npm run bench: every benchmark, with figures printed against their targets.
//   BENCH_ITEMS          items in the search benchmark's store (default 1,000,000; built
//                        once into bench/out/ and reused)
//   BENCH_INGEST_ITEMS   items in the ingest benchmark (default 20,000)
//   BENCH_ONLY           comma-separated subset: ingest,tagging,tagger-eval,extraction,search,
//                        elasticsearch,load,fuzz,language,render
//   LOAD_ITEMS, LOAD_SECONDS, LOAD_USERS   the load benchmark (bench/load-bench.ts)
//   FUZZ_RUNS            inputs per fuzz target (bench/fuzz-bench.ts)
//   RENDER_ITEMS, RENDER_SECONDS   the rendering benchmark (bench/render-bench.ts)
//   MONITOR_ES_URL       also measure bulk indexing and search on that cluster
import { benchIngest } from './ingest-bench.ts';
import { benchTagging } from './tagging-bench.ts';
import { evaluateTagger } from './tagger-eval.ts';
import { evalExtraction } from './extraction.ts';
import { benchSearch } from './search-bench.ts';
import { benchElasticsearch } from './elasticsearch-bench.ts';
import { benchLoad } from './load-bench.ts';
import { benchFuzz } from './fuzz-bench.ts';
import { evaluateLanguage } from './language-eval.ts';
import { benchRender, formatRenderBench } from './render-bench.ts';

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const want = (name: string) => !only || only.includes(name);
const rows: Array<[string, string, string]> = [];
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const check = (ok: boolean) => (ok ? 'met' : 'MISSED');

if (want('ingest')) {
  const r = await benchIngest();
  rows.push([
    'ingest (SQLite, ~3 KB az articles, tags included)',
    `${fmt(r.itemsPerSecond)} items/s with ${r.workers} tagging threads (one thread: ${fmt(r.singleThreadItemsPerSecond)} items/s = pipeline ${r.pipelineMsPerItem.toFixed(2)} ms + store ${r.storeMsPerItem.toFixed(2)} ms per item)`,
    `≥ 2,000 items/s: ${check(r.itemsPerSecond >= 2000)}`,
  ]);
}
if (want('tagging')) {
  const r = await benchTagging();
  rows.push([
    'tagging throughput (az, 2024 dictionaries, 1 core)',
    `${fmt(r.charsPerSecond / 1e6, 1)} M chars/s CPU, ${fmt(r.wallCharsPerSecond / 1e6, 1)} M chars/s wall`,
    `≥ 10 M chars/s: ${check(r.charsPerSecond >= 10e6)}`,
  ]);
}
if (want('tagger-eval')) {
  const e = evaluateTagger();
  for (const [name, s] of [
    ['candidates', e.candidates],
    ['parties', e.parties],
  ] as const) {
    rows.push([
      `tagger ${name} (${e.cases} texts)`,
      `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`,
      `P ≥ 0.97, R ≥ 0.95: ${check(s.precision >= 0.97 && s.recall >= 0.95)}`,
    ]);
  }
}
if (want('language')) {
  const r = await evaluateLanguage();
  for (const [name, byGroup] of Object.entries(r.accuracy)) {
    const held = r.groups.map((g) => byGroup[g]!.heldOut);
    rows.push([
      `language of short posts: ${name}`,
      r.groups
        .map((g) => `${g} ${byGroup[g]!.dev.toFixed(2)}/${byGroup[g]!.heldOut.toFixed(2)}`)
        .join(', ') + ' (development/held-out)',
      name === 'monitor'
        ? `≥ 0.97 held out in every group: ${check(held.every((a) => a >= 0.97))}`
        : 'comparison',
    ]);
  }
}
if (want('extraction')) {
  const r = await evalExtraction();
  rows.push([
    `extraction (${r.pages} benchmark pages)`,
    `F1 ${r.f1.toFixed(3)} (P ${r.precision.toFixed(3)}, R ${r.recall.toFixed(3)}), median ${r.medianMs.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms`,
    `F1 ≥ 0.95, median < 10 ms: ${check(r.f1 >= 0.95 && r.medianMs < 10)}`,
  ]);
}
if (want('search')) {
  const r = await benchSearch();
  rows.push([
    `search, name + two filters (${fmt(r.items)} items)`,
    `p50 ${r.searchP50Ms.toFixed(1)} ms, p95 ${r.searchP95Ms.toFixed(1)} ms`,
    `p95 ≤ 100 ms: ${check(r.searchP95Ms <= 100)}`,
  ]);
  rows.push([
    'entity × day aggregation',
    `${r.aggregationMs.toFixed(0)} ms`,
    `≤ 1 s: ${check(r.aggregationMs <= 1000)}`,
  ]);
  rows.push([
    'server resident memory',
    `${r.serverRssMb.toFixed(0)} MB now, ${r.serverPeakRssMb.toFixed(0)} MB peak`,
    `≤ 1 GB: ${check(r.serverPeakRssMb <= 1024)}`,
  ]);
}
if (want('elasticsearch')) {
  if (process.env.MONITOR_ES_URL) {
    const r = await benchElasticsearch(process.env.MONITOR_ES_URL);
    rows.push([
      'Elasticsearch bulk indexing',
      `${fmt(r.itemsPerSecond)} items/s (${fmt(r.items)} items)`,
      '',
    ]);
    rows.push([
      'Elasticsearch search, name + two filters',
      `p50 ${r.searchP50Ms.toFixed(1)} ms, p95 ${r.searchP95Ms.toFixed(1)} ms`,
      '',
    ]);
  } else {
    rows.push([
      'Elasticsearch',
      'skipped: set MONITOR_ES_URL=http://127.0.0.1:9200 to measure a cluster',
      '',
    ]);
  }
}

// These two print their own tables: per scenario and per fuzz target.
if (want('load')) await benchLoad();
if (want('fuzz')) await benchFuzz();
if (want('render'))
  console.log(`\nRendering (issue #15 findings 3, 5)\n${formatRenderBench(await benchRender())}`);

const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log('\nBenchmarks (machine: see `nproc`, `free -h`; rerun with npm run bench)\n');
for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
