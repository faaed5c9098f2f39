// The hot loop: one pass over the text, folding each code unit through a table and
// hashing each word; a word costs one probe into the form table. Only words that are
// dictionary forms are recorded, with their case details.
import type { Compiled } from './compile.ts';
import { CASE, FOLD, GLUE, SKIP, wordEnd } from './fold.ts';

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

/** Hyphens glue an ending (YAP-ın) but also join two names into a bloc (Müsavat-AXCP). */
const isHyphen = (c: number) => c === 0x2d || c === 0x2010 || c === 0x2011;

/** Looks up the word text[start, end) (hash h); records a hit on a match. */
function probe(
  c: Compiled,
  text: string,
  start: number,
  end: number,
  h: number,
  ord: number,
  hits: Hits,
): boolean {
  const { table, hashes, mask, forms } = c;
  let slot = h & mask;
  let v: number;
  while ((v = table[slot]!) !== 0) {
    if (hashes[v - 1] === h && verify(text, start, end, forms[v - 1]!, hits)) {
      const j = hits.n - 1;
      hits.start[j] = start;
      hits.end[j] = end;
      hits.ord[j] = ord;
      hits.form[j] = v - 1;
      return true;
    }
    slot = (slot + 1) & mask;
  }
  return false;
}

export function scan(c: Compiled, text: string, hits: Hits): Hits {
  hits.n = 0;
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
    let hyphen = -1;
    while (i < n) {
      const g = FOLD[text.charCodeAt(i)]!;
      if (g > GLUE) {
        h = Math.imul(h ^ g, 0x01000193);
        i++;
      } else if (g === SKIP) i++;
      else if (g === GLUE && i + 1 < n && FOLD[text.charCodeAt(i + 1)]! > GLUE) {
        if (hyphen < 0 && isHyphen(text.charCodeAt(i))) hyphen = i;
        i++;
      } else break;
    }
    if (probe(c, text, start, i, h, ord, hits) || hyphen < 0) {
      ord++;
      continue;
    }
    // Not a form as a whole, but hyphenated: read its parts as words of their own, so a
    // bloc "Müsavat-AXCP" names both parties (and "AXCP-nin" after it keeps its ending).
    i = start;
    const end = wordEnd(text, start);
    while (i < end) {
      const partStart = i;
      let ph = 0x811c9dc5 | 0;
      while (i < end) {
        const code = text.charCodeAt(i);
        const g = FOLD[code]!;
        if (g > GLUE) {
          ph = Math.imul(ph ^ g, 0x01000193);
          i++;
        } else if (g === SKIP || (g === GLUE && !isHyphen(code))) i++;
        else break;
      }
      if (i > partStart) probe(c, text, partStart, i, ph, ord++, hits);
      i++; // the hyphen
    }
    i = end;
  }
  return hits;
}
