// Per-candidate coverage counts by day and outlet: the table observers tabulate.
import type { CoverageRow } from '../../core/store.ts';
import type { Column } from './columns.ts';
import { localDay as dayInZone } from '../../store/time.ts';

export interface DayOutletRow {
  day: string;
  sourceId: string;
  ownership: string;
  entity: string;
  items: number;
  mentions: number;
  nameMentions: number;
  titleMentions: number;
  words: number;
  seconds: number;
  positive: number;
  neutral: number;
  negative: number;
}

export const DAY_OUTLET_COLUMNS: Column[] = [
  { key: 'day', header: 'day', width: 12 },
  { key: 'sourceId', header: 'outlet' },
  { key: 'ownership', header: 'ownership' },
  { key: 'entity', header: 'entity' },
  { key: 'items', header: 'items' },
  { key: 'mentions', header: 'mentions' },
  { key: 'nameMentions', header: 'name_mentions' },
  { key: 'titleMentions', header: 'title_mentions' },
  { key: 'words', header: 'words' },
  { key: 'seconds', header: 'seconds' },
  { key: 'positive', header: 'positive' },
  { key: 'neutral', header: 'neutral' },
  { key: 'negative', header: 'negative' },
];

/** YYYY-MM-DD of an instant in the zone `tz` ('+04:00'); 'undated' without a date. */
export function localDay(iso: string | null, tz: string): string {
  const sign = tz.startsWith('-') ? -1 : 1;
  const [h, m] = tz.slice(1).split(':').map(Number);
  return dayInZone(iso, sign * ((h ?? 0) * 60 + (m ?? 0))) ?? 'undated';
}

/** Sorted by day, outlet, entity. Each (item, entity) row adds one item. */
export function coverageByDayOutlet(
  rows: readonly CoverageRow[],
  opts: { tz?: string } = {},
): DayOutletRow[] {
  const tz = opts.tz ?? '+04:00';
  const cells = new Map<string, DayOutletRow>();
  // Rows of one item share its date; parsing each date once matters at a million rows.
  const days = new Map<string | null, string>();
  for (const r of rows) {
    let day = days.get(r.publishedAt);
    if (day === undefined) days.set(r.publishedAt, (day = localDay(r.publishedAt, tz)));
    const key = `${day}\u0000${r.sourceId}\u0000${r.entity}`;
    let c = cells.get(key);
    if (!c) {
      c = {
        day,
        sourceId: r.sourceId,
        ownership: r.ownership,
        entity: r.entity,
        items: 0,
        mentions: 0,
        nameMentions: 0,
        titleMentions: 0,
        words: 0,
        seconds: 0,
        positive: 0,
        neutral: 0,
        negative: 0,
      };
      cells.set(key, c);
    }
    c.items += 1;
    c.mentions += r.mentions;
    c.nameMentions += r.nameMentions;
    c.titleMentions += r.titleMentions;
    c.words += r.words;
    c.seconds += r.seconds;
    c.positive += r.tone.positive;
    c.neutral += r.tone.neutral;
    c.negative += r.tone.negative;
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...cells.values()].sort(
    (a, b) => cmp(a.day, b.day) || cmp(a.sourceId, b.sourceId) || cmp(a.entity, b.entity),
  );
}
