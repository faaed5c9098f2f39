// Snippets with matched words wrapped in <mark>; everything else HTML-escaped, so crawled
// text can never inject markup into the dashboard.
import { fold } from './fold.ts';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Up to `max` snippets of about `width` characters around words starting with a term. */
export function highlight(text: string, terms: string[], max = 3, width = 160): string[] {
  if (!terms.length || !text) return [];
  const folded = fold(text);
  const hits: Array<[number, number]> = [];
  for (const m of folded.matchAll(WORD)) {
    const w = m[0];
    if (terms.some((t) => w.startsWith(t))) hits.push([m.index, m.index + w.length]);
  }
  const snippets: string[] = [];
  let i = 0;
  while (i < hits.length && snippets.length < max) {
    const [first] = hits[i]!;
    const from = Math.max(0, first - Math.floor(width / 3));
    const to = Math.min(text.length, from + width);
    let out = from > 0 ? '…' : '';
    let pos = from;
    while (i < hits.length && hits[i]![1] <= to) {
      const [s, e] = hits[i]!;
      out += escapeHtml(text.slice(pos, s)) + '<mark>' + escapeHtml(text.slice(s, e)) + '</mark>';
      pos = e;
      i++;
    }
    out += escapeHtml(text.slice(pos, to)) + (to < text.length ? '…' : '');
    snippets.push(out.replace(/\s+/g, ' '));
  }
  return snippets;
}
