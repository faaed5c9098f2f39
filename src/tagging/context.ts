// Small look-arounds used by the rules; they run only next to dictionary matches.
import { tokenize, type Token } from './fold.ts';

const SPAN = 80;

export function wordsBefore(doc: string, pos: number, k: number): Token[] {
  const from = Math.max(0, pos - SPAN);
  const toks = tokenize(doc.slice(from, pos));
  // The first token may be cut in half by the window; drop it unless the window is the doc start.
  if (from > 0 && toks.length > 0 && toks[0]!.start === 0) toks.shift();
  return toks.slice(-k).map((t) => ({ ...t, start: t.start + from, end: t.end + from }));
}

export function wordsAfter(doc: string, pos: number, k: number): Token[] {
  const to = Math.min(doc.length, pos + SPAN);
  const toks = tokenize(doc.slice(pos, to));
  if (to < doc.length && toks.length > 0 && toks.at(-1)!.end === to - pos) toks.pop();
  return toks.slice(0, k).map((t) => ({ ...t, start: t.start + pos, end: t.end + pos }));
}

/** Only spaces (and quotes) between a and b: the words belong together. */
export function tightGap(doc: string, a: number, b: number): boolean {
  if (b - a > 4) return false;
  for (let i = a; i < b; i++) if (!/[\s«»"“”„]/.test(doc[i]!)) return false;
  return true;
}

/** Words directly before pos (joined by spaces, folded) for n = 1..k, nearest first. */
export function phrasesBefore(doc: string, pos: number, k: number): string[] {
  const toks = wordsBefore(doc, pos, k);
  const out: string[] = [];
  let end = pos;
  for (let n = 1; n <= toks.length; n++) {
    const t = toks[toks.length - n]!;
    if (!tightGap(doc, t.end, end)) break;
    end = t.start;
    out.push(
      toks
        .slice(toks.length - n)
        .map((x) => x.folded)
        .join(' '),
    );
  }
  return out;
}

export function phrasesAfter(doc: string, pos: number, k: number): string[] {
  const toks = wordsAfter(doc, pos, k);
  const out: string[] = [];
  let start = pos;
  for (let n = 1; n <= toks.length; n++) {
    const t = toks[n - 1]!;
    if (!tightGap(doc, start, t.start)) break;
    start = t.end;
    out.push(
      toks
        .slice(0, n)
        .map((x) => x.folded)
        .join(' '),
    );
  }
  return out;
}

/** Nothing but spaces and quotes between the start of the sentence and pos. */
export function startsSentence(doc: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const ch = doc[i]!;
    if (/[\s«»"“”„(]/.test(ch)) {
      if (ch === '\n') return true;
      continue;
    }
    return /[.!?…:;]/.test(ch);
  }
  return true;
}
