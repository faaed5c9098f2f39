// Mentions with their context: one row per mention, for checking the tagger's work.
import type { Item } from '../../core/types.ts';
import type { Column } from './columns.ts';

export type MentionSource = Pick<
  Item,
  'id' | 'url' | 'title' | 'publishedAt' | 'source' | 'mentions'
>;

export interface MentionRow {
  itemId: string;
  url: string;
  publishedAt: string | null;
  outlet: string;
  ownership: string;
  title: string;
  entity: string;
  type: string;
  kind: string;
  position: string;
  tone: string;
  toneSource: string;
  surface: string;
  sentence: string;
  dictionaryVersion: string;
}

export const MENTION_COLUMNS: Column[] = [
  { key: 'itemId', header: 'item_id' },
  { key: 'publishedAt', header: 'published_at', width: 22 },
  { key: 'outlet', header: 'outlet' },
  { key: 'ownership', header: 'ownership' },
  { key: 'entity', header: 'entity' },
  { key: 'type', header: 'type' },
  { key: 'kind', header: 'kind' },
  { key: 'position', header: 'position' },
  { key: 'tone', header: 'tone' },
  { key: 'toneSource', header: 'tone_source' },
  { key: 'surface', header: 'surface' },
  { key: 'sentence', header: 'sentence', width: 60 },
  { key: 'title', header: 'title', width: 40 },
  { key: 'url', header: 'url', width: 40 },
  { key: 'dictionaryVersion', header: 'dictionary_version' },
];

/** Items' mentions, optionally only of some entities, in item then text order. */
export function mentionsTable(
  items: readonly MentionSource[],
  opts: { entities?: string[] } = {},
): MentionRow[] {
  const only = opts.entities ? new Set(opts.entities) : null;
  const out: MentionRow[] = [];
  for (const item of items) {
    const mentions = [...item.mentions].sort((a, b) => a.start - b.start);
    for (const m of mentions) {
      if (only && !only.has(m.entity)) continue;
      out.push({
        itemId: item.id,
        url: item.url,
        publishedAt: item.publishedAt,
        outlet: item.source.name,
        ownership: item.source.ownership,
        title: item.title,
        entity: m.entity,
        type: m.type,
        kind: m.kind,
        position: m.position,
        tone: m.tone,
        toneSource: m.toneSource,
        surface: m.surface,
        sentence: m.sentence,
        dictionaryVersion: m.dictionaryVersion,
      });
    }
  }
  return out;
}
