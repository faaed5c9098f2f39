// An abbreviation that a text defines right after naming a party in full, as press and
// agencies do ("Azərbaycan Demokratik Maarifçilik Partiyası (ADMP)"), counts for that
// party in the rest of the text, with any ending (ADMP-nin, ADMP's). Only upper-case
// abbreviations of 2–10 letters, only after a party's full name, only later in the text.
import type { Compiled } from './compile.ts';
import type { Ref } from './resolve.ts';

const DEFINITION = /^\s*\(\s*(\p{Lu}[\p{Lu}\p{M}]{1,9})\s*\)/u;

export function withDefinedAbbreviations(c: Compiled, doc: string, refs: Ref[]): Ref[] {
  const added: Ref[] = [];
  for (const r of refs) {
    if (r.kind !== 'name' || c.owners[r.owner]!.type !== 'party') continue;
    const m = DEFINITION.exec(doc.slice(r.end, r.end + 24));
    if (!m) continue;
    const abbr = m[1]!;
    const from = r.end + m[0].length;
    const uses = new RegExp(
      `(?<![\\p{L}\\p{N}])${abbr}(?:['’‘ʼ-]\\p{L}+)?(?![\\p{L}\\p{N}])`,
      'gu',
    );
    uses.lastIndex = from;
    for (let u = uses.exec(doc); u; u = uses.exec(doc)) {
      const start = u.index;
      const end = start + u[0].length;
      const taken = (x: Ref) => x.start < end && start < x.end;
      if (!refs.some(taken) && !added.some(taken))
        added.push({ owner: r.owner, kind: 'name', start, end });
    }
  }
  if (!added.length) return refs;
  return [...refs, ...added].sort((a, b) => a.start - b.start);
}
