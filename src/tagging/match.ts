// Phrase matching over the scanner's hits: at each hit the longest pattern whose words
// follow in consecutive words wins (so "Bütöv Azərbaycan Xalq Cəbhəsi Partiyası" is BAXCP,
// never AXCP, and "Heydər Əliyev Fondu" is the namesake, never the candidate).
import type { Compiled, PatternKind } from './compile.ts';
import type { Hits } from './scan.ts';

export interface RawMatch {
  kind: PatternKind;
  /** Owners sharing the pattern (a bare surname may belong to several people). */
  owners: number[];
  firstHit: number;
  lastHit: number;
  start: number;
  end: number;
}

const PRIORITY: Record<PatternKind, number> = {
  block: 5,
  name: 4,
  abbr: 3,
  initials: 3,
  title: 2,
  surname: 1,
};

export function matchPhrases(c: Compiled, hits: Hits): RawMatch[] {
  const out: RawMatch[] = [];
  const { formWords, byFirst } = c;
  let i = 0;
  while (i < hits.n) {
    let bestLen = 0;
    let bestKind: PatternKind = 'surname';
    let owners: number[] = [];
    for (const w of formWords[hits.form[i]!]!) {
      const patterns = byFirst.get(w);
      if (!patterns) continue;
      for (const p of patterns) {
        const len = p.words.length;
        if (len < bestLen) break;
        if (i + len > hits.n) continue;
        if (p.kind === 'abbr' && hits.upperLead[i]! < p.upper) continue;
        if (p.kind === 'initials' && (!hits.cap[i] || hits.letters[i] !== 1)) continue;
        let ok = true;
        for (let k = 1; k < len && ok; k++) {
          ok =
            hits.ord[i + k] === hits.ord[i]! + k &&
            formWords[hits.form[i + k]!]!.includes(p.words[k]!);
        }
        if (!ok) continue;
        if (len > bestLen || PRIORITY[p.kind] > PRIORITY[bestKind]) {
          bestLen = len;
          bestKind = p.kind;
          owners = [p.owner];
        } else if (PRIORITY[p.kind] === PRIORITY[bestKind] && !owners.includes(p.owner)) {
          owners.push(p.owner);
        }
      }
    }
    if (bestLen === 0) {
      i++;
      continue;
    }
    const last = i + bestLen - 1;
    out.push({
      kind: bestKind,
      owners,
      firstHit: i,
      lastHit: last,
      start: hits.start[i]!,
      end: hits.end[last]!,
    });
    i = last + 1;
  }
  return out;
}
