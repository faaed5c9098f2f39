// Per-item, per-entity coverage derived from mentions: what metrics and entity filters
// read. Both backends store these rows, so they are computed once, here.
import type { Item, Tone } from '../core/types.ts';
import type { CoverageRow } from '../core/store.ts';

export type ItemEntityCoverage = Omit<
  CoverageRow,
  'itemId' | 'sourceId' | 'ownership' | 'kind' | 'publishedAt' | 'storyId' | 'topics'
>;

const WORD = /[\p{L}\p{N}]+/gu;

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

export function itemCoverage(
  item: Pick<Item, 'title' | 'mentions' | 'cues'>,
): ItemEntityCoverage[] {
  const byEntity = new Map<
    string,
    ItemEntityCoverage & { sentences: Set<string>; cueIdx: Set<number> }
  >();
  // Cue offsets point into the text; mention offsets into title + "\n\n" + text.
  const shift = item.title ? item.title.length + 2 : 0;
  for (const m of item.mentions) {
    let row = byEntity.get(m.entity);
    if (!row) {
      row = {
        entity: m.entity,
        type: m.type,
        mentions: 0,
        nameMentions: 0,
        titleMentions: 0,
        words: 0,
        seconds: 0,
        tone: { positive: 0, neutral: 0, negative: 0 } satisfies Record<Tone, number>,
        sentences: new Set(),
        cueIdx: new Set(),
      };
      byEntity.set(m.entity, row);
    }
    row.mentions++;
    if (m.kind === 'title') row.titleMentions++;
    else row.nameMentions++;
    row.tone[m.tone]++;
    row.sentences.add(m.sentence);
    item.cues?.forEach((c, i) => {
      if (m.start - shift < c.charEnd && m.end - shift > c.charStart) row.cueIdx.add(i);
    });
  }
  return [...byEntity.values()].map(({ sentences, cueIdx, ...row }) => {
    let words = 0;
    for (const s of sentences) words += countWords(s);
    let seconds = 0;
    for (const i of cueIdx) {
      const c = item.cues![i]!;
      seconds += Math.max(0, c.endSec - c.startSec);
    }
    return { ...row, words, seconds: Math.round(seconds * 1000) / 1000 };
  });
}
