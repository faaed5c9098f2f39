// cheerio's HTML parser (parse5) throws a RangeError on a lone UTF-16 surrogate followed
// by other astral characters. Decoded web pages never hold one, but JSON imports can
// ("\udfff"), so every cheerio load of outside text goes through here.
import * as cheerio from 'cheerio';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with each unpaired surrogate replaced by U+FFFD, as a decoder would. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** cheerio.load of text that may hold unpaired surrogates. */
export function loadHtml(
  html: string,
  options?: Parameters<typeof cheerio.load>[1],
): ReturnType<typeof cheerio.load> {
  return cheerio.load(wellFormed(html), options);
}
