// Platform exports (CSV / JSON Lines) through the import crawler, and the CSV reader.
import fc from 'fast-check';
import { importCrawler } from '../../../crawlers/import/index.ts';
import { CsvError, parseCsv } from '../../../crawlers/import/csv.ts';
import { makeSource } from '../../unit/crawlers/helpers.ts';
import { crawlDocs } from './fake-context.ts';
import { type FuzzTarget, isIsoDate, must, mustBeDocumented } from './harness.ts';
import { hostileText } from './mutate.ts';
import { IMPORT_CSV_SEED, IMPORT_JSONL_SEED } from './seeds.ts';

const CSV_URL = 'https://exports.example/facebook.csv';
const JSONL_URL = 'https://exports.example/tiktok.jsonl';
const crawler = importCrawler();
const csvSource = makeSource({ kind: 'import', urls: [CSV_URL] });
const jsonlSource = makeSource({ kind: 'import', urls: [JSONL_URL] });

interface ExportInput {
  csv: string;
  jsonl: string;
}

export const importersTarget: FuzzTarget<ExportInput> = {
  name: 'importers',
  arbitrary: fc.record({
    csv: hostileText([IMPORT_CSV_SEED]),
    jsonl: hostileText([IMPORT_JSONL_SEED]),
  }),
  async check({ csv, jsonl }) {
    const fromCsv = await crawlDocs(crawler, csvSource, { [CSV_URL]: csv });
    const fromJsonl = await crawlDocs(crawler, jsonlSource, { [JSONL_URL]: jsonl });
    for (const out of [fromCsv, fromJsonl]) {
      for (const f of out.failures) mustBeDocumented(f.err);
      // Every bad row is reported with its file and row number and a reason.
      for (const s of out.skips) {
        must(/#row=\d+$/.test(s.url), `skip URL without a row: ${s.url}`);
        must(/^\S+\.(csv|jsonl) row \d+: \S/.test(s.reason), `skip reason: ${s.reason}`);
      }
      for (const item of out.items) {
        must(URL.canParse(item.url), `item URL ${item.url}`);
        must(item.title !== '' || item.text !== '', 'item has a title or a text');
        must(item.publishedAt === null || isIsoDate(item.publishedAt), 'publishedAt');
        must(item.views == null || (Number.isFinite(item.views) && item.views >= 0), 'views');
      }
    }
    // JSON Lines: every non-empty line is either an item or a reported row.
    const lines = jsonl.split(/\r?\n/).filter((l) => l.trim() !== '').length;
    const { items, skips } = fromJsonl;
    must(
      items.length + skips.length === lines,
      `${lines} lines, ${items.length} items + ${skips.length} skips`,
    );
  },
};

export const csvTarget: FuzzTarget<string> = {
  name: 'csv',
  arbitrary: hostileText([IMPORT_CSV_SEED]),
  check(text) {
    try {
      const records = parseCsv(text);
      let last = 0;
      for (const r of records) {
        must(r.line > last, 'record lines increase');
        last = r.line;
      }
    } catch (err) {
      must(err instanceof CsvError, `parseCsv threw ${String(err)}`);
      must(err.line >= 1 && err.message !== '', 'CsvError names a line');
    }
  },
};
