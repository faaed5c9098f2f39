// The incumbent's coverage split into official capacity (acting as head of state) and
// candidate, as monitors code it.
import type { CoverageRow } from '../core/store.ts';

/** Topic ids that mark state events (official visits, ceremonies, government meetings). */
export const DEFAULT_STATE_EVENT_TOPICS = ['state-event'];

export interface CapacityTotals {
  items: number;
  mentions: number;
  words: number;
  seconds: number;
}

export interface IncumbentSplit {
  entity: string;
  official: CapacityTotals;
  candidate: CapacityTotals;
  /** Official part of the incumbent's mentions; null when there are none. */
  officialMentionShare: number | null;
  officialItemShare: number | null;
}

function zero(): CapacityTotals {
  return { items: 0, mentions: 0, words: 0, seconds: 0 };
}

/**
 * Mentions: title mentions ("dövlət başçısı") are official; name mentions are official
 * in items with a state-event topic, otherwise candidate.
 * Items, words, seconds: an item is official when it has a state-event topic or names
 * the incumbent only by title; otherwise it is candidate coverage. Words and seconds
 * follow the item, since the sentences are not split further.
 */
export function incumbentSplit(
  rows: CoverageRow[],
  incumbentId: string,
  opts: { stateEventTopics?: string[] } = {},
): IncumbentSplit {
  const stateTopics = new Set(opts.stateEventTopics ?? DEFAULT_STATE_EVENT_TOPICS);
  const official = zero();
  const candidate = zero();
  for (const r of rows) {
    if (r.entity !== incumbentId) continue;
    const stateEvent = r.topics.some((t) => stateTopics.has(t));
    const isOfficial = stateEvent || (r.nameMentions === 0 && r.titleMentions > 0);
    const item = isOfficial ? official : candidate;
    item.items += 1;
    item.words += r.words;
    item.seconds += r.seconds;
    official.mentions += r.titleMentions + (stateEvent ? r.nameMentions : 0);
    candidate.mentions += stateEvent ? 0 : r.nameMentions;
  }
  const ratio = (a: number, b: number) => (a + b > 0 ? a / (a + b) : null);
  return {
    entity: incumbentId,
    official,
    candidate,
    officialMentionShare: ratio(official.mentions, candidate.mentions),
    officialItemShare: ratio(official.items, candidate.items),
  };
}
