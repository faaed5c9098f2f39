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

const body = z.union([
  z.object({ csv: z.string().min(1).max(2_000_000) }),
  z.object({
    rows: z
      .array(z.record(z.string(), z.union([z.string(), z.number()])))
      .min(1)
      .max(5_000),
  }),
]);

export function segmentRoutes(
  store: Store,
  election: Election,
  ownershipOf?: (id: string, name: string) => Ownership | undefined,
): Router {
  const r = Router();
  r.post('/segments', async (req, res) => {
    const input = body.parse(req.body);
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
