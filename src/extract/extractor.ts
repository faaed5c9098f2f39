// The Extractor: metadata first (it needs the untouched page), then either the source's
// selectors or the generic body finder.
import type { Extracted, Extractor, Selectors } from '../core/types.ts';
import { SkipItemError } from '../core/errors.ts';
import { collectBlocks } from './blocks.ts';
import { findBody } from './body.ts';
import { parseMachineDate, type DateOptions } from './dates.ts';
import { capHtml, normalizeSpace, parseHtml } from './dom.ts';
import { assertParseable } from './nesting.ts';
import { ldString, readJsonLd } from './json-ld.ts';
import {
  findAuthor,
  findCanonical,
  findDate,
  findLang,
  findTitle,
  readMeta,
  type PageMeta,
} from './metadata.ts';
import { applySelectors } from './selectors.ts';

export interface ExtractorOptions {
  /** Offset for page times printed without a zone; Baku time by default. */
  defaultOffset?: string;
}

const EMPTY: Extracted = {
  title: '',
  text: '',
  publishedAt: null,
  author: null,
  canonicalUrl: null,
  lang: null,
};

export function createExtractor(options: ExtractorOptions = {}): Extractor {
  const dateOpts: DateOptions = { defaultOffset: options.defaultOffset ?? '+04:00' };
  return {
    extract(html, opts) {
      assertHtmlLike(html);
      assertParseable(capHtml(html));
      try {
        return extractPage(html, dateOpts, opts?.url, opts?.selectors);
      } catch {
        // Odd markup must never stop a crawl: an empty result is counted as "no text".
        return { ...EMPTY };
      }
    },
  };
}

function extractPage(html: string, dateOpts: DateOptions, url?: string, selectors?: Selectors) {
  const doc = parseHtml(html);
  const page: PageMeta = { meta: readMeta(doc), ld: readJsonLd(doc) };
  const title = findTitle(doc, page);
  const result: Extracted = {
    title,
    text: '',
    publishedAt: findDate(doc, page, dateOpts),
    author: findAuthor(doc, page),
    canonicalUrl: findCanonical(doc, page, url),
    lang: findLang(doc, page),
  };
  if (selectors) {
    const parts = applySelectors(doc, selectors);
    if (parts.title) result.title = parts.title;
    if (parts.author) result.author = parts.author;
    if (parts.date)
      result.publishedAt = parseMachineDate(parts.date, dateOpts) ?? result.publishedAt;
    if (parts.text !== undefined) {
      result.text = parts.text;
      return result;
    }
  }
  const lines = findBody(collectBlocks(doc), title);
  result.text = preferJsonLdBody(lines.join('\n\n'), ldString(page.ld?.articleBody));
  return result;
}

/** JSON-LD articleBody wins when the DOM gave much less: scripts may render the body. */
function preferJsonLdBody(domText: string, ldBody: string | null): string {
  if (!ldBody) return domText;
  // Some sites put markup or entities inside articleBody.
  const markup = /<[a-z]|&#?\w+;/i.test(ldBody);
  if (markup && !isParseable(ldBody)) return domText;
  const ld = markup
    ? collectBlocks(parseHtml(ldBody))
        .blocks.map((b) => b.text)
        .join('\n\n')
    : ldBody
        .split(/\n\s*\n/)
        .map(normalizeSpace)
        .filter(Boolean)
        .join('\n\n');
  return ld.length > 200 && domText.length < ld.length * 0.5 ? ld : domText;
}

function isParseable(html: string): boolean {
  try {
    assertParseable(capHtml(html));
    return true;
  } catch {
    return false;
  }
}

/** Binary data (images, PDFs, archives) is not a page; skip it rather than guess. */
function assertHtmlLike(html: string): void {
  const head = html.slice(0, 1024);
  if (head.includes('\u0000') || head.startsWith('%PDF')) {
    throw new SkipItemError('not an HTML page (binary content)');
  }
}
