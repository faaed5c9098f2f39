// import: JSON Lines / CSV exports of posts from platforms without open access.
// A bad row is reported with its file and row number and skipped; the rest import.
import { errorMessage } from '../../src/core/errors.ts';
import type { RawItem } from '../../src/core/types.ts';
import type { Source } from '../../src/core/source.ts';
import type { CrawlContext, Crawler } from '../types.ts';
import { perUrl } from '../per-url.ts';
import { readInputs } from '../read-input.ts';
import { sourceRef } from '../source-ref.ts';
import { sha256 } from '../text.ts';
import { parseCsvKeepingGoodRows, type CsvRecord } from './csv.ts';
import { mapRow } from './mapping.ts';
import type { Row } from './mapping.ts';

interface NumberedRow {
  /** Data row number (the CSV header is not counted) or JSONL line number. */
  n: number;
  row: Row | string;
}

function* jsonLines(text: string): Iterable<NumberedRow> {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim();
    if (!line) continue;
    try {
      const value: unknown = JSON.parse(line);
      yield value && typeof value === 'object' && !Array.isArray(value)
        ? { n: i + 1, row: value as Row }
        : { n: i + 1, row: 'not a JSON object' };
    } catch (err) {
      yield { n: i + 1, row: `invalid JSON: ${errorMessage(err)}` };
    }
  }
}

function* csvRows(text: string): Iterable<NumberedRow> {
  const { records, broken } = parseCsvKeepingGoodRows(text);
  const [header, ...rest] = records;
  if (header) yield* rowsUnder(header, rest);
  // The rows before a broken quote are kept; the rest is reported as one bad row.
  if (broken) yield { n: records.length, row: broken };
}

function* rowsUnder(header: CsvRecord, rest: CsvRecord[]): Iterable<NumberedRow> {
  for (const [i, rec] of rest.entries()) {
    if (rec.fields.length !== header.fields.length) {
      yield {
        n: i + 1,
        row: `has ${rec.fields.length} fields, header has ${header.fields.length} (line ${rec.line})`,
      };
      continue;
    }
    yield {
      n: i + 1,
      row: Object.fromEntries(header.fields.map((h, j) => [h, rec.fields[j] ?? ''])),
    };
  }
}

export function importCrawler(): Crawler {
  async function* importLocation(source: Source, location: string, ctx: CrawlContext) {
    for await (const file of readInputs(location, /\.(jsonl|ndjson|csv|tsv)$/i, ctx)) {
      const isJson = /\.(jsonl|ndjson)$/i.test(file.name) || /^\s*\{/.test(file.text);
      const now = ctx.now();
      for (const { n, row } of isJson ? jsonLines(file.text) : csvRows(file.text)) {
        const where = `${file.url}#row=${n}`;
        const mapped = typeof row === 'string' ? row : mapRow(row, now);
        if (typeof mapped === 'string') {
          ctx.skip(where, `${file.name} row ${n}: ${mapped}`);
          continue;
        }
        const item: RawItem = {
          ...mapped,
          fetchedAt: now.toISOString(),
          source: sourceRef(source),
          rawHash: sha256(JSON.stringify(row)),
        };
        yield item;
      }
    }
  }
  return {
    kind: 'import',
    crawl: (source, ctx) => perUrl(source, ctx, (loc) => importLocation(source, loc, ctx)),
  };
}
