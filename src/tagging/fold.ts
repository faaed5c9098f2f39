// Character folding shared by dictionary compilation and text scanning. One table maps
// every UTF-16 code unit to its tolerant (ASCII-like) lower-case form, so "Əliyevin",
// "ƏLİYEVİN", "Eliyevin" and "Äliyevin" all fold to "eliyevin". Folding is 1:1 per code
// unit (combining marks are skipped), so offsets into the original text survive.

/** Code unit is not part of a word. */
export const SEP = 0;
/** Combining mark or invisible: skipped inside a word (İ written as I + U+0307). */
export const SKIP = 1;
/** Apostrophe or hyphen: joins a word and its ending (Aliyev'in, YAP-ın) when a letter follows. */
export const GLUE = 2;

/** Folded code unit (>= 32) or one of SEP / SKIP / GLUE. */
export const FOLD = new Uint16Array(65536);
/** 1 = upper-case letter, 2 = lower-case letter, 3 = other word character. */
export const CASE = new Uint8Array(65536);

const SPECIAL: Record<string, string> = {
  ə: 'e',
  Ə: 'e',
  ǝ: 'e',
  Ǝ: 'e',
  ä: 'e',
  Ä: 'e',
  ı: 'i',
  I: 'i',
  İ: 'i',
  // Cyrillic letters that look like Latin ones in both cases fold to the Latin letter, so
  // a Latin name typed with a look-alike ("Аliyev" with Cyrillic А) matches, and a Cyrillic
  // name folds the same way in the dictionary and in the text ("Алиев" → "aлиeв").
  а: 'a',
  А: 'a',
  е: 'e',
  Е: 'e',
  ё: 'e',
  Ё: 'e',
  о: 'o',
  О: 'o',
  р: 'p',
  Р: 'p',
  с: 'c',
  С: 'c',
  у: 'y',
  У: 'y',
  х: 'x',
  Х: 'x',
  і: 'i',
  І: 'i',
  ј: 'j',
  Ј: 'j',
  ѕ: 's',
  Ѕ: 's',
  һ: 'h',
  Һ: 'h',
  й: 'и',
  Й: 'и',
  ß: 's',
};

function build(): void {
  const letterish = /[\p{L}\p{N}]/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (!letterish.test(ch)) continue;
    const special = SPECIAL[ch];
    let folded: string;
    if (special !== undefined) folded = special;
    else {
      const base = ch.normalize('NFD').charAt(0);
      folded = base.toLocaleLowerCase('az');
      if (folded.length !== 1) folded = ch.toLowerCase();
      if (folded.length !== 1) folded = ch;
    }
    FOLD[c] = folded.charCodeAt(0);
    const lower = ch.toLocaleLowerCase('az');
    const upper = ch.toLocaleUpperCase('az');
    CASE[c] = lower !== ch ? 1 : upper !== ch ? 2 : 3;
  }
  for (let c = 0x300; c <= 0x36f; c++) FOLD[c] = SKIP;
  for (const c of [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) FOLD[c] = SKIP;
  for (const ch of "'’‘ʼʻ`´′-‐‑") FOLD[ch.charCodeAt(0)] = GLUE;
}
build();

/** True when the code unit continues a word. */
export function isWordUnit(c: number): boolean {
  return FOLD[c]! > GLUE;
}

/** Folds a word or phrase the same way the scanner folds text (words joined by one space). */
export function foldText(s: string): string {
  return tokenize(s)
    .map((t) => t.folded)
    .join(' ');
}

export interface Token {
  start: number;
  end: number;
  folded: string;
  /** First letter is upper case. */
  cap: boolean;
  /** Count of leading upper-case letters (YAP-ın → 3). */
  upperLead: number;
  /** Letters in the token (ignoring skipped marks and glue). */
  letters: number;
}

const codes: number[] = [];

/** Reads the word starting at i (FOLD[s[i]] > GLUE); also used for look-arounds. */
export function wordAt(s: string, i: number): Token {
  const n = s.length;
  const start = i;
  codes.length = 0;
  let upperLead = 0;
  let leading = true;
  let cap = false;
  while (i < n) {
    const c = s.charCodeAt(i);
    const g = FOLD[c]!;
    if (g > GLUE) {
      const k = CASE[c]!;
      if (codes.length === 0) cap = k === 1;
      if (leading && k === 1) upperLead++;
      else leading = false;
      codes.push(g);
      i++;
    } else if (g === SKIP) i++;
    else if (g === GLUE && i + 1 < n && FOLD[s.charCodeAt(i + 1)]! > GLUE) {
      leading = false;
      i++;
    } else break;
  }
  return { start, end: i, folded: fromCodes(codes), cap, upperLead, letters: codes.length };
}

/** Above ~100,000 arguments fromCharCode.apply overflows the stack (a 123 KB "word"). */
const CHUNK = 8192;

function fromCodes(codes: number[]): string {
  if (codes.length <= CHUNK) return String.fromCharCode.apply(null, codes);
  let out = '';
  for (let i = 0; i < codes.length; i += CHUNK)
    out += String.fromCharCode.apply(null, codes.slice(i, i + CHUNK));
  return out;
}

/** End of the word starting at i, without building its string. */
export function wordEnd(s: string, i: number): number {
  const n = s.length;
  while (i < n) {
    const g = FOLD[s.charCodeAt(i)]!;
    if (g > GLUE || g === SKIP) i++;
    else if (g === GLUE && i + 1 < n && FOLD[s.charCodeAt(i + 1)]! > GLUE) i++;
    else break;
  }
  return i;
}

/** Splits text into folded word tokens. Used for dictionaries and the slower paths. */
export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (FOLD[s.charCodeAt(i)]! <= GLUE) {
      i++;
      continue;
    }
    const t = wordAt(s, i);
    out.push(t);
    i = t.end;
  }
  return out;
}

/** The word ending at or before pos (skipping separators), or undefined. */
export function wordBefore(s: string, pos: number, limit = 60): Token | undefined {
  let i = pos - 1;
  const stop = Math.max(0, pos - limit);
  while (i >= stop && FOLD[s.charCodeAt(i)]! <= GLUE) i--;
  if (i < stop) return undefined;
  // Walk back to the word's first unit (glue counts when letters stand on both sides).
  while (i > 0) {
    const g = FOLD[s.charCodeAt(i - 1)]!;
    if (g > GLUE || g === SKIP) i--;
    else if (g === GLUE && i > 1 && FOLD[s.charCodeAt(i - 2)]! > GLUE) i--;
    else break;
  }
  while (FOLD[s.charCodeAt(i)]! <= GLUE) i++;
  return wordAt(s, i);
}

/** The first word starting at or after pos, or undefined. */
export function wordAfter(s: string, pos: number, limit = 60): Token | undefined {
  let i = pos;
  const stop = Math.min(s.length, pos + limit);
  while (i < stop && FOLD[s.charCodeAt(i)]! <= GLUE) i++;
  return i < stop ? wordAt(s, i) : undefined;
}

/** FNV-1a over folded code units; the scanner computes the same hash incrementally. */
export function hashFolded(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
