// Dates are stored as UTC ISO strings so that text order is time order. Day buckets and
// date-only filters use the election's local time (Baku, UTC+4) by default.
export const DEFAULT_TZ_MINUTES = 240;

export function toUtcIso(value: string | null | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/**
 * A filter bound. A date-only value means local midnight starting that day, or for an
 * upper bound (`end`) the midnight ending it, so `--to 2024-02-06` includes 6 February.
 */
export function boundToUtc(value: string, end = false, tzMinutes = DEFAULT_TZ_MINUTES): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const midnight = Date.parse(`${value}T00:00:00Z`) - tzMinutes * 60_000;
    return new Date(midnight + (end ? 86_400_000 : 0)).toISOString();
  }
  const iso = toUtcIso(value);
  if (!iso)
    throw new RangeError(`Not a date: ${JSON.stringify(value)} (use YYYY-MM-DD or ISO 8601)`);
  return iso;
}

/** The local (Baku) calendar day of a UTC ISO instant, YYYY-MM-DD; null when undated. */
export function localDay(iso: string | null, tzMinutes = DEFAULT_TZ_MINUTES): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t + tzMinutes * 60_000).toISOString().slice(0, 10);
}

export interface Bounds {
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * The overlap of two ranges (e.g. a user's --from/--to and an election period), as UTC
 * instants. Each bound is read as a filter bound first, so a date-only `to` counts its
 * whole day; comparing the raw strings would let "2024-02-06" outrun a period that ends
 * at 08:00 that day.
 */
export function intersectBounds(a: Bounds, b: Bounds): Bounds {
  const from = [a.from, b.from].filter((x): x is string => Boolean(x)).map((x) => boundToUtc(x));
  const to = [a.to, b.to].filter((x): x is string => Boolean(x)).map((x) => boundToUtc(x, true));
  const out: Bounds = {};
  if (from.length) out.from = from.sort().at(-1)!;
  if (to.length) out.to = to.sort()[0]!;
  return out;
}
