// Tone of a sentence towards the subjects it mentions, from our lexicons: the sum of
// positive and negative stems, each flipped when negated (не, not, deyil, dəstəkləmir).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang, Tone } from '../core/types.ts';
import { toneLexiconSchema, type ToneLexiconFile } from './dictionary-schema.ts';
import { FOLD, GLUE, SEP, foldText, wordAt, wordEnd } from './fold.ts';
import { readYaml } from './yaml-file.ts';

export interface ToneLexicon {
  lang: string;
  version: string;
  /** Folded stem → +1 / -1; the longest stem that starts a word wins. */
  stems: Map<string, number>;
  /** Stems by a numeric key of their first three letters, longest first. */
  byPrefix: Map<number, [string, number][]>;
  /** Keys of the first three letters of the negators, to skip most words without a string. */
  negatorKeys: Set<number>;
  negators: Set<string>;
  verbNegation: boolean;
}

export type ToneLexicons = Map<string, ToneLexicon>;

export function compileLexicon(file: ToneLexiconFile): ToneLexicon {
  const stems = new Map<string, number>();
  for (const w of file.positive) stems.set(foldText(w), 1);
  for (const w of file.negative) stems.set(foldText(w), -1);
  const byPrefix = new Map<number, [string, number][]>();
  for (const [stem, p] of stems) {
    if (stem.length < 3) continue;
    const key = key3(stem.charCodeAt(0), stem.charCodeAt(1), stem.charCodeAt(2));
    const list = byPrefix.get(key) ?? [];
    list.push([stem, p]);
    byPrefix.set(key, list);
  }
  for (const list of byPrefix.values()) list.sort((a, b) => b[0].length - a[0].length);
  return {
    lang: file.lang,
    version: file.version,
    stems,
    byPrefix,
    negators: new Set(file.negators.map(foldText)),
    negatorKeys: new Set(file.negators.map(foldText).map((w) => keyOf(w))),
    verbNegation: file.verbNegation,
  };
}

/** Reads dictionaries/tone/*.yaml (one lexicon per language). */
export function loadToneLexicons(dir: string): ToneLexicons {
  const out: ToneLexicons = new Map();
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.yaml'))
    .sort()) {
    const lex = compileLexicon(readYaml(join(dir, f), toneLexiconSchema).value);
    out.set(lex.lang, lex);
  }
  return out;
}

// Azerbaijani/Turkish negative verb infix after a verb stem: -ma/-mə (dəstəkləmir,
// dəstəkləmədi, dəstəkləməyib) but not the infinitive -maq/-mək or the evidential -miş.
const VERB_NEG = /^m[aeiu](?![qks])/;
const AUX_NEG = /^(etm|olm)[aeiu](?![qks])/;

function key3(a: number, b: number, c: number): number {
  return (a * 4096 + (b || 0)) * 4096 + (c || 0);
}

function keyOf(w: string): number {
  return key3(w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(2));
}

function lookup(lex: ToneLexicon, word: string): [number, number] {
  if (word.length < 3) return [0, 0];
  const list = lex.byPrefix.get(keyOf(word));
  if (list) for (const [stem, p] of list) if (word.startsWith(stem)) return [p, stem.length];
  return [0, 0];
}

export function sentenceTone(lexicons: ToneLexicons, lang: Lang, sentence: string): Tone {
  const lex = pick(lexicons, lang);
  if (lex.length === 0) return 'neutral';
  const words = foldedWords(sentence, lex);
  let score = 0;
  for (const l of lex) {
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const [p, len] = lookup(l, w);
      if (p === 0) continue;
      let negated = false;
      for (let k = Math.max(0, i - 3); k < i; k++) if (l.negators.has(words[k]!)) negated = true;
      const next = words[i + 1];
      if (next !== undefined && l.verbNegation) {
        if (l.negators.has(next) || AUX_NEG.test(next)) negated = true;
      }
      if (l.verbNegation && VERB_NEG.test(w.slice(len))) negated = true;
      score += negated ? -p : p;
    }
  }
  return score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
}

/**
 * Folded words of a sentence; words that can be neither a tone stem nor a negator are
 * left as '' (no string is built for them), which keeps tone cheap.
 */
function foldedWords(s: string, lex: ToneLexicon[]): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (FOLD[s.charCodeAt(i)]! <= GLUE) {
      i++;
      continue;
    }
    // First three folded letters, skipping marks and glue.
    let j = i;
    let k = 0;
    const c: number[] = [0, 0, 0];
    while (j < n && k < 3) {
      const g = FOLD[s.charCodeAt(j)]!;
      if (g > GLUE) c[k++] = g;
      else if (g === SEP) break;
      j++;
    }
    const key = key3(c[0]!, c[1]!, c[2]!);
    const wanted =
      key === ETM || key === OLM || lex.some((l) => l.byPrefix.has(key) || l.negatorKeys.has(key));
    const end = wordEnd(s, i);
    out.push(wanted ? wordAt(s, i).folded : '');
    i = end;
  }
  return out;
}

const ETM = keyOf('etm');
const OLM = keyOf('olm');
const ALL = new WeakMap<ToneLexicons, ToneLexicon[]>();

function pick(lexicons: ToneLexicons, lang: Lang): ToneLexicon[] {
  const own = lexicons.get(lang) ?? (lang === 'tr' ? lexicons.get('az') : undefined);
  if (own) return [own];
  let all = ALL.get(lexicons);
  if (!all) ALL.set(lexicons, (all = [...lexicons.values()]));
  return all;
}
