import { fileURLToPath } from 'node:url';
import type { Lang, Mention } from '../../../src/core/types.ts';
import { loadTagger } from '../../../src/tagging/index.ts';

export const DICTIONARIES = fileURLToPath(new URL('../../../dictionaries', import.meta.url));

let tagger: ReturnType<typeof loadTagger> | undefined;
export function presidential() {
  tagger ??= loadTagger(DICTIONARIES, 'az-2024-presidential');
  return tagger;
}

/** entity(kind) list of a text, e.g. ["aliyev_ilham", "aliyev_ilham:title"]. */
export function tags(text: string, lang: Lang = 'az', title?: string): string[] {
  return presidential()
    .tag({ text, title, lang })
    .map((m: Mention) => (m.kind === 'title' ? `${m.entity}:title` : m.entity));
}
