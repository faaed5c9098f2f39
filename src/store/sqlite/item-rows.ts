// Mapping between Items and SQLite rows.
import type { Item, Lang, Mention, Ownership, SourceKind } from '../../core/types.ts';
import type { ItemSummary } from '../../core/store.ts';

export interface ItemRow {
  rowid: number;
  id: string;
  url: string;
  title: string;
  text: string;
  published_at: string | null;
  source_id: string;
  source_name: string;
  source_kind: string;
  ownership: string;
  author: string | null;
  lang: string;
  fetched_at: string | null;
  views: number | null;
  forwarded_from: string | null;
  cues: string | null;
  raw_hash: string | null;
  content_hash: string;
  duplicate_of: string | null;
  story_id: string;
  word_count: number;
  topics: string;
  ingested_at: string;
  updated_at: string;
}

export interface MentionRow {
  item_rowid: number;
  seq: number;
  entity: string;
  type: string;
  kind: string;
  start: number;
  end: number;
  surface: string;
  position: string;
  sentence: string;
  tone: string;
  tone_source: string;
  dictionary_version: string;
  speech?: string | null;
  status?: string | null;
}

/** Item rows with their bodies. */
export const ITEM_SELECT =
  'SELECT i.*, t.text AS text FROM items i JOIN item_texts t ON t.rowid = i.rowid';

export function itemFromRow(r: ItemRow, mentions: MentionRow[]): Item {
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    text: r.text,
    publishedAt: r.published_at,
    source: {
      id: r.source_id,
      name: r.source_name,
      kind: r.source_kind as SourceKind,
      ownership: r.ownership as Ownership,
    },
    author: r.author,
    lang: r.lang as Lang,
    fetchedAt: r.fetched_at ?? undefined,
    views: r.views,
    forwardedFrom: r.forwarded_from,
    cues: r.cues ? (JSON.parse(r.cues) as Item['cues']) : undefined,
    rawHash: r.raw_hash,
    contentHash: r.content_hash,
    duplicateOf: r.duplicate_of,
    storyId: r.story_id,
    wordCount: r.word_count,
    topics: JSON.parse(r.topics) as string[],
    ingestedAt: r.ingested_at,
    updatedAt: r.updated_at,
    mentions: mentions.map(mentionFromRow),
  };
}

export function mentionFromRow(m: MentionRow): Mention {
  return {
    entity: m.entity,
    type: m.type as Mention['type'],
    kind: m.kind as Mention['kind'],
    start: m.start,
    end: m.end,
    surface: m.surface,
    position: m.position as Mention['position'],
    sentence: m.sentence,
    tone: m.tone as Mention['tone'],
    toneSource: m.tone_source as Mention['toneSource'],
    dictionaryVersion: m.dictionary_version,
    ...(m.speech ? { speech: m.speech as Mention['speech'] } : {}),
    ...(m.status ? { status: m.status as Mention['status'] } : {}),
  };
}

export function summaryFromRow(r: ItemRow & { entities?: string | null }): ItemSummary {
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    publishedAt: r.published_at,
    sourceId: r.source_id,
    sourceName: r.source_name,
    ownership: r.ownership as Ownership,
    kind: r.source_kind as SourceKind,
    lang: r.lang as Lang,
    storyId: r.story_id,
    duplicateOf: r.duplicate_of,
    entities: r.entities ? r.entities.split(',') : [],
  };
}
