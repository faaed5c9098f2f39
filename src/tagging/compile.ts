// Compiles an election's dictionaries into a form table (every inflected form of every
// dictionary word → word ids) and phrase patterns over word ids, so that tagging is a
// single scan with one hash probe per token.
import type { EntityType } from '../core/types.ts';
import type { Election } from './election.ts';
import { abbreviationEndings, isCyrillic, russianForms, turkicEndings } from './endings.ts';
import { foldText, hashFolded, tokenize } from './fold.ts';

export type PatternKind = 'name' | 'abbr' | 'initials' | 'surname' | 'title' | 'block';

export interface Owner {
  id: string;
  /** null for namesakes and other organisations: they block, and settle surnames. */
  type: EntityType | null;
  commonWord: boolean;
  firstNameToo: boolean;
  /** Folded next words that show a bare surname means something else. */
  notBefore: Set<string>;
}

export interface Pattern {
  owner: number;
  kind: PatternKind;
  words: number[];
  /** Upper-case letters the first token must start with (abbreviations). */
  upper: number;
}

export interface Compiled {
  owners: Owner[];
  forms: string[];
  /** Word ids accepting each form. */
  formWords: number[][];
  /** Open-addressing table: slot → form index + 1. */
  table: Int32Array;
  hashes: Int32Array;
  mask: number;
  /** Patterns by first word id, longest first. */
  byFirst: Map<number, Pattern[]>;
  /** Folded phrase sets for the title rules (words joined by a space, endings included). */
  foreignBefore: Set<string>;
  foreignAfter: Set<string>;
  settles: Set<string>;
  incumbent: number;
}

type Mode = 'exact' | 'turkic' | 'ru' | 'abbr';

/** Folded forms of one word in a mode. */
function formsOf(word: string, mode: Mode): string[] {
  const base = foldText(word);
  if (mode === 'exact') return [base];
  if (mode === 'ru') return russianForms(word).map(foldText);
  const endings = mode === 'abbr' ? abbreviationEndings() : turkicEndings(word);
  return [base, ...endings.map((e) => base + foldText(e))];
}

/** All phrase strings (words joined by spaces) a rule phrase accepts. */
export function phraseVariants(phrase: string): string[] {
  const words = phrase.split(/\s+/).filter(Boolean);
  const ru = isCyrillic(phrase);
  const lists = words.map((w, i) =>
    formsOf(w, ru ? 'ru' : i === words.length - 1 ? 'turkic' : 'exact'),
  );
  let out = [''];
  for (const list of lists) out = out.flatMap((p) => list.map((f) => (p ? `${p} ${f}` : f)));
  return out;
}

export function compileElection(election: Election): Compiled {
  const owners: Owner[] = [];
  const wordIds = new Map<string, number>();
  const formIndex = new Map<string, number>();
  const forms: string[] = [];
  const formWords: number[][] = [];
  const byFirst = new Map<number, Pattern[]>();

  const wordId = (word: string, mode: Mode): number => {
    const key = `${foldText(word)}|${mode}`;
    let id = wordIds.get(key);
    if (id !== undefined) return id;
    id = wordIds.size;
    wordIds.set(key, id);
    for (const f of formsOf(word, mode)) {
      if (!f || f.includes(' ')) continue;
      let fi = formIndex.get(f);
      if (fi === undefined) {
        fi = forms.length;
        formIndex.set(f, fi);
        forms.push(f);
        formWords.push([]);
      }
      const list = formWords[fi]!;
      if (!list.includes(id)) list.push(id);
    }
    return id;
  };

  const add = (owner: number, kind: PatternKind, phrase: string) => {
    // Word boundaries as the scanner sees them (Z.Oruc → z, oruc; YAP-ın stays one word).
    const words = tokenize(phrase).map((t) => phrase.slice(t.start, t.end));
    if (words.length === 0) return;
    const ru = isCyrillic(phrase);
    const ids = words.map((w, i) => {
      if (kind === 'abbr') return wordId(w, 'abbr');
      if (ru) return wordId(w, 'ru');
      return wordId(w, i === words.length - 1 ? 'turkic' : 'exact');
    });
    const upper = kind === 'abbr' ? tokenize(phrase)[0]!.letters : 0;
    const p: Pattern = { owner, kind, words: ids, upper };
    const list = byFirst.get(ids[0]!) ?? [];
    list.push(p);
    byFirst.set(ids[0]!, list);
  };

  const ownerOf = (
    id: string,
    type: EntityType | null,
    rules?: { commonWord: boolean; firstNameToo: boolean; notBefore: string[] },
  ) => {
    owners.push({
      id,
      type,
      commonWord: rules?.commonWord ?? false,
      firstNameToo: rules?.firstNameToo ?? false,
      notBefore: new Set((rules?.notBefore ?? []).flatMap(phraseVariants)),
    });
    return owners.length - 1;
  };

  let incumbent = -1;
  for (const e of election.entities) {
    const o = ownerOf(e.id, e.type, e.surnameRules);
    if (e.id === election.incumbent) incumbent = o;
    for (const n of e.names) add(o, 'name', n);
    for (const n of e.initials) add(o, 'initials', n);
    for (const n of e.abbreviations) add(o, 'abbr', n);
    for (const n of e.surnames) add(o, 'surname', n);
    for (const n of e.titles) add(o, 'title', n);
  }
  for (const n of election.namesakes) {
    const o = ownerOf(n.id, null, n.surnameRules);
    for (const x of n.names) add(o, 'block', x);
    for (const x of n.initials) add(o, 'initials', x);
    for (const x of n.surnames) add(o, 'surname', x);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);

  const size = 1 << Math.ceil(Math.log2(Math.max(16, forms.length * 4)));
  const table = new Int32Array(size);
  const hashes = new Int32Array(forms.length);
  forms.forEach((f, i) => {
    const h = hashFolded(f);
    hashes[i] = h;
    let slot = h & (size - 1);
    while (table[slot] !== 0) slot = (slot + 1) & (size - 1);
    table[slot] = i + 1;
  });
  const set = (list: string[]) => new Set(list.flatMap(phraseVariants));
  return {
    owners,
    forms,
    formWords,
    table,
    hashes,
    mask: size - 1,
    byFirst,
    foreignBefore: set(election.titleRules.foreignBefore),
    foreignAfter: set(election.titleRules.foreignAfter),
    settles: set(election.titleRules.settles),
    incumbent,
  };
}
