// Parses the search box language into an FTS5 expression over folded text.
// Words match with endings (Nurullayev → Nurullayevin) via prefix terms; "phrases";
// AND (implicit), OR, NOT, -word; parentheses are not supported and are ignored.
import { SkipItemError } from '../../core/errors.ts';
import { fold } from './fold.ts';

export interface ParsedQuery {
  /** FTS5 MATCH expression, or null when the query has no positive term. */
  match: string | null;
  /** Folded terms to highlight (words and phrase words). */
  terms: string[];
}

type Token = { kind: 'term'; text: string; phrase: boolean; negated: boolean } | { kind: 'or' };

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  const re = /(-?)"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(q)) !== null) {
    if (m[2] !== undefined) {
      const words = wordsOf(m[2]);
      if (words.length)
        tokens.push({ kind: 'term', text: words.join(' '), phrase: true, negated: m[1] === '-' });
      continue;
    }
    const raw = m[3]!;
    if (raw === 'OR' || raw === '|') tokens.push({ kind: 'or' });
    else if (raw === 'AND' || raw === '&') continue;
    else if (raw === 'NOT') tokens.push({ kind: 'term', text: '', phrase: false, negated: true });
    else {
      const negated = raw.startsWith('-');
      const words = wordsOf(negated ? raw.slice(1) : raw);
      const last = tokens.at(-1);
      // "NOT word": attach the negation to the following word.
      if (last?.kind === 'term' && last.text === '' && last.negated) tokens.pop();
      const neg = negated || (last?.kind === 'term' && last.text === '' && last.negated);
      if (words.length)
        tokens.push({
          kind: 'term',
          text: words.join(' '),
          phrase: words.length > 1,
          negated: neg,
        });
    }
  }
  return tokens.filter((t) => t.kind === 'or' || t.text !== '');
}

function wordsOf(s: string): string[] {
  return fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];
}

function ftsTerm(text: string): string {
  // Quoted so FTS5 keywords and punctuation are taken literally; * allows endings.
  return `"${text.replace(/"/g, '""')}"*`;
}

export function parseQuery(q: string | undefined): ParsedQuery {
  if (!q || !q.trim()) return { match: null, terms: [] };
  const tokens = tokenize(q);
  const groups: string[][] = [[]];
  const negatives: string[] = [];
  const terms: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'or') {
      if (groups.at(-1)!.length) groups.push([]);
      continue;
    }
    if (t.negated) negatives.push(ftsTerm(t.text));
    else {
      groups.at(-1)!.push(ftsTerm(t.text));
      terms.push(...t.text.split(' '));
    }
  }
  const positive = groups.filter((g) => g.length).map((g) => g.join(' AND '));
  if (positive.length === 0) {
    if (negatives.length)
      throw new SkipItemError('A search needs at least one word that is not negated');
    return { match: null, terms: [] };
  }
  let match = positive.length > 1 ? positive.map((p) => `(${p})`).join(' OR ') : positive[0]!;
  if (negatives.length) match = `(${match}) NOT (${negatives.join(' OR ')})`;
  return { match, terms };
}
