// Tone of a sentence towards the subjects it mentions, from our lexicons: the sum of
// positive and negative stems, each flipped when negated (не, not, deyil, dəstəkləmir).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang, Tone } from '../core/types.ts';
import { toneLexiconSchema, type ToneLexiconFile } from './dictionary-schema.ts';
import { foldText, tokenize } from './fold.ts';
import { readYaml } from './yaml-file.ts';

export interface ToneLexicon {
  lang: string;
  version: string;
  /** Folded stem → +1 / -1; the longest stem that starts a word wins. */
  stems: Map<string, number>;
  maxLen: number;
  negators: Set<string>;
  verbNegation: boolean;
}

export type ToneLexicons = Map<string, ToneLexicon>;

export function compileLexicon(file: ToneLexiconFile): ToneLexicon {
  const stems = new Map<string, number>();
  for (const w of file.positive) stems.set(foldText(w), 1);
  for (const w of file.negative) stems.set(foldText(w), -1);
  const maxLen = Math.max(0, ...[...stems.keys()].map((k) => k.length));
  return {
    lang: file.lang,
    version: file.version,
    stems,
    maxLen,
    negators: new Set(file.negators.map(foldText)),
    verbNegation: file.verbNegation,
  };
}

/** Reads dictionaries/tone/*.yaml (one lexicon per language). */
export function loadToneLexicons(dir: string): ToneLexicons {
  const out: ToneLexicons = new Map();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml')).sort()) {
    const lex = compileLexicon(readYaml(join(dir, f), toneLexiconSchema).value);
    out.set(lex.lang, lex);
  }
  return out;
}

// Azerbaijani/Turkish negative verb infix after a verb stem: -ma/-mə (dəstəkləmir,
// dəstəkləmədi, dəstəkləməyib) but not the infinitive -maq/-mək or the evidential -miş.
const VERB_NEG = /^m[aeiu](?![qks])/;
const AUX_NEG = /^(etm|olm)[aeiu](?![qks])/;

function lookup(lex: ToneLexicon, word: string): [number, number] {
  for (let l = Math.min(word.length, lex.maxLen); l >= 3; l--) {
    const p = lex.stems.get(word.slice(0, l));
    if (p !== undefined) return [p, l];
  }
  return [0, 0];
}

export function sentenceTone(lexicons: ToneLexicons, lang: Lang, sentence: string): Tone {
  const lex = pick(lexicons, lang);
  if (lex.length === 0) return 'neutral';
  const words = tokenize(sentence).map((t) => t.folded);
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

function pick(lexicons: ToneLexicons, lang: Lang): ToneLexicon[] {
  const own = lexicons.get(lang) ?? (lang === 'tr' ? lexicons.get('az') : undefined);
  return own ? [own] : [...lexicons.values()];
}
