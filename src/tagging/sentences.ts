// Sentence and lead boundaries, computed only around mentions.
const MAX = 1500;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 160;
}

function isUpperAscii(c: number): boolean {
  return (c >= 65 && c <= 90) || c === 0x130 || c === 0x18f || c === 0x18e;
}

function isBoundary(doc: string, i: number): boolean {
  const c = doc.charCodeAt(i);
  if (c === 10) return true;
  // . ! ? …
  if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) return false;
  const next = doc.charCodeAt(i + 1);
  // Followed by space, a closing quote or the end.
  if (
    !Number.isNaN(next) &&
    !isSpace(next) &&
    next !== 34 &&
    next !== 187 &&
    next !== 0x201d &&
    next !== 41
  ) {
    return false;
  }
  // "İ. Əliyev", "Z. Oruc": a single capital letter before the dot is an initial.
  if (c === 46 && i > 0) {
    const prev = doc.charCodeAt(i - 1);
    const prev2 = i > 1 ? doc.charCodeAt(i - 2) : 32;
    if (
      (isUpperAscii(prev) || (prev >= 0x410 && prev <= 0x42f)) &&
      (isSpace(prev2) || prev2 === 46)
    ) {
      return false;
    }
  }
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
  if (e < doc.length && doc.charCodeAt(e) !== 10) e++;
  while (s < e && isSpace(doc.charCodeAt(s))) s++;
  while (e > s && isSpace(doc.charCodeAt(e - 1))) e--;
  return [s, e];
}

/** End of the lead: the first paragraph of the text, at most its first two sentences. */
export function leadEnd(doc: string, textStart: number): number {
  let p = textStart;
  while (p < doc.length && isSpace(doc.charCodeAt(p))) p++;
  const nl = doc.indexOf('\n', p);
  const paraEnd = nl === -1 ? doc.length : nl;
  let end = p;
  for (let k = 0; k < 2 && end < paraEnd; k++) {
    const [, e] = sentenceAt(doc, end);
    end = Math.max(e, end + 1);
    while (end < paraEnd && isSpace(doc.charCodeAt(end))) end++;
  }
  return Math.min(end, paraEnd);
}
