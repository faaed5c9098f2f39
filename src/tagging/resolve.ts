// Turns raw phrase matches into counted references: names count; namesakes only block;
// bare surnames count when context settles who is meant; titles count for the incumbent
// unless another president (or no person) is meant.
import type { Compiled } from './compile.ts';
import type { RawMatch } from './match.ts';
import { phrasesAfter, phrasesBefore, tightGap, wordsAfter, wordsBefore } from './context.ts';
import { FUNCTION_WORDS } from './function-words.ts';
import type { Hits } from './scan.ts';

export interface Ref {
  owner: number;
  kind: 'name' | 'title';
  start: number;
  end: number;
}

const CASE_ENDING = /(da|de|dan|den|ta|te|tan|ten|ya|ye|nin|nun)$/;
const OWN_GENITIVES = new Set([
  'azerbaycanin',
  'respublikasinin',
  'olkenin',
  'olkemizin',
  'dovletin',
]);

function anyIn(set: Set<string>, phrases: string[]): boolean {
  return phrases.some((p) => set.has(p));
}

/** A capitalised word right before a bare surname reads as another person's first name. */
function otherFirstName(doc: string, start: number): boolean {
  const prev = wordsBefore(doc, start, 1)[0];
  if (!prev || !prev.cap || !tightGap(doc, prev.end, start)) return false;
  if (prev.letters === 1) return true; // R.Əliyev: someone else's initial
  if (FUNCTION_WORDS.has(prev.folded)) return false;
  // "Bakıda Əliyev ...": an inflected word is a place or thing, not a first name.
  return !CASE_ENDING.test(prev.folded);
}

function surnameAllowed(c: Compiled, doc: string, m: RawMatch, hits: Hits): boolean {
  const owners = m.owners.map((o) => c.owners[o]!);
  if (owners.some((o) => o.commonWord) && !hits.cap[m.firstHit]) return false;
  const after = phrasesAfter(doc, m.end, 2);
  if (owners.some((o) => anyIn(o.notBefore, after))) return false;
  if (owners.some((o) => o.firstNameToo)) {
    const next = wordsAfter(doc, m.end, 1)[0];
    if (next && next.cap && tightGap(doc, m.end, next.start)) return false;
  }
  return true;
}

function titleAllowed(c: Compiled, doc: string, m: RawMatch, next: RawMatch | undefined): boolean {
  if (next && next.kind !== 'title' && tightGap(doc, m.end, next.start)) return false;
  const before = phrasesBefore(doc, m.start, 3);
  if (anyIn(c.foreignBefore, before)) return false;
  const after = phrasesAfter(doc, m.end, 3);
  // Only a one-word title can be attributive ("prezident seçkiləri"); "dövlət başçısı" cannot.
  if (m.firstHit === m.lastHit && anyIn(c.foreignAfter, after)) return false;
  // "the president of the federation": an English title owned by anything but Azerbaijan.
  if (after[0] === 'of' && !(after[1] ?? '').startsWith('azerbaijan')) return false;
  // "şirkətin prezidenti": a title owned by some other genitive is not the head of state.
  const own = wordsBefore(doc, m.start, 1)[0];
  const title = doc.slice(m.start, m.end).toLocaleLowerCase('az');
  if (own && /(i|ı|u|ü)$/.test(title) && /(in|un|nin|nun)$/.test(own.folded)) {
    if (!OWN_GENITIVES.has(own.folded) && tightGap(doc, own.end, m.start)) return false;
  }
  return true;
}

export function resolve(c: Compiled, doc: string, matches: RawMatch[], hits: Hits): Ref[] {
  const refs: Ref[] = [];
  // Full references to people (candidates and namesakes) settle later bare surnames.
  const named: { owner: number; at: number }[] = [];
  for (const m of matches) {
    if (m.kind === 'name' || m.kind === 'initials' || m.kind === 'block') {
      named.push({ owner: m.owners[0]!, at: m.start });
    }
  }
  matches.forEach((m, idx) => {
    const owner = m.owners[0]!;
    switch (m.kind) {
      case 'name':
      case 'abbr':
      case 'initials':
        if (c.owners[owner]!.type) refs.push({ owner, kind: 'name', start: m.start, end: m.end });
        return;
      case 'title':
        if (owner === c.incumbent && titleAllowed(c, doc, m, matches[idx + 1])) {
          refs.push({ owner, kind: 'title', start: m.start, end: m.end });
        }
        return;
      case 'surname': {
        if (!surnameAllowed(c, doc, m, hits)) return;
        if (m.owners.includes(c.incumbent) && anyIn(c.settles, phrasesBefore(doc, m.start, 2))) {
          refs.push({ owner: c.incumbent, kind: 'name', start: m.start, end: m.end });
          return;
        }
        if (otherFirstName(doc, m.start)) return;
        const who = settle(named, m);
        if (who !== undefined && c.owners[who]!.type) {
          refs.push({ owner: who, kind: 'name', start: m.start, end: m.end });
        }
        return;
      }
      default:
        return;
    }
  });
  return refs;
}

/** The nearest full reference before the surname (else the first after) among its owners. */
function settle(named: { owner: number; at: number }[], m: RawMatch): number | undefined {
  let before: number | undefined;
  let after: number | undefined;
  for (const n of named) {
    if (!m.owners.includes(n.owner)) continue;
    if (n.at < m.start) before = n.owner;
    else if (after === undefined) after = n.owner;
  }
  return before ?? after;
}
