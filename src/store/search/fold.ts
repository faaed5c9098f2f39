// Search folding: one character in, one character out, so offsets in the folded text are
// offsets in the original (highlighting relies on it). Folds case the Azerbaijani way and
// maps Azerbaijani letters to their ASCII fallbacks, so "Eliyev" finds "Əliyev".

const SPECIAL: Record<string, string> = {
  İ: 'i',
  I: 'i',
  ı: 'i',
  Ə: 'e',
  ə: 'e',
  Ǝ: 'e',
  ǝ: 'e',
  Ä: 'e',
  ä: 'e',
  Ş: 's',
  ş: 's',
  Ç: 'c',
  ç: 'c',
  Ğ: 'g',
  ğ: 'g',
  Ö: 'o',
  ö: 'o',
  Ü: 'u',
  ü: 'u',
  Ё: 'е',
  ё: 'е',
  '’': "'",
  '‘': "'",
  ʼ: "'",
  '`': "'",
};

const cache = new Map<string, string>();

function foldChar(ch: string): string {
  const special = SPECIAL[ch];
  if (special !== undefined) return special;
  let out = cache.get(ch);
  if (out === undefined) {
    const lower = ch.toLowerCase();
    const plain = lower.normalize('NFD').replace(/\p{M}/gu, '');
    out = plain.length === 1 ? plain : lower.length === 1 ? lower : ch;
    cache.set(ch, out);
  }
  return out;
}

export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Fast path for ASCII digits, lower-case letters, space and punctuation.
    if (code < 128 && !(code >= 65 && code <= 90) && code !== 96) out += text[i];
    else out += foldChar(text[i]!);
  }
  return out;
}
