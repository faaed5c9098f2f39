// What the dictionary assistant looks for in stored texts. Each miner sees one text with
// the tagger's mentions and adds evidence for a form the dictionaries do not list yet.
import type { Mention } from '../../core/types.ts';
import type { Election } from '../election.ts';
import { foldText } from '../fold.ts';
import { withinDistance } from './edit-distance.ts';

export type SuggestionField = 'names' | 'abbreviations' | 'surnames';

export interface Evidence {
  /** Entity id, or null for a party-like name that fits no listed party. */
  entity: string | null;
  field: SuggestionField;
  form: string;
  why: string;
  example: string;
}

export interface MinerInput {
  text: string;
  mentions: Mention[];
  election: Election;
  /** Every listed form, folded (names, abbreviations, surnames, initials, titles). */
  known: Set<string>;
}

const CAP_WORD = "\\p{Lu}[\\p{L}\\p{M}'’-]*";
const covered = (mentions: Mention[], start: number, end: number) =>
  mentions.some((m) => m.start < end && start < m.end);

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('.', start) + 1, start - 120);
  const stop = text.indexOf('.', end);
  const to = stop < 0 ? Math.min(text.length, end + 120) : Math.min(stop + 1, end + 120);
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}

/** "… Partiyası (ADMP)": an abbreviation defined right after a listed party's name. */
export function abbreviationsInParentheses(x: MinerInput): Evidence[] {
  const out: Evidence[] = [];
  for (const m of x.mentions) {
    if (m.type !== 'party' || m.kind !== 'name') continue;
    const def = /^\s*\(\s*(\p{Lu}[\p{Lu}\p{M}]{1,9})\s*\)/u.exec(x.text.slice(m.end, m.end + 24));
    if (!def || x.known.has(foldText(def[1]!))) continue;
    out.push({
      entity: m.entity,
      field: 'abbreviations',
      form: def[1]!,
      why: 'defined in parentheses after the full name',
      example: sentenceAround(x.text, m.start, m.end + def[0].length),
    });
  }
  return out;
}

const PARTY_AFTER = new RegExp(
  `((?:${CAP_WORD}\\s+){1,5})(Partiyası|Partiyasının|Partiyasına|Party|Partisi|Partisi'nin)(?![\\p{L}])`,
  'gu',
);
const PARTY_RU =
  /(?:партия|партии|партию|партией)\s+«([^»]{3,60})»|«([^»]{3,60})»\s+(?:партия|партии)/giu;

/** Capitalised word runs next to partiya / party / partisi / партия that no mention covers. */
export function partyLikeNames(x: MinerInput): Evidence[] {
  const out: Evidence[] = [];
  for (const re of [PARTY_AFTER, PARTY_RU]) {
    re.lastIndex = 0;
    for (let m = re.exec(x.text); m; m = re.exec(x.text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (covered(x.mentions, start, end)) continue;
      const form = m[0].replace(/\s+/g, ' ').trim();
      if (x.known.has(foldText(form))) continue;
      out.push({
        entity: closestParty(x.election, form),
        field: 'names',
        form,
        why: 'a party-like name no dictionary form matches',
        example: sentenceAround(x.text, start, end),
      });
    }
  }
  return out;
}

/** The listed party sharing most (folded) words with a form, if any shares two. */
function closestParty(e: Election, form: string): string | null {
  const words = new Set(foldText(form).split(' '));
  let best: { id: string; n: number } | null = null;
  for (const p of e.entities.filter((x) => x.type === 'party')) {
    for (const name of p.names) {
      const n = foldText(name)
        .split(' ')
        .filter(
          (w) =>
            words.has(w) && !/^(partiyasi|party|partisi|partiya|azerbaycan|azerbaijan)$/.test(w),
        ).length;
      if (n >= 1 && (!best || n > best.n)) best = { id: p.id, n };
    }
  }
  return best?.id ?? null;
}

/**
 * Capitalised words a letter or two away from a candidate's listed surname, that no
 * mention covers: spellings the press uses and the dictionaries lack (Nurulayev).
 */
export function nearSpellings(x: MinerInput): Evidence[] {
  const out: Evidence[] = [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(${CAP_WORD})`, 'gu');
  for (let m = re.exec(x.text); m; m = re.exec(x.text)) {
    const word = m[1]!.replace(/['’-].*$/, '');
    if (word.length < 5) continue;
    const start = m.index;
    if (covered(x.mentions, start, start + word.length)) continue;
    const folded = foldText(word);
    if (x.known.has(folded)) continue;
    for (const c of x.election.entities) {
      if (c.type !== 'candidate') continue;
      const surnames = [...c.surnames, ...c.names.map((n) => n.split(/\s+/).at(-1)!)];
      const hit = surnames.some((s) => {
        const f = foldText(s);
        return f !== folded && withinDistance(folded, f, f.length >= 8 ? 2 : 1) !== null;
      });
      if (hit) {
        out.push({
          entity: c.id,
          field: 'surnames',
          form: word,
          why: 'a letter or two from a listed surname',
          example: sentenceAround(x.text, start, start + word.length),
        });
        break;
      }
    }
  }
  return out;
}

const PATRONYMIC = new RegExp(
  `(?<![\\p{L}])(?:${CAP_WORD}\\s+){1,2}(?:oğlu|oglu|qızı|qizi|оглы|кызы)(?:\\s+${CAP_WORD})?`,
  'gu',
);

/**
 * Official forms with a patronymic ("Razi Fəxrəddin oğlu Nurullayev", "Nurullayev Razi
 * Fəxrəddin oğlu") holding a candidate's first name and surname, not yet listed.
 */
export function patronymicForms(x: MinerInput): Evidence[] {
  const out: Evidence[] = [];
  PATRONYMIC.lastIndex = 0;
  for (let m = PATRONYMIC.exec(x.text); m; m = PATRONYMIC.exec(x.text)) {
    let start = m.index;
    let form = m[0];
    // A surname written first stands right before: "Nurullayev Razi Fəxrəddin oğlu".
    const prev = new RegExp(`(${CAP_WORD})\\s+$`, 'u').exec(
      x.text.slice(Math.max(0, start - 40), start),
    );
    if (prev) {
      start -= prev[0].length;
      form = `${prev[1]} ${form}`;
    }
    form = form.replace(/\s+/g, ' ').trim();
    const words = new Set(foldText(form).split(' '));
    if (x.known.has(foldText(form))) continue;
    for (const c of x.election.entities) {
      if (c.type !== 'candidate') continue;
      const first = foldText(c.name.split(/\s+/)[0]!);
      const surnames = [c.name.split(/\s+/).at(-1)!, ...c.surnames].map(foldText);
      if (words.has(first) && surnames.some((s) => words.has(s))) {
        out.push({
          entity: c.id,
          field: 'names',
          form,
          why: 'a patronymic form of a listed name',
          example: sentenceAround(x.text, start, start + form.length),
        });
        break;
      }
    }
  }
  return out;
}

export const MINERS = [abbreviationsInParentheses, partyLikeNames, nearSpellings, patronymicForms];
