import { aggregateCoverage, bootstrapShareCI, metricsReport } from './src/metrics/index.ts';
import { coverageByDayOutlet, toCsv, DAY_OUTLET_COLUMNS } from './src/report/tables/index.ts';
import type { CoverageRow } from './src/core/store.ts';
const ents = ['a','b','c','d','e','f','g'];
const rows: CoverageRow[] = [];
for (let i = 0; i < 1_000_000; i++) {
  const e = ents[i % 7]!;
  rows.push({ itemId: `i${Math.floor(i / 2)}`, entity: e, type: 'candidate', sourceId: `s${i % 40}`, ownership: 'private', kind: 'html',
    publishedAt: new Date(Date.UTC(2024, 0, 15) + (i % 30) * 86400000).toISOString(), storyId: `st${Math.floor(i / 6)}`,
    mentions: 1 + (i % 3), nameMentions: 1, titleMentions: 0, words: 10, seconds: 0, tone: { positive: 0, neutral: 1, negative: 0 }, topics: [] });
}
let t = performance.now();
aggregateCoverage(rows, { unit: 'items', by: 'entity' });
console.log('aggregate items 1M rows ms', Math.round(performance.now() - t));
t = performance.now();
aggregateCoverage(rows, { unit: 'mentions', by: 'outlet', dedupe: 'story' });
console.log('aggregate mentions by outlet story-dedupe ms', Math.round(performance.now() - t));
t = performance.now();
bootstrapShareCI(rows, 'mentions', { by: 'entity', iterations: 200 });
console.log('bootstrap 200 it, 500k items ms', Math.round(performance.now() - t));
t = performance.now();
metricsReport(rows, { unit: 'mentions', by: 'entity' });
console.log('metricsReport ms', Math.round(performance.now() - t));
t = performance.now();
const tab = coverageByDayOutlet(rows);
const csv = toCsv(tab as unknown as Record<string, unknown>[], DAY_OUTLET_COLUMNS);
console.log('day×outlet table rows', tab.length, 'csv bytes', csv.length, 'ms', Math.round(performance.now() - t));
