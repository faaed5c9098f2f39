// Small text helpers shared by the crawler kinds.
import { loadHtml } from '../src/extract/well-formed.ts';
import { createHash } from 'node:crypto';
import { assertParseable, CHEERIO_LIMITS } from '../src/extract/nesting.ts';

/** HTML fragment → plain text with paragraph breaks; entities decoded. */
export function htmlToText(fragment: string): string {
  if (!/[<&]/.test(fragment)) return fragment.trim();
  // cheerio's parser and its recursive .text() break on pathological nesting.
  assertParseable(fragment, 'text', CHEERIO_LIMITS);
  const $ = loadHtml(`<div id="x">${fragment}</div>`);
  $('script, style, noscript').remove();
  $('br').replaceWith('\n');
  $('p, div, li, h1, h2, h3, h4, blockquote').each((_i, el) => {
    $(el).append('\n\n');
  });
  return normaliseSpace($('#x').text());
}

/** A title with entities (even double-escaped ones such as "&amp;quot;") and tags removed. */
export function cleanTitle(raw: string | undefined | null): string {
  let s = raw ?? '';
  if (s.includes('<')) assertParseable(s, 'title', CHEERIO_LIMITS);
  for (let i = 0; i < 2 && /&(#\d+|#x[0-9a-f]+|[a-z]+);|</i.test(s); i++) {
    s = loadHtml(`<p>${s}</p>`)('p').text();
  }
  return s.replace(/\s+/g, ' ').trim();
}

export function normaliseSpace(s: string): string {
  return s
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
