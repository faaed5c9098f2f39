// Sentence and lead boundaries, computed only around mentions.
const END = /[.!?…]/;
const MAX = 1500;

function isBoundary(doc: string, i: number): boolean {
  const ch = doc[i]!;
  if (ch === '\n') return true;
  if (!END.test(ch)) return false;
  const next = doc[i + 1];
  if (next !== undefined && !/[\s"»”)]/.test(next)) return false;
  // "İ. Əliyev", "Z. Oruc": a single capital letter before the dot is an initial.
  const prev = doc[i - 1];
  const prev2 = doc[i - 2];
  if (ch === '.' && prev && /\p{Lu}/u.test(prev) && (!prev2 || !/\p{L}/u.test(prev2))) return false;
  return true;
}

/** [start, end) of the sentence around pos, trimmed. */
export function sentenceAt(doc: string, pos: number): [number, number] {
  let s = pos;
  const sMin = Math.max(0, pos - MAX);
  while (s > sMin && !isBoundary(doc, s - 1)) s--;
  let e = pos;
  const eMax = Math.min(doc.length, pos + MAX);
  while (e < eMax && !isBoundary(doc, e)) e++;
  if (e < doc.length && doc[e] !== '\n') e++;
  while (s < e && /\s/.test(doc[s]!)) s++;
  while (e > s && /\s/.test(doc[e - 1]!)) e--;
  return [s, e];
}

/** End of the lead: the first paragraph of the text, at most its first two sentences. */
export function leadEnd(doc: string, textStart: number): number {
  let p = textStart;
  while (p < doc.length && /\s/.test(doc[p]!)) p++;
  const nl = doc.indexOf('\n', p);
  const paraEnd = nl === -1 ? doc.length : nl;
  let end = p;
  for (let k = 0; k < 2 && end < paraEnd; k++) {
    const [, e] = sentenceAt(doc, end);
    end = Math.max(e, end + 1);
    while (end < paraEnd && /\s/.test(doc[end]!)) end++;
  }
  return Math.min(end, paraEnd);
}
