// Re-tags stored items after a dictionary change. Mentions a monitor reviewed
// (toneSource 'review') survive: new automatic mentions overlapping them are dropped, and
// so are new automatic mentions of an entity a monitor rejected at that place.
import type { Item, Tagger } from '../core/types.ts';
import type { Store } from '../core/store.ts';
import { SEGMENT_TOPIC } from './segments.ts';
import { mergeReviewed } from '../store/review-merge.ts';

export interface RetagSummary {
  items: number;
  changed: number;
}

export async function retagAll(
  store: Store,
  tagger: Tagger,
  opts: { batchSize?: number; onProgress?: (s: RetagSummary) => void } = {},
): Promise<RetagSummary> {
  const summary: RetagSummary = { items: 0, changed: 0 };
  for await (const batch of store.scanItems(opts.batchSize ?? 500)) {
    const updated: Item[] = [];
    const rejected = await store.rejectedMentions(batch.map((i) => i.id));
    for (const item of batch) {
      // Coded broadcast segments were tagged by a monitor, not from their text.
      if (item.topics.includes(SEGMENT_TOPIC)) continue;
      const doc = { title: item.title, text: item.text, lang: item.lang };
      const mentions = mergeReviewed(tagger.tag(doc), item.mentions, rejected.get(item.id));
      const topics = tagger.topics?.(doc) ?? item.topics;
      updated.push({ ...item, mentions, topics });
    }
    const outcomes = updated.length ? await store.upsertItems(updated) : [];
    summary.items += batch.length;
    summary.changed += outcomes.filter((o) => o.status === 'updated').length;
    opts.onProgress?.(summary);
  }
  return summary;
}
