// Topic terms: each word is a stem, words follow each other with at most two words between.
import type { TopicDef } from './election.ts';
import { foldText, tokenize } from './fold.ts';

interface Term {
  topic: string;
  stems: string[];
}

export interface TopicMatcher {
  topics(text: string): string[];
}

export function compileTopics(defs: TopicDef[]): TopicMatcher {
  const byFirst = new Map<string, Term[]>();
  for (const d of defs) {
    for (const t of d.terms) {
      const stems = foldText(t).split(' ');
      const first = stems[0]!;
      const list = byFirst.get(first) ?? [];
      list.push({ topic: d.id, stems });
      byFirst.set(first, list);
    }
  }
  // Only the lengths first stems actually have are worth slicing words to.
  const lengths = [...new Set([...byFirst.keys()].map((k) => k.length))].sort((a, b) => b - a);
  return {
    topics(text) {
      const words = tokenize(text).map((t) => t.folded);
      const found = new Set<string>();
      words.forEach((w, i) => {
        for (const l of lengths) {
          if (l > w.length) continue;
          for (const term of byFirst.get(w.slice(0, l)) ?? []) {
            if (!found.has(term.topic) && follows(words, i, term.stems)) found.add(term.topic);
          }
        }
      });
      return [...found].sort();
    },
  };
}

function follows(words: string[], i: number, stems: string[]): boolean {
  let at = i;
  for (let k = 1; k < stems.length; k++) {
    let next = -1;
    for (let j = at + 1; j <= at + 3 && j < words.length; j++) {
      if (words[j]!.startsWith(stems[k]!)) {
        next = j;
        break;
      }
    }
    if (next < 0) return false;
    at = next;
  }
  return true;
}
