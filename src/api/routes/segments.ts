// Entry of coded broadcast segments from the dashboard: the same rows as
// `monitor import-segments`, as CSV text or as JSON rows.
import { Router } from 'express';
import { z } from 'zod';
import type { Store } from '../../core/store.ts';
import type { Ownership } from '../../core/types.ts';
import type { Election } from '../../tagging/index.ts';
import { importSegments } from '../../pipeline/segments.ts';
import { REQUIRED_COLUMNS } from '../../pipeline/segments-csv.ts';
import { toCsv } from '../../report/tables/index.ts';
import { HttpError } from '../errors.ts';

const COLUMNS = [...REQUIRED_COLUMNS, 'coder', 'ownership'];
/** Rows per upload, CSV or JSON: a day of several channels fits many times over. */
export const MAX_SEGMENT_ROWS = 5_000;

const body = z.union([
  z.object({ csv: z.string().min(1).max(2_000_000) }),
  z.object({
    rows: z
      .array(z.record(z.string(), z.union([z.string(), z.number()])))
      .min(1)
      .max(MAX_SEGMENT_ROWS, `at most ${MAX_SEGMENT_ROWS} rows per upload`),
  }),
]);

// Control characters other than tab, newline and carriage return, and U+FFFD (what a
// binary file becomes when read as UTF-8): a spreadsheet or image sent as "CSV".
// eslint-disable-next-line no-control-regex
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

function refuseBinary(text: string, where: string): void {
  const at = text.search(BINARY);
  if (at < 0) return;
  const line = text.slice(0, at).split('\n').length;
  const code = text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
  throw new HttpError(
    400,
    `${where} holds binary content (character U+${code} on line ${line}): ` +
      'send plain UTF-8 CSV text, not a spreadsheet or other file',
  );
}

function refuseTooManyRows(csv: string): void {
  // Lines, not parsed rows: a quoted field may span lines, so this can only over-count.
  const lines = csv.split('\n').filter((l) => l.trim()).length - 1;
  if (lines > MAX_SEGMENT_ROWS)
    throw new HttpError(
      400,
      `too many rows: ${lines} (at most ${MAX_SEGMENT_ROWS} per upload); split the file`,
    );
}

export function segmentRoutes(
  store: Store,
  election: Election,
  ownershipOf?: (id: string, name: string) => Ownership | undefined,
): Router {
  const r = Router();
  r.post('/segments', async (req, res) => {
    const parsed = body.safeParse(req.body);
    if (!parsed.success) {
      const detail = parsed.error.issues
        .flatMap((i) => ('errors' in i ? i.errors.flat() : [i]))
        .map((i) => i.message)
        .find((m) => /at most/.test(m));
      throw new HttpError(
        400,
        detail ??
          'send {"csv": "<CSV text with a header row>"} or {"rows": [{"channel": …}, …]} (at least one row)',
      );
    }
    const input = parsed.data;
    if ('csv' in input) {
      refuseBinary(input.csv, 'the CSV text');
      refuseTooManyRows(input.csv);
    } else {
      input.rows.forEach((row, i) =>
        Object.values(row).forEach((v) => {
          if (typeof v === 'string') refuseBinary(v, `row ${i + 1}`);
        }),
      );
    }
    const coder = (res.locals.user as { name?: string } | undefined)?.name;
    const csv =
      'csv' in input
        ? input.csv
        : toCsv(
            input.rows.map((row) => ({ ...row, coder: row.coder ?? coder ?? '' })),
            COLUMNS.map((c) => ({ key: c, header: c })),
            { guardFormulas: false },
          ).replace(/^\uFEFF/, '');
    const result = importSegments(csv, {
      entities: election.entities,
      ...(ownershipOf ? { ownershipOf } : {}),
    });
    if (!result.items.length && result.errors.length) {
      throw new HttpError(400, result.errors.map((e) => `row ${e.row}: ${e.message}`).join('; '));
    }
    const outcomes = await store.upsertItems(result.items);
    res.status(201).json({
      imported: outcomes.length,
      statuses: outcomes.map((o) => o.status),
      errors: result.errors,
      warnings: result.warnings,
    });
  });
  return r;
}
