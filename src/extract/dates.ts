// Publication dates from machine-readable attributes and from the visible dates news sites
// print in Azerbaijani, Russian, Turkish and English. Times without a zone are read in the
// default offset (Baku, +04:00). A date without a time is taken as local noon so that the
// UTC calendar day stays the one printed on the page.

const MONTHS: [RegExp, number][] = [
  [/^(?:yanvar|января|январь|янв|january|jan|ocak)/u, 1],
  [/^(?:fevral|февраля|февраль|фев|february|feb|şubat|subat)/u, 2],
  [/^(?:mart|марта|март|мар|march|mar)/u, 3],
  [/^(?:aprel|апреля|апрель|апр|april|apr|nisan)/u, 4],
  [/^(?:may|мая|май|mayıs|mayis)/u, 5],
  [/^(?:iyun|июня|июнь|июн|june|jun|haziran)/u, 6],
  [/^(?:iyul|июля|июль|июл|july|jul|temmuz)/u, 7],
  [/^(?:avqust|августа|август|авг|august|aug|ağustos|agustos)/u, 8],
  [/^(?:sentyabr|сентября|сентябрь|сен|september|sept|sep|eylül|eylul)/u, 9],
  [/^(?:oktyabr|октября|октябрь|окт|october|oct|ekim)/u, 10],
  [/^(?:noyabr|ноября|ноябрь|ноя|november|nov|kasım|kasim)/u, 11],
  [/^(?:dekabr|декабря|декабрь|дек|december|dec|aralık|aralik)/u, 12],
];

const MONTH_WORD =
  '(yanvar|fevral|mart|aprel|may(?:ıs|is)?|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr|' +
  '[а-я]{3,8}|january|february|march|april|june|july|august|september|october|november|' +
  'december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|ocak|şubat|nisan|haziran|' +
  'temmuz|ağustos|eylül|ekim|kasım|aralık)\\.?';

const DAY_MONTH_YEAR = new RegExp(`(\\d{1,2})\\s+${MONTH_WORD},?\\s+(\\d{4})`, 'iu');
const MONTH_DAY_YEAR = new RegExp(
  `${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`,
  'iu',
);
const NUMERIC_DMY = /(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)/u;
const NUMERIC_YMD = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/u;
const TIME = /(?<!\d)([01]?\d|2[0-3])[:.]([0-5]\d)(?::([0-5]\d))?(?:\s*([ap])\.?m\.?)?(?![\d.])/iu;

function monthNumber(word: string): number | null {
  const w = word.toLocaleLowerCase('az').replace(/\.$/, '');
  for (const [re, n] of MONTHS) if (re.test(w)) return n;
  return null;
}

export interface DateOptions {
  /** Offset used when the page gives a time without a zone, e.g. '+04:00'. */
  defaultOffset: string;
}

/** ISO-like machine dates: 2024-01-15, 2024-01-15T12:30, with or without zone. */
export function parseMachineDate(value: string, opts: DateOptions): string | null {
  const v = value.trim();
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/iu.exec(
      v,
    );
  if (!m) return parseVisibleDate(v, opts);
  const [, y, mo, d, h, mi, s, zone] = m;
  if (h === undefined) return build(+y!, +mo!, +d!, 12, 0, 0, opts.defaultOffset);
  const offset = zone ? normaliseZone(zone) : opts.defaultOffset;
  return build(+y!, +mo!, +d!, +h, +mi!, +(s ?? 0), offset);
}

/** Dates as printed on the page: "15 yanvar 2024, 12:30", "15.01.2024 12:30", "Jan 15, 2024". */
export function parseVisibleDate(input: string, opts: DateOptions): string | null {
  // The i flag does not fold Azerbaijani/Turkish dotted İ; same length keeps indexes valid.
  const text = input.replace(/İ/g, 'i');
  let y: number, mo: number | null, d: number;
  let m = DAY_MONTH_YEAR.exec(text);
  if (m && (mo = monthNumber(m[2]!))) {
    [d, y] = [+m[1]!, +m[3]!];
  } else if ((m = MONTH_DAY_YEAR.exec(text)) && (mo = monthNumber(m[1]!))) {
    [d, y] = [+m[2]!, +m[3]!];
  } else if ((m = NUMERIC_DMY.exec(text))) {
    [d, mo, y] = [+m[1]!, +m[2]!, +m[3]!];
  } else if ((m = NUMERIC_YMD.exec(text))) {
    [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  } else {
    return null;
  }
  const at = m.index;
  const end = at + m[0].length;
  // A time printed just after or just before the date belongs to it.
  const after = TIME.exec(text.slice(end, end + 24));
  const before = TIME.exec(text.slice(Math.max(0, at - 12), at));
  const t = after ?? before;
  if (!t) return build(y, mo, d, 12, 0, 0, opts.defaultOffset);
  let hour = +t[1]!;
  const ampm = t[4]?.toLowerCase();
  if (ampm === 'p' && hour < 12) hour += 12;
  if (ampm === 'a' && hour === 12) hour = 0;
  return build(y, mo, d, hour, +t[2]!, +(t[3] ?? 0), opts.defaultOffset);
}

function normaliseZone(zone: string): string {
  if (zone.toUpperCase() === 'Z') return 'Z';
  const digits = zone.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3, 5)}`;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, offset: string) {
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const p = (n: number) => String(n).padStart(2, '0');
  const iso = `${y}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}${offset}`;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const date = new Date(t);
  return date.toISOString();
}
