// Query-string parameters → ItemFilter, shared by every API route. Repeated or
// comma-separated values both work: ?entity=a&entity=b or ?entity=a,b.
import { z } from 'zod';
import { LANGS, OWNERSHIPS, SOURCE_KINDS } from '../core/types.ts';
import type { ItemFilter, SearchQuery } from '../core/store.ts';
import { PERIOD_IDS, type Period } from '../metrics/periods.ts';
import { intersectBounds } from '../store/time.ts';

const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item))
    .optional();

const date = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/,
    'a date (YYYY-MM-DD) or ISO date-time',
  );

export const filterParams = z.object({
  q: z.string().max(500).optional(),
  entity: list(z.string().regex(/^[a-z0-9_]+$/)),
  type: z.enum(['candidate', 'party']).optional(),
  mentionKind: z.enum(['name', 'title']).optional(),
  source: list(z.string().max(100)),
  ownership: list(z.enum(OWNERSHIPS)),
  sourceKind: list(z.enum(SOURCE_KINDS)),
  lang: list(z.enum(LANGS)),
  from: date.optional(),
  to: date.optional(),
  tone: z.enum(['positive', 'neutral', 'negative']).optional(),
  dedupe: z.enum(['each', 'story']).optional(),
  /** An election period (pre-campaign, campaign, silence, voting-day, post-election). */
  period: z.enum(PERIOD_IDS).optional(),
});

export const searchParams = filterParams.extend({
  limit: z.coerce.number().int().min(0).max(500).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  sort: z.enum(['date', 'relevance']).optional(),
});

/**
 * Query parameters → ItemFilter. A period, when given with the election's periods,
 * narrows from/to to that period.
 */
export function toFilter(
  p: z.output<typeof filterParams>,
  periods?: readonly Period[],
): ItemFilter {
  const f: ItemFilter = {};
  const period = p.period ? periods?.find((x) => x.id === p.period) : undefined;
  const { from, to } = period
    ? intersectBounds(
        { from: p.from, to: p.to },
        { from: period.start ?? undefined, to: period.end ?? undefined },
      )
    : { from: p.from, to: p.to };
  if (from) f.from = from;
  if (to) f.to = to;
  if (p.q) f.q = p.q;
  if (p.entity?.length) f.entities = p.entity;
  if (p.type) f.entityType = p.type;
  if (p.mentionKind) f.mentionKind = p.mentionKind;
  if (p.source?.length) f.sources = p.source;
  if (p.ownership?.length) f.ownership = p.ownership;
  if (p.sourceKind?.length) f.kinds = p.sourceKind;
  if (p.lang?.length) f.langs = p.lang;
  if (p.tone) f.tone = p.tone;
  if (p.dedupe) f.dedupe = p.dedupe;
  return f;
}

export function toSearch(
  p: z.output<typeof searchParams>,
  periods?: readonly Period[],
): SearchQuery {
  return {
    ...toFilter(p, periods),
    limit: p.limit,
    offset: p.offset,
    ...(p.sort ? { sort: p.sort } : {}),
  };
}
