// Inflected forms generated from dictionary words, so matching is one hash lookup per
// token. Azerbaijani (and Turkish) endings follow vowel harmony on the unfolded word:
// Əliyev → Əliyevin, Əliyevə (never Əliyeva); Partiyası → Partiyasının, Partiyasına.
// Russian words get the usual noun, surname and adjective case endings.

const BACK = new Set(['a', 'ı', 'o', 'u']);
const VOWELS = new Set(['a', 'ı', 'o', 'u', 'e', 'ə', 'i', 'ö', 'ü']);

/** Suffix templates: A = a/ə, I = ı/i/u/ü, D = d/t. */
// Possessive + case (Komandanının) is included; plural is not (Əliyevlər is a family).
const AFTER_CONSONANT = [
  'In',
  'A',
  'I',
  'DA',
  'DAn',
  'lA',
  'DIr',
  'DAkI',
  'IndIr',
  's',
  'InIn',
  'InA',
  'InI',
  'InDA',
  'InDAn',
];
const AFTER_VOWEL = [
  'nIn',
  'yA',
  'nI',
  'DA',
  'DAn',
  'ylA',
  'DIr',
  'nA',
  'nDA',
  'nDAn',
  'DAkI',
  'nDAkI',
  'lA',
  'nIndIr',
  's',
];

function lastVowel(word: string): string | undefined {
  for (let i = word.length - 1; i >= 0; i--) {
    const ch = word[i]!;
    if (VOWELS.has(ch)) return ch;
  }
  return undefined;
}

function fourWay(v: string): string {
  if (v === 'a' || v === 'ı') return 'ı';
  if (v === 'o' || v === 'u') return 'u';
  if (v === 'ö' || v === 'ü') return 'ü';
  return 'i';
}

function expand(template: string, v: string): string[] {
  const a = BACK.has(v) ? 'a' : 'ə';
  const i = fourWay(v);
  const base = template.replaceAll('A', a).replaceAll('I', i);
  if (!base.includes('D')) return [base];
  // Turkish devoices d after voiceless consonants (Oruç'ta); generate both.
  return [base.replaceAll('D', 'd'), base.replaceAll('D', 't')];
}

/** Azerbaijani/Turkish endings for a Latin-script word (lower-cased, az locale). */
export function turkicEndings(word: string): string[] {
  const lower = word.toLocaleLowerCase('az');
  const v = lastVowel(lower) ?? 'a';
  const endsInVowel = VOWELS.has(lower.at(-1) ?? '');
  const templates = endsInVowel ? AFTER_VOWEL : AFTER_CONSONANT;
  const out = new Set<string>();
  for (const t of templates) for (const e of expand(t, v)) out.add(e);
  return [...out];
}

/**
 * Every ending under any harmony: abbreviations are read letter by letter or as words.
 * English possessive 's too (YAP's): abbreviations count only in upper case, so "YAPs"
 * cannot be a common word.
 */
export function abbreviationEndings(): string[] {
  const out = new Set<string>(['s']);
  for (const v of ['a', 'e', 'o', 'ö']) {
    for (const t of [...AFTER_CONSONANT, ...AFTER_VOWEL]) {
      if (t === 's') continue;
      for (const e of expand(t, v)) out.add(e);
    }
  }
  return [...out];
}

const RU_CONSONANT = ['', 'а', 'у', 'ом', 'ым', 'е', 'ы', 'ов', 'ам', 'ами', 'ах', 'ем'];
const RU_A = ['а', 'ы', 'и', 'е', 'у', 'ой', 'ою', 'ей', 'ю', 'я'];
const RU_IA = ['ия', 'ии', 'ию', 'ией', 'иях', 'иям'];
const RU_ADJ = [
  'ый',
  'ий',
  'ой',
  'ого',
  'его',
  'ому',
  'ему',
  'ым',
  'им',
  'ом',
  'ем',
  'ая',
  'яя',
  'ую',
  'юю',
  'ые',
  'ие',
  'ых',
  'их',
  'ыми',
  'ими',
  'ое',
  'ее',
];
const RU_FEM_ADJ = ['ая', 'ой', 'ую', 'ые', 'ых', 'ую'];

/** Russian case forms of one word (the word itself included). */
export function russianForms(word: string): string[] {
  const w = word.toLowerCase();
  const stem = (n: number) => w.slice(0, w.length - n);
  let forms: string[];
  if (/(ый|ий|ой)$/.test(w) && w.length > 4) forms = RU_ADJ.map((e) => stem(2) + e);
  else if (/ая$/.test(w) && w.length > 4) forms = RU_FEM_ADJ.map((e) => stem(2) + e);
  else if (/ия$/.test(w)) forms = RU_IA.map((e) => stem(2) + e);
  else if (/[ая]$/.test(w)) forms = RU_A.map((e) => stem(1) + e);
  else if (/ь$/.test(w)) forms = ['ь', 'я', 'ю', 'ем', 'е', 'и'].map((e) => stem(1) + e);
  else if (/й$/.test(w)) forms = ['й', 'я', 'ю', 'ем', 'е'].map((e) => stem(1) + e);
  else if (/[иоуеюэы]$/.test(w)) forms = [w];
  else forms = RU_CONSONANT.map((e) => w + e);
  return [...new Set([w, ...forms])];
}

export function isCyrillic(s: string): boolean {
  return /[\u0400-\u04ff]/.test(s);
}
