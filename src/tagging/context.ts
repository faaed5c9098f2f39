// Small look-arounds used by the rules; they run only next to dictionary matches.
import { wordAfter, wordBefore, type Token } from './fold.ts';

export function wordsBefore(doc: string, pos: number, k: number): Token[] {
  const out: Token[] = [];
  let at = pos;
  while (out.length < k) {
    const t = wordBefore(doc, at);
    if (!t) break;
    out.unshift(t);
    at = t.start;
  }
  return out;
}

export function wordsAfter(doc: string, pos: number, k: number): Token[] {
  const out: Token[] = [];
  let at = pos;
  while (out.length < k) {
    const t = wordAfter(doc, at);
    if (!t) break;
    out.push(t);
    at = t.end;
  }
  return out;
}

function isGapChar(c: number): boolean {
  // space, tab, nbsp, quotes « » " “ ” „
  return (
    c === 32 ||
    c === 9 ||
    c === 160 ||
    c === 171 ||
    c === 187 ||
    c === 34 ||
    (c >= 0x201c && c <= 0x201e)
  );
}

/** Only spaces (and quotes) between a and b: the words belong together. */
export function tightGap(doc: string, a: number, b: number): boolean {
  if (b - a > 4) return false;
  for (let i = a; i < b; i++) if (!isGapChar(doc.charCodeAt(i))) return false;
  return true;
}

/** Words directly before pos (joined by spaces, folded) for n = 1..k, nearest first. */
export function phrasesBefore(doc: string, pos: number, k: number): string[] {
  const out: string[] = [];
  let end = pos;
  let phrase = '';
  for (let n = 1; n <= k; n++) {
    const t = wordBefore(doc, end, 8);
    if (!t || !tightGap(doc, t.end, end)) break;
    end = t.start;
    phrase = phrase ? `${t.folded} ${phrase}` : t.folded;
    out.push(phrase);
  }
  return out;
}

export function phrasesAfter(doc: string, pos: number, k: number): string[] {
  const out: string[] = [];
  let start = pos;
  let phrase = '';
  for (let n = 1; n <= k; n++) {
    const t = wordAfter(doc, start, 8);
    if (!t || !tightGap(doc, start, t.start)) break;
    start = t.end;
    phrase = phrase ? `${phrase} ${t.folded}` : t.folded;
    out.push(phrase);
  }
  return out;
}

/** Nothing but spaces and quotes between the start of the sentence and pos. */
export function startsSentence(doc: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const c = doc.charCodeAt(i);
    if (c === 10) return true;
    if (isGapChar(c) || c === 40 || c === 13) continue;
    // . ! ? … : ;
    return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 58 || c === 59;
  }
  return true;
}
