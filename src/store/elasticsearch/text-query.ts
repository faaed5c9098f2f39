// The search-box language (see ../search/query.ts) as an Elasticsearch bool query over
// the folded sub-fields. Words match with endings through prefix queries on the folded
// terms; "phrases" (and words the tokenizer splits, like "Fuad-Əliyev") become
// match_phrase_prefix, like the SQLite backend's `"a b"*`. OR separates AND-groups;
// NOT word and -word exclude.
import type { estypes } from '@elastic/elasticsearch';
import { SkipItemError } from '../../core/errors.ts';
import { fold } from '../search/fold.ts';

type Query = estypes.QueryDslQueryContainer;

export const TEXT_FIELDS = ['title.folded', 'text.folded'] as const;

interface Term {
  words: string[];
  phrase: boolean;
  negated: boolean;
}

const wordsOf = (s: string): string[] => fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];

/** Tokens in order; `null` stands for OR. */
function tokenize(q: string): Array<Term | null> {
  const out: Array<Term | null> = [];
  let negateNext = false;
  for (const m of q.matchAll(/(-?)"([^"]*)"|(\S+)/g)) {
    if (m[2] !== undefined) {
      const words = wordsOf(m[2]);
      if (words.length) out.push({ words, phrase: true, negated: m[1] === '-' || negateNext });
      negateNext = false;
      continue;
    }
    const raw = m[3]!;
    if (raw === 'OR' || raw === '|') out.push(null);
    else if (raw === 'AND' || raw === '&') continue;
    else if (raw === 'NOT') negateNext = true;
    else {
      const neg = raw.startsWith('-');
      const words = wordsOf(neg ? raw.slice(1) : raw);
      if (words.length) out.push({ words, phrase: words.length > 1, negated: neg || negateNext });
      negateNext = false;
    }
  }
  return out;
}

function termQuery(t: Term): Query {
  const should: Query[] = TEXT_FIELDS.map((field) =>
    t.phrase
      ? { match_phrase_prefix: { [field]: { query: t.words.join(' '), max_expansions: 200 } } }
      : { prefix: { [field]: { value: t.words[0]! } } },
  );
  return { bool: { should, minimum_should_match: 1 } };
}

export interface TextQuery {
  /** The query to put in `must`, or null when there is no text query. */
  query: Query | null;
  /** Folded words, for highlighting fallbacks. */
  terms: string[];
}

export function textQuery(q: string | undefined): TextQuery {
  if (!q || !q.trim()) return { query: null, terms: [] };
  const groups: Term[][] = [[]];
  const negatives: Term[] = [];
  const terms: string[] = [];
  for (const t of tokenize(q)) {
    if (t === null) {
      if (groups.at(-1)!.length) groups.push([]);
    } else if (t.negated) negatives.push(t);
    else {
      groups.at(-1)!.push(t);
      terms.push(...t.words);
    }
  }
  const positive = groups.filter((g) => g.length);
  if (!positive.length) {
    if (negatives.length)
      throw new SkipItemError('A search needs at least one word that is not negated');
    return { query: null, terms: [] };
  }
  const groupQuery = (g: Term[]): Query =>
    g.length === 1 ? termQuery(g[0]!) : { bool: { must: g.map(termQuery) } };
  const bool: estypes.QueryDslBoolQuery =
    positive.length === 1
      ? { must: [groupQuery(positive[0]!)] }
      : { should: positive.map(groupQuery), minimum_should_match: 1 };
  if (negatives.length) bool.must_not = negatives.map(termQuery);
  return { query: { bool }, terms };
}
