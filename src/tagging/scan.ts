// The hot loop: one pass over the text, folding each code unit through a table and
// hashing each word; a word costs one probe into the form table. Only words that are
// dictionary forms are recorded, with their case details.
import type { Compiled } from './compile.ts';
import { CASE, FOLD, GLUE, SKIP } from './fold.ts';

export interface Hits {
  n: number;
  start: number[];
  end: number[];
  /** Ordinal of the word in the text; consecutive words have consecutive ordinals. */
  ord: number[];
  form: number[];
  cap: boolean[];
  upperLead: number[];
  letters: number[];
}

export function emptyHits(): Hits {
  return { n: 0, start: [], end: [], ord: [], form: [], cap: [], upperLead: [], letters: [] };
}

/** Compares the folded word at text[start, end) with a form; records case details on match. */
function verify(text: string, start: number, end: number, form: string, hits: Hits): boolean {
  let k = 0;
  let letters = 0;
  let upperLead = 0;
  let leading = true;
  let cap = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const g = FOLD[c]!;
    if (g <= GLUE) {
      if (g === GLUE) leading = false;
      continue;
    }
    if (form.charCodeAt(k++) !== g) return false;
    const kase = CASE[c]!;
    if (letters === 0) cap = kase === 1;
    if (leading && kase === 1) upperLead++;
    else leading = false;
    letters++;
  }
  if (k !== form.length) return false;
  const j = hits.n++;
  hits.cap[j] = cap;
  hits.upperLead[j] = upperLead;
  hits.letters[j] = letters;
  return true;
}

export function scan(c: Compiled, text: string, hits: Hits): Hits {
  hits.n = 0;
  const { table, hashes, mask, forms } = c;
  const n = text.length;
  let i = 0;
  let ord = 0;
  while (i < n) {
    if (FOLD[text.charCodeAt(i)]! <= GLUE) {
      i++;
      continue;
    }
    const start = i;
    let h = 0x811c9dc5 | 0;
    while (i < n) {
      const g = FOLD[text.charCodeAt(i)]!;
      if (g > GLUE) {
        h = Math.imul(h ^ g, 0x01000193);
        i++;
      } else if (g === SKIP) i++;
      else if (g === GLUE && i + 1 < n && FOLD[text.charCodeAt(i + 1)]! > GLUE) i++;
      else break;
    }
    let slot = h & mask;
    let v: number;
    while ((v = table[slot]!) !== 0) {
      if (hashes[v - 1] === h && verify(text, start, i, forms[v - 1]!, hits)) {
        const j = hits.n - 1;
        hits.start[j] = start;
        hits.end[j] = i;
        hits.ord[j] = ord;
        hits.form[j] = v - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
    ord++;
  }
  return hits;
}
