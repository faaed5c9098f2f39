// Good records survive their broken neighbours: random mixes of good and broken records go
// through the real path (ingestJsonLines / import crawler → pipelineSink → SQLite), and
// every good one is stored while every bad one is reported with its line or row and why.
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCrawler } from '../../crawlers/import/index.ts';
import { createLanguageDetector } from '../../src/language/index.ts';
import { canonicalUrl } from '../../src/pipeline/canonical-url.ts';
import { ingestJsonLines } from '../../src/pipeline/ingest-jsonl.ts';
import { pipelineSink } from '../../src/pipeline/process-item.ts';
import { sqliteStore } from '../../src/store/sqlite/index.ts';
import { makeSource } from '../unit/crawlers/helpers.ts';
import { presidential } from '../unit/tagging/helpers.ts';
import { crawlDocs } from './properties/fake-context.ts';
import { fuzzRuns } from './properties/harness.ts';
import { hostilePiece } from './properties/mutate.ts';

const detector = createLanguageDetector();
const runs = Math.max(3, Math.round(fuzzRuns() / 5));

function storeAndSink() {
  const store = sqliteStore({ path: ':memory:' });
  const skipped: unknown[] = [];
  const sink = pipelineSink(store, {
    tagger: presidential(),
    detector,
    onSkip: (_raw, err) => skipped.push(err),
  });
  return { store, sink, skipped };
}

/** A line that is bad by construction, with the reason the report must give. */
const badJsonLine = fc.oneof(
  fc.string().map((s) => ({ line: `#${s}`, why: /not valid JSON/ })),
  fc.nat(99).map((n) => ({ line: goodLine(n, 'x').slice(0, -1), why: /not valid JSON/ })),
  fc.constantFrom('[1,2]', '"text"', '42', 'null').map((line) => ({ line, why: /record|:/ })),
  fc.nat(99).map((n) => ({
    line: JSON.stringify({ url: `https://bad.example/${n}`, title: 'T' }),
    why: /source/,
  })),
  fc.nat(99).map((n) => ({
    line: JSON.stringify({ ...JSON.parse(goodLine(n, 'x')), title: ' ', text: '' }),
    why: /needs a title or a text/,
  })),
);

function goodLine(n: number, extra: string): string {
  return JSON.stringify({
    url: `https://good.example/item/${n}`,
    title: `Xəbər ${n}`,
    text: `Seçki məlumatı ${n}. ${extra}`,
    source: { id: 'fuzz_src', name: 'Fuzz Source', kind: 'import', ownership: 'private' },
  });
}

describe('good items are still stored among broken ones', () => {
  it('JSON Lines: every good line is in SQLite, every bad line reported by number', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ good: fc.constant(true as const), extra: hostilePiece }),
            fc.record({ good: fc.constant(false as const), bad: badJsonLine }),
          ),
          { minLength: 1, maxLength: 40 },
        ),
        async (records) => {
          const { store, sink } = storeAndSink();
          const lines = records.map((r, i) =>
            r.good ? goodLine(i, r.extra.replace(/[\r\n\u2028\u2029]/g, ' ')) : r.bad.line,
          );
          const reported: Array<[number, string]> = [];
          await ingestJsonLines(Readable.from([lines.join('\n')]), sink, {
            batchSize: 7,
            onBadLine: (line, reason) => reported.push([line, reason]),
          });
          const badAt = records.flatMap((r, i) => (r.good ? [] : [i + 1]));
          expect(reported.map(([l]) => l)).toEqual(badAt);
          for (const [line, reason] of reported) {
            const r = records[line - 1];
            if (r && !r.good) expect(reason).toMatch(r.bad.why);
          }
          for (const [i, r] of records.entries()) {
            if (!r.good) continue;
            const item = await store.getItemByUrl(canonicalUrl(`https://good.example/item/${i}`));
            expect(item?.title).toBe(`Xəbər ${i}`);
          }
          expect(await store.countItems()).toBe(records.length - badAt.length);
          await store.close();
        },
      ),
      { numRuns: runs },
    );
  });

  it('CSV export: every good row is in SQLite, every bad row reported by row number', async () => {
    const badRow = fc.oneof(
      fc.constant({ row: 'not a link,Mətn var', why: /not a URL/ }),
      fc.constant({ row: ',Mətn var', why: /no URL/ }),
      fc.nat(99).map((n) => ({ row: `https://bad.example/${n},`, why: /no text/ })),
      fc.nat(99).map((n) => ({ row: `https://bad.example/${n},a,b,c`, why: /has 4 fields/ })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(badRow, { freq: 2 }), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        async (rows, brokenTail) => {
          const { store, sink } = storeAndSink();
          const body = rows.map(
            (r, i) => r?.row ?? `https://good.example/row/${i},"Sətir ${i}, mətn"`,
          );
          // An unterminated quote at the end: the rows before it must still be stored.
          const tail = brokenTail ? [`https://good.example/tail,"açıq dırnaq`] : [];
          const csv = ['url,message', ...body, ...tail].join('\n');
          const url = 'https://exports.example/posts.csv';
          const out = await crawlDocs(
            importCrawler(),
            makeSource({ kind: 'import', urls: [url] }),
            {
              [url]: csv,
            },
          );
          expect(out.failures).toEqual([]);
          await sink(out.items);
          const rowOf = (u: string) => Number(/#row=(\d+)$/.exec(u)?.[1]);
          const expected = rows.flatMap((r, i) => (r ? [i + 1] : []));
          if (brokenTail) expected.push(rows.length + 1);
          // (The broken tail is reported first: it is found while reading the file.)
          expect(out.skips.map((s) => rowOf(s.url)).sort((a, b) => a - b)).toEqual(expected);
          for (const s of out.skips) {
            const r = rows[rowOf(s.url) - 1];
            expect(s.reason).toMatch(r ? r.why : /unterminated quoted field/);
            expect(s.reason).toMatch(new RegExp(`^posts\\.csv row ${rowOf(s.url)}: `));
          }
          for (const [i, r] of rows.entries()) {
            if (r) continue;
            const item = await store.getItemByUrl(canonicalUrl(`https://good.example/row/${i}`));
            expect(item?.text).toBe(`Sətir ${i}, mətn`);
          }
          expect(await store.countItems()).toBe(rows.filter((r) => !r).length);
          await store.close();
        },
      ),
      { numRuns: runs },
    );
  });
});
