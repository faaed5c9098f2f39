// Title, date, author, canonical URL and language from meta tags, JSON-LD, microdata and,
// last, the visible page.
import type { Document, Element } from 'domhandler';
import type { Lang } from '../core/types.ts';
import { attr, findAll, findFirst, normalizeSpace, textOf } from './dom.ts';
import { parseMachineDate, parseVisibleDate, type DateOptions } from './dates.ts';
import { ldName, ldString, type JsonObject } from './json-ld.ts';

export interface PageMeta {
  /** meta name/property (lower-cased) → first content value. */
  meta: Map<string, string>;
  ld: JsonObject | null;
}

export function readMeta(doc: Document): Map<string, string> {
  const meta = new Map<string, string>();
  for (const el of findAll(doc, (e) => e.name === 'meta', 400)) {
    const key = (attr(el, 'property') || attr(el, 'name') || attr(el, 'itemprop')).toLowerCase();
    const content = attr(el, 'content').trim();
    if (key && content && !meta.has(key)) meta.set(key, content);
  }
  return meta;
}

export function findTitle(doc: Document, page: PageMeta): string {
  const h1s = findAll(doc, (e) => e.name === 'h1', 5).map((h) => textOf(h, 1000));
  const og = page.meta.get('og:title') ?? ldString(page.ld?.headline) ?? '';
  const titleEl = findFirst(doc, (e) => e.name === 'title');
  const docTitle = titleEl ? textOf(titleEl, 1000) : '';
  const reference = normalizeSpace(og || docTitle).toLowerCase();
  // Prefer the <h1> that agrees with og:title/<title>: pages often have a logo <h1> too.
  const agreeing = h1s.find((h) => h.length > 5 && reference.includes(h.toLowerCase()));
  if (agreeing) return agreeing;
  if (og) return normalizeSpace(og);
  if (h1s.length === 1 && (h1s[0] ?? '').length > 5) return h1s[0] ?? '';
  return stripSiteName(docTitle);
}

/** "Headline | Site" or "Headline - Site" → "Headline" (keeps the longer part). */
function stripSiteName(title: string): string {
  const parts = title.split(/\s+[|–—-]\s+|\s+::\s+/u);
  if (parts.length < 2) return title;
  return parts.reduce((a, b) => (b.length > a.length ? b : a));
}

export function findCanonical(doc: Document, page: PageMeta, base?: string): string | null {
  const link = findFirst(
    doc,
    (e) => e.name === 'link' && attr(e, 'rel').toLowerCase().split(/\s+/).includes('canonical'),
  );
  const href = (link ? attr(link, 'href') : '') || page.meta.get('og:url') || '';
  if (!href.trim()) return null;
  try {
    const url = new URL(href.trim(), base);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

const LANG_CODES: Record<string, Lang> = { az: 'az', ru: 'ru', en: 'en', tr: 'tr' };

export function findLang(doc: Document, page: PageMeta): Lang | null {
  const html = findFirst(doc, (e) => e.name === 'html');
  const raw =
    (html && (attr(html, 'lang') || attr(html, 'xml:lang'))) ||
    page.meta.get('content-language') ||
    page.meta.get('og:locale') ||
    '';
  const code = raw.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return LANG_CODES[code] ?? null;
}

const DATE_KEYS = [
  'article:published_time',
  'og:published_time',
  'published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'date',
  'dc.date.issued',
  'dc.date',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
];

const DATE_CLASS =
  /(?:^|[\s_-])(?:date|time|datetime|published|posted|pubdate|meta|tarix|data|dates)(?:[\s_-]|$)/;

export function findDate(doc: Document, page: PageMeta, opts: DateOptions): string | null {
  const fromLd = ldString(page.ld?.datePublished) ?? ldString(page.ld?.dateCreated);
  const machine = [fromLd, ...DATE_KEYS.map((k) => page.meta.get(k))];
  for (const v of machine) {
    const d = v ? parseMachineDate(v, opts) : null;
    if (d) return d;
  }
  const marked = findAll(
    doc,
    (e) =>
      attr(e, 'itemprop') === 'datePublished' || (e.name === 'time' && 'datetime' in e.attribs),
    5,
  );
  for (const el of marked) {
    const v = attr(el, 'datetime') || attr(el, 'content') || textOf(el, 200);
    const d = parseMachineDate(v, opts);
    if (d) return d;
  }
  const hinted = findAll(doc, (e) => DATE_CLASS.test(classId(e)), 30);
  for (const el of hinted) {
    const text = textOf(el, 300);
    const d = text.length <= 120 ? parseVisibleDate(text, opts) : null;
    if (d) return d;
  }
  return null;
}

const AUTHOR_CLASS =
  /(?:^|[\s_-])(?:author|authors|author-name|byline|by-line|writer|müəllif|muellif|avtor)(?:[\s_-]|$)/;
const AUTHOR_PREFIX = /^(?:by|from|müəllif|автор|yazar|text|mətn|текст)\s*:?\s+/iu;

export function findAuthor(doc: Document, page: PageMeta): string | null {
  const candidates: (string | null | undefined)[] = [
    ldName(page.ld?.author),
    page.meta.get('author'),
  ];
  const articleAuthor = page.meta.get('article:author');
  if (articleAuthor && !/^https?:/.test(articleAuthor)) candidates.push(articleAuthor);
  const el = findFirst(
    doc,
    (e) =>
      attr(e, 'itemprop') === 'author' ||
      attr(e, 'rel') === 'author' ||
      AUTHOR_CLASS.test(classId(e)),
  );
  if (el) candidates.push(authorText(el));
  for (const c of candidates) {
    const name = c ? normalizeSpace(c).replace(AUTHOR_PREFIX, '') : '';
    if (name && name.length <= 100 && !/^https?:/.test(name)) return name;
  }
  return null;
}

function authorText(el: Element): string {
  const named = findFirst(el, (e) => attr(e, 'itemprop') === 'name');
  return named ? attr(named, 'content') || textOf(named, 200) : textOf(el, 200);
}

function classId(el: Element): string {
  return `${attr(el, 'class')} ${attr(el, 'id')}`.toLowerCase();
}
