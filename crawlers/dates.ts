// Dates as feeds and sites write them → ISO 8601, or null. Never throws.

const EARLIEST = Date.parse('1990-01-01T00:00:00Z');
const BAKU_OFFSET = '+04:00';

/**
 * Reads ISO 8601, RFC 822 and the "22.11.2024 14:05" / "22.11.2024" forms common on
 * Azerbaijani sites (taken as Baku time). Dates more than a day in the future or
 * before 1990 are treated as wrong and give null.
 */
export function toIsoDate(raw: string | null | undefined, now: Date = new Date()): string | null {
  if (!raw) return null;
  const s = raw.trim();
  if (!s) return null;
  let ms: number;
  const dotted =
    /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (dotted) {
    const [, d, m, y, hh = '00', mm = '00', ss = '00'] = dotted;
    const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}T${hh.padStart(2, '0')}:${mm}:${ss}${BAKU_OFFSET}`;
    ms = Date.parse(iso);
  } else if (/^\d{10}$/.test(s)) {
    ms = Number(s) * 1000; // unix seconds (TikTok exports)
  } else {
    ms = Date.parse(s);
  }
  if (Number.isNaN(ms) || ms < EARLIEST || ms > now.getTime() + 24 * 3600 * 1000) return null;
  return new Date(ms).toISOString();
}
