// Builds coverage rows for the metric tests; only what a test states differs from zero.
import type { CoverageRow } from '../../../src/core/store.ts';

export function row(p: Partial<CoverageRow> & { itemId: string; entity: string }): CoverageRow {
  return {
    type: 'candidate',
    sourceId: 's1',
    ownership: 'private',
    kind: 'html',
    publishedAt: '2024-02-01T10:00:00+04:00',
    storyId: null,
    mentions: 0,
    nameMentions: 0,
    titleMentions: 0,
    words: 0,
    seconds: 0,
    tone: { positive: 0, neutral: 0, negative: 0 },
    topics: [],
    ...p,
  };
}

/**
 * Three items, two subjects:
 *   i1 (s1, state, story st1, 1 Feb): A 3 mentions (2 name, 1 title), 20 words, tone +1 =2;
 *                                     B 1 mention, 10 words, tone −1
 *   i2 (s2, private, story st1 repost, 2 Feb): A 2 mentions (name), 15 words, tone =2
 *   i3 (s2, private, story st3, 3 Feb): B 5 mentions, 30 words, 12 s, tone +1 =1 −3
 */
export const SAMPLE: CoverageRow[] = [
  row({
    itemId: 'i1',
    entity: 'A',
    sourceId: 's1',
    ownership: 'state',
    storyId: 'st1',
    publishedAt: '2024-02-01T10:00:00+04:00',
    mentions: 3,
    nameMentions: 2,
    titleMentions: 1,
    words: 20,
    tone: { positive: 1, neutral: 2, negative: 0 },
  }),
  row({
    itemId: 'i1',
    entity: 'B',
    sourceId: 's1',
    ownership: 'state',
    storyId: 'st1',
    publishedAt: '2024-02-01T10:00:00+04:00',
    mentions: 1,
    nameMentions: 1,
    words: 10,
    tone: { positive: 0, neutral: 0, negative: 1 },
  }),
  row({
    itemId: 'i2',
    entity: 'A',
    sourceId: 's2',
    storyId: 'st1',
    publishedAt: '2024-02-02T10:00:00+04:00',
    mentions: 2,
    nameMentions: 2,
    words: 15,
    tone: { positive: 0, neutral: 2, negative: 0 },
  }),
  row({
    itemId: 'i3',
    entity: 'B',
    sourceId: 's2',
    storyId: 'st3',
    publishedAt: '2024-02-03T10:00:00+04:00',
    mentions: 5,
    nameMentions: 5,
    words: 30,
    seconds: 12,
    tone: { positive: 1, neutral: 1, negative: 3 },
  }),
];
