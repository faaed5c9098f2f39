// The dictionary assistant: mines stored texts for forms of candidates and parties that
// the dictionaries do not list yet, ranks them by how many items use them, and prints
// them as YAML ready to review and paste (`monitor dictionary suggest`).
import { stringify } from 'yaml';
import { itemDocument, type Lang, type Tagger } from '../../core/types.ts';
import type { Election } from '../election.ts';
import { foldText } from '../fold.ts';
import { MINERS, type SuggestionField } from './miners.ts';

export interface Suggestion {
  entity: string | null;
  field: SuggestionField;
  form: string;
  why: string;
  /** Items it was found in. */
  count: number;
  examples: string[];
}

export interface SuggestResult {
  items: number;
  suggestions: Suggestion[];
}

export function knownForms(e: Election): Set<string> {
  const out = new Set<string>();
  for (const x of [...e.entities, ...e.namesakes])
    for (const f of [...x.names, ...x.initials, ...x.surnames]) out.add(foldText(f));
  for (const x of e.entities)
    for (const f of [...x.abbreviations, ...x.titles]) out.add(foldText(f));
  return out;
}

export async function suggestForms(
  items: AsyncIterable<{ title: string; text: string; lang: Lang }[]>,
  tagger: Tagger,
  election: Election,
  opts: { minCount?: number; maxExamples?: number } = {},
): Promise<SuggestResult> {
  const known = knownForms(election);
  const found = new Map<string, Suggestion & { seen: number }>();
  let count = 0;
  for await (const batch of items) {
    for (const item of batch) {
      count++;
      const text = itemDocument({ title: item.title, text: item.text });
      const mentions = tagger.tag({ title: item.title, text: item.text, lang: item.lang });
      const inItem = new Set<string>();
      for (const mine of MINERS) {
        for (const ev of mine({ text, mentions, election, known })) {
          const key = `${ev.entity}|${ev.field}|${foldText(ev.form)}`;
          const s = found.get(key) ?? { ...ev, count: 0, examples: [], seen: count };
          if (!inItem.has(key)) {
            s.count++;
            if (s.examples.length < (opts.maxExamples ?? 2)) s.examples.push(ev.example);
          }
          inItem.add(key);
          found.set(key, s);
        }
      }
    }
  }
  const suggestions = [...found.values()]
    .filter((s) => s.count >= (opts.minCount ?? 2))
    .sort((a, b) => b.count - a.count || a.form.localeCompare(b.form))
    .map(({ seen: _seen, ...s }) => s);
  return { items: count, suggestions };
}

/** YAML grouped like the dictionary files; counts and examples as comments. */
export function suggestionsYaml(r: SuggestResult, election: Election): string {
  const typeOf = new Map(election.entities.map((e) => [e.id, e.type]));
  const lines: string[] = [
    `# monitor dictionary suggest: ${r.suggestions.length} suggestion(s) from ${r.items} stored item(s), election ${election.id}.`,
    `# Review each one, then paste what is right into dictionaries/${election.id}/candidates.yaml or parties.yaml.`,
  ];
  const section = (title: string, list: Suggestion[]) => {
    if (!list.length) return;
    lines.push(`${title}:`);
    const byEntity = new Map<string, Suggestion[]>();
    for (const s of list) byEntity.set(s.entity!, [...(byEntity.get(s.entity!) ?? []), s]);
    for (const [entity, ss] of byEntity) {
      lines.push(`  - id: ${entity}`);
      const byField = new Map<string, Suggestion[]>();
      for (const s of ss) byField.set(s.field, [...(byField.get(s.field) ?? []), s]);
      for (const [field, fs] of byField) {
        lines.push(`    ${field}:`);
        for (const s of fs) lines.push(...item(s, '      '));
      }
    }
  };
  const item = (s: Suggestion, indent: string) => [
    `${indent}- ${stringify(s.form).trim()}  # ${s.count} items; ${s.why}`,
    ...s.examples.map((e) => `${indent}  # e.g. ${e.length > 160 ? `${e.slice(0, 157)}…` : e}`),
  ];
  section(
    'candidates',
    r.suggestions.filter((s) => s.entity && typeOf.get(s.entity) === 'candidate'),
  );
  section(
    'parties',
    r.suggestions.filter((s) => s.entity && typeOf.get(s.entity) === 'party'),
  );
  const orphans = r.suggestions.filter((s) => !s.entity);
  if (orphans.length) {
    lines.push(
      '# Party-like names that fit no listed party: a new party, or a form to file by hand.',
    );
    lines.push('unlisted:');
    for (const s of orphans) lines.push(...item(s, '  '));
  }
  return `${lines.join('\n')}\n`;
}
