// Small helpers shared by the demo renderers: escaping and date formats.

export function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const MONTHS_RU = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

interface LocalParts {
  y: string;
  m: number;
  d: string;
  hm: string;
  sec: string;
}

/** Reads the wall-clock parts of a "+04:00" date string as written (Baku time). */
function parts(iso: string): LocalParts {
  return {
    y: iso.slice(0, 4),
    m: Number(iso.slice(5, 7)),
    d: iso.slice(8, 10),
    hm: iso.slice(11, 16),
    sec: iso.length > 22 ? iso.slice(17, 19) : '00',
  };
}

/** The date as a site shows it to readers, in the page language. */
export function displayDate(iso: string, lang: 'az' | 'ru' | 'en'): string {
  const p = parts(iso);
  if (lang === 'ru') return `${Number(p.d)} ${MONTHS_RU[p.m - 1]} ${p.y}, ${p.hm}`;
  if (lang === 'en') return `${MONTHS_EN[p.m - 1]} ${Number(p.d)}, ${p.y} ${p.hm}`;
  return `${p.d}.${String(p.m).padStart(2, '0')}.${p.y}, ${p.hm}`;
}

/** RFC 822 date for RSS, keeping the +0400 offset. */
export function rfc822(iso: string): string {
  const p = parts(iso);
  const day = DAYS[new Date(`${iso.slice(0, 10)}T00:00:00Z`).getUTCDay()];
  const mon = MONTHS_EN[p.m - 1]?.slice(0, 3);
  return `${day}, ${p.d} ${mon} ${p.y} ${p.hm}:${p.sec} +0400`;
}

/** The same instant in UTC with a "+00:00" suffix, as t.me writes it. */
export function utcIso(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export function lead(paragraphs: string[], max = 220): string {
  const first = paragraphs[0] ?? '';
  return first.length <= max ? first : `${first.slice(0, first.lastIndexOf(' ', max))}…`;
}
