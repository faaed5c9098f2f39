// Filter values as words of the full-text index, so that a text query with filters is
// answered inside FTS5 by merging posting lists, instead of testing every row a filter
// selects (for a common name in a large store, tens of thousands of rows).
// Tokens are letters and digits only, so the unicode61 tokenizer keeps them whole.
import type { ItemFilter } from '../../core/store.ts';
import { boundToUtc, DEFAULT_TZ_MINUTES, localDay } from '../time.ts';

const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');

export interface FacetSource {
  sourceId: string;
  ownership: string;
  kind: string;
  lang: string;
  publishedAt: string | null;
  entities: Iterable<string>;
}

export function facetTokens(f: FacetSource): string {
  const day = localDay(f.publishedAt);
  return [
    `s${hex(f.sourceId)}`,
    `o${f.ownership}`,
    `k${f.kind}`,
    `l${f.lang}`,
    ...(day ? [`d${day.replaceAll('-', '')}`] : []),
    ...[...new Set(f.entities)].map((e) => `e${hex(e)}`),
  ].join(' ');
}

/** Longer date ranges are left to SQL: an OR of hundreds of day words gains nothing. */
const MAX_DAYS = 120;

function daysBetween(from: string | undefined, to: string | undefined): string[] | null {
  if (!from || !to) return null;
  const start = Date.parse(boundToUtc(from)) + DEFAULT_TZ_MINUTES * 60_000;
  const end = Date.parse(boundToUtc(to, true)) + DEFAULT_TZ_MINUTES * 60_000;
  const days: string[] = [];
  for (let t = Date.UTC(...ymd(start)); t < end; t += 86_400_000) {
    days.push(`d${new Date(t).toISOString().slice(0, 10).replaceAll('-', '')}`);
    if (days.length > MAX_DAYS) return null;
  }
  return days;
}

function ymd(t: number): [number, number, number] {
  const d = new Date(t);
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
}

/**
 * The FTS5 conditions on the facets column that a filter implies. They narrow the text
 * matches; the SQL conditions still apply on top, so the result stays exact.
 */
export function facetMatch(f: ItemFilter): string[] {
  const groups: string[][] = [];
  if (f.sources?.length) groups.push(f.sources.map((s) => `s${hex(s)}`));
  if (f.ownership?.length) groups.push(f.ownership.map((o) => `o${o}`));
  if (f.kinds?.length) groups.push(f.kinds.map((k) => `k${k}`));
  if (f.langs?.length) groups.push(f.langs.map((l) => `l${l}`));
  if (f.entities?.length) groups.push(f.entities.map((e) => `e${hex(e)}`));
  const days = daysBetween(f.from, f.to);
  if (days?.length) groups.push(days);
  return groups.map((g) => `facets : (${g.join(' OR ')})`);
}
