// The coded-segment CSV as monitors fill it in: which column is which (English or
// Azerbaijani headers) and how each cell is read. Each reader returns a value or a
// message saying what is wrong with the cell.
import { LANGS, OWNERSHIPS } from '../core/types.ts';
import type { Lang, Ownership, Tone } from '../core/types.ts';
import { parseCsvKeepingGoodRows } from '../../crawlers/import/csv.ts';

export const SEGMENT_COLUMNS = {
  channel: ['channel', 'kanal'],
  channel_id: ['channel_id', 'kanal_id'],
  programme: ['programme', 'program', 'proqram', 'veriliş'],
  date: ['date', 'tarix'],
  start: ['start', 'başlanğıc', 'baslangic'],
  duration: ['duration', 'duration_sec', 'müddət', 'muddet'],
  subject: ['subject', 'subyekt'],
  tone: ['tone', 'ton'],
  speech: ['speech', 'nitq'],
  coder: ['coder', 'kodlayıcı', 'monitor'],
  ownership: ['ownership', 'mülkiyyət'],
  lang: ['lang', 'language', 'dil'],
} as const;

export type SegmentColumn = keyof typeof SEGMENT_COLUMNS;
export const REQUIRED_COLUMNS: readonly SegmentColumn[] = [
  'channel',
  'programme',
  'date',
  'start',
  'duration',
  'subject',
  'tone',
  'speech',
];

export interface SegmentRow {
  /** Data row number: 1 is the first row under the header. */
  row: number;
  cells: Partial<Record<SegmentColumn, string>>;
}

export interface SegmentTable {
  rows: SegmentRow[];
  errors: Array<{ row: number; message: string }>;
}

/** Lower case that treats I, İ and ı alike, so "DOLAYI", "dolayı" and "Dolayi" all match. */
const lower = (s: string) => s.trim().replace(/[Iİı]/g, 'i').toLowerCase();
const headerKey = (h: string) => lower(h).replace(/[\s-]+/g, '_');

/** Reads the CSV into rows keyed by column; a missing required column fails the whole file (row 0). */
export function readSegmentTable(csvText: string): SegmentTable {
  const text = csvText.replace(/^\uFEFF/, '');
  const { records, broken } = parseCsvKeepingGoodRows(text);
  const [header, ...rest] = records;
  if (!header) return { rows: [], errors: [{ row: 0, message: broken ?? 'the file is empty' }] };
  const index = new Map<SegmentColumn, number>();
  header.fields.forEach((h, i) => {
    const key = headerKey(h);
    for (const [col, aliases] of Object.entries(SEGMENT_COLUMNS) as [
      SegmentColumn,
      readonly string[],
    ][])
      if (aliases.some((a) => headerKey(a) === key) && !index.has(col)) index.set(col, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0)
    return { rows: [], errors: [{ row: 0, message: `missing column(s): ${missing.join(', ')}` }] };
  const rows: SegmentRow[] = [];
  const errors: SegmentTable['errors'] = [];
  rest.forEach((rec, i) => {
    const row = i + 1;
    if (rec.fields.every((f) => f.trim() === '')) return;
    if (rec.fields.length > header.fields.length) {
      errors.push({
        row,
        message: `has ${rec.fields.length} fields, header has ${header.fields.length} (line ${rec.line})`,
      });
      return;
    }
    const cells: SegmentRow['cells'] = {};
    // Line breaks inside a quoted cell are layout, not content.
    for (const [col, j] of index) cells[col] = (rec.fields[j] ?? '').replace(/\s+/g, ' ').trim();
    rows.push({ row, cells });
  });
  if (broken) errors.push({ row: records.length, message: broken });
  return { rows, errors };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (message: string): Parsed<never> => ({ ok: false, message });

/** Seconds as a number (90, 90.5, "90,5") or a clock duration (1:30, 0:01:30). */
export function parseDuration(s: string): Parsed<number> {
  const v = s.trim();
  let secs: number;
  if (/^\d+(?:[.,]\d+)?$/.test(v)) secs = Number(v.replace(',', '.'));
  else {
    const m = /^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:[.,]\d+)?)$/.exec(v);
    if (!m) return bad(`duration "${s}" is not seconds, mm:ss or hh:mm:ss`);
    const [, h, mm, ss] = m;
    const sec = Number(ss!.replace(',', '.'));
    if (Number(mm) > 59 && h !== undefined) return bad(`duration "${s}" has ${mm} minutes`);
    if (sec >= 60) return bad(`duration "${s}" has ${ss} seconds`);
    secs = Number(h ?? 0) * 3600 + Number(mm) * 60 + sec;
  }
  if (!(secs > 0)) return bad(`duration "${s}" must be more than 0 seconds`);
  if (secs > 86_400) return bad(`duration "${s}" is longer than a day`);
  return ok(secs);
}

/** A calendar date: YYYY-MM-DD, or DD.MM.YYYY as Azerbaijani forms write it. */
export function parseDate(s: string): Parsed<string> {
  const v = s.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(v);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return bad(`date "${s}" is not YYYY-MM-DD or DD.MM.YYYY`);
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== date)
    return bad(`date "${s}" does not exist`);
  return ok(date);
}

export interface ClockTime {
  /** HH:MM:SS as written (local to `zone`). */
  time: string;
  /** "+04:00" (Baku) unless the cell carried a zone such as "Z" or "+03:00". */
  zone: string;
}

export function parseStart(s: string, defaultZone = '+04:00'): Parsed<ClockTime> {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s.trim());
  if (!m) return bad(`start "${s}" is not HH:MM or HH:MM:SS`);
  const [, h, mi, se, z] = m;
  if (Number(h) > 23 || Number(mi) > 59 || Number(se ?? 0) > 59)
    return bad(`start "${s}" is not a time of day`);
  const time = `${h!.padStart(2, '0')}:${mi}:${se ?? '00'}`;
  const zone = !z ? defaultZone : z.toUpperCase() === 'Z' ? 'Z' : `${z.slice(0, 3)}:${z.slice(-2)}`;
  // Real offsets run from -12:00 to +14:00; "+99:99" would make an invalid date later.
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 14 || Number(zone.slice(4, 6)) > 59))
    return bad(`start "${s}" has no such time zone offset (${zone})`);
  return ok({ time, zone });
}

const TONES: Record<string, Tone> = {
  positive: 'positive',
  pos: 'positive',
  '+': 'positive',
  müsbət: 'positive',
  musbet: 'positive',
  neutral: 'neutral',
  neu: 'neutral',
  '0': 'neutral',
  neytral: 'neutral',
  negative: 'negative',
  neg: 'negative',
  '-': 'negative',
  mənfi: 'negative',
  menfi: 'negative',
};

export function parseTone(s: string): Parsed<Tone> {
  const t = TONES[lower(s)];
  return t ? ok(t) : bad(`tone "${s}" is not positive, neutral or negative (+, 0, -)`);
}

export type Speech = 'direct' | 'indirect';
const SPEECH: Record<string, Speech> = {
  direct: 'direct',
  birbaşa: 'direct',
  birbasa: 'direct',
  indirect: 'indirect',
  dolayi: 'indirect',
  vasitəli: 'indirect',
};

export function parseSpeech(s: string): Parsed<Speech> {
  const v = SPEECH[lower(s)];
  return v ? ok(v) : bad(`speech "${s}" is not direct or indirect`);
}

export function parseOwnership(s: string): Parsed<Ownership> {
  const v = s.trim().toLowerCase();
  return (OWNERSHIPS as readonly string[]).includes(v)
    ? ok(v as Ownership)
    : bad(`ownership "${s}" is not one of ${OWNERSHIPS.join(', ')}`);
}

export function parseLang(s: string): Parsed<Lang> {
  const v = s.trim().toLowerCase();
  return (LANGS as readonly string[]).includes(v)
    ? ok(v as Lang)
    : bad(`lang "${s}" is not one of ${LANGS.join(', ')}`);
}
