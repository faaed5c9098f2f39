// Per-source CSS selectors. The operator knows the site, so we take what the selectors
// point at; anything they do not give (or that matches nothing) falls back to generic.
import { load } from 'cheerio/slim';
import type { Document, Element } from 'domhandler';
import type { Selectors } from '../core/types.ts';
import { collectBlocks } from './blocks.ts';
import { attr, normalizeSpace } from './dom.ts';

export interface SelectedParts {
  title?: string;
  text?: string;
  date?: string;
  author?: string;
}

/** Applies `remove` to the document in place and reads the selected parts. */
export function applySelectors(doc: Document, sel: Selectors): SelectedParts {
  const $ = load(doc);
  const out: SelectedParts = {};
  const safe = (css: string | undefined): Element[] => {
    if (!css) return [];
    try {
      return $(css)
        .toArray()
        .filter((n): n is Element => n.type === 'tag' || n.type === 'script');
    } catch {
      return []; // A bad selector in the source list must not stop the crawl.
    }
  };
  for (const css of sel.remove ?? []) for (const el of safe(css)) $(el).remove();

  const title = safe(sel.title)[0];
  if (title) out.title = normalizeSpace($(title).text());
  const bodies = safe(sel.body);
  if (bodies.length > 0) {
    const lines = bodies.flatMap((el) => collectBlocks(el).blocks.map((b) => b.text));
    out.text = lines.join('\n\n');
  }
  const date = safe(sel.date)[0];
  if (date) {
    out.date = attr(date, 'datetime') || attr(date, 'content') || normalizeSpace($(date).text());
  }
  const author = safe(sel.author)[0];
  if (author) out.author = normalizeSpace($(author).text());
  return out;
}
