// Items ↔ Elasticsearch documents. A document carries the item, its raw mentions
// (stored, not indexed) and one nested `entities` row per entity with the same numbers
// as the SQLite item_entities table, so entity counts and tone are exact.
import type { Cue, Item, Lang, Mention, SourceRef } from '../../core/types.ts';
import type { CoverageRow, ItemSummary } from '../../core/store.ts';
import { itemCoverage } from '../item-coverage.ts';
import { toUtcIso } from '../time.ts';
import { bandKeys } from '../../pipeline/minhash.ts';

export interface EntityDoc {
  entity: string;
  type: CoverageRow['type'];
  mentions: number;
  nameMentions: number;
  titleMentions: number;
  words: number;
  seconds: number;
  positive: number;
  neutral: number;
  negative: number;
  /** Copied from the item so nested aggregations need not leave the entity row. */
  sourceId: string;
  publishedAt: string | null;
}

export interface ItemDoc {
  id: string;
  url: string;
  title: string;
  text: string;
  publishedAt: string | null;
  source: SourceRef;
  author: string | null;
  lang: Lang;
  fetchedAt: string | null;
  views: number | null;
  forwardedFrom: string | null;
  cues: Cue[] | null;
  rawHash: string | null;
  contentHash: string;
  duplicateOf: string | null;
  storyId: string;
  /** storyId === id: lets `dedupe: 'story'` be a plain term filter. */
  isStoryHead: boolean;
  /** MinHash signature (kept in _source only) and its band keys (indexed), for reposts. */
  signature?: number[];
  storyBands?: number[];
  wordCount: number;
  topics: string[];
  ingestedAt: string;
  /** Insertion order (kept on update), the tie-breaker SQLite gets from its rowid. */
  seq: number;
  updatedAt: string;
  mentions: Mention[];
  /** What decides 'unchanged' on re-ingest (same as the SQLite backend). */
  mentionsKey: string;
  mentionCount: number;
  /** Flat copy of entities[].entity, for tools without nested aggregations (Kibana). */
  entityIds: string[];
  entities: EntityDoc[];
}

export const mentionsKey = (ms: Mention[]): string =>
  ms.map((m) => `${m.entity}:${m.kind}:${m.start}:${m.tone}:${m.dictionaryVersion}`).join('|');

/** The mention-derived fields, recomputed whenever mentions change. */
export function mentionFields(
  item: Pick<Item, 'title' | 'cues' | 'mentions'>,
  sourceId: string,
  publishedAt: string | null,
): Pick<ItemDoc, 'mentions' | 'mentionsKey' | 'mentionCount' | 'entityIds' | 'entities'> {
  const entities = itemCoverage(item).map((c) => ({
    entity: c.entity,
    type: c.type,
    mentions: c.mentions,
    nameMentions: c.nameMentions,
    titleMentions: c.titleMentions,
    words: c.words,
    seconds: c.seconds,
    positive: c.tone.positive,
    neutral: c.tone.neutral,
    negative: c.tone.negative,
    sourceId,
    publishedAt,
  }));
  return {
    mentions: item.mentions,
    mentionsKey: mentionsKey(item.mentions),
    mentionCount: item.mentions.length,
    entityIds: entities.map((e) => e.entity),
    entities,
  };
}

export interface DocFacts {
  id: string;
  storyId: string;
  duplicateOf: string | null;
  ingestedAt: string;
  updatedAt: string;
  seq: number;
}

export function itemToDoc(item: Item, facts: DocFacts): ItemDoc {
  const publishedAt = toUtcIso(item.publishedAt);
  return {
    id: facts.id,
    url: item.url,
    title: item.title,
    text: item.text,
    publishedAt,
    source: {
      id: item.source.id,
      name: item.source.name,
      kind: item.source.kind,
      ownership: item.source.ownership,
    },
    author: item.author ?? null,
    lang: item.lang,
    fetchedAt: item.fetchedAt ?? null,
    views: item.views ?? null,
    forwardedFrom: item.forwardedFrom ?? null,
    cues: item.cues ?? null,
    rawHash: item.rawHash ?? null,
    contentHash: item.contentHash,
    duplicateOf: facts.duplicateOf,
    storyId: facts.storyId,
    isStoryHead: facts.storyId === facts.id,
    ...(item.signature ? { signature: item.signature, storyBands: bandKeys(item.signature) } : {}),
    wordCount: item.wordCount,
    topics: item.topics,
    ingestedAt: facts.ingestedAt,
    seq: facts.seq,
    updatedAt: facts.updatedAt,
    ...mentionFields(item, item.source.id, publishedAt),
  };
}

export function docToItem(d: ItemDoc): Item {
  return {
    id: d.id,
    url: d.url,
    title: d.title,
    text: d.text,
    publishedAt: d.publishedAt,
    source: d.source,
    author: d.author,
    lang: d.lang,
    fetchedAt: d.fetchedAt ?? undefined,
    views: d.views,
    forwardedFrom: d.forwardedFrom,
    cues: d.cues ?? undefined,
    rawHash: d.rawHash,
    contentHash: d.contentHash,
    duplicateOf: d.duplicateOf,
    storyId: d.storyId,
    wordCount: d.wordCount,
    topics: d.topics ?? [],
    ingestedAt: d.ingestedAt,
    updatedAt: d.updatedAt,
    mentions: d.mentions ?? [],
  };
}

let counter = 0;
/** Increasing within a process: microsecond-ish clock plus a counter. */
export function nextSeq(): number {
  return Date.now() * 1000 + (counter++ % 1000);
}

/** Fields a summary needs; searches ask only for these. */
export const SUMMARY_FIELDS = [
  'id',
  'url',
  'title',
  'publishedAt',
  'source',
  'lang',
  'storyId',
  'duplicateOf',
  'entities.entity',
];

export function docToSummary(
  d: Pick<
    ItemDoc,
    'id' | 'url' | 'title' | 'publishedAt' | 'source' | 'lang' | 'storyId' | 'duplicateOf'
  > & { entities?: Array<Pick<EntityDoc, 'entity'>> },
): ItemSummary {
  return {
    id: d.id,
    url: d.url,
    title: d.title,
    publishedAt: d.publishedAt,
    sourceId: d.source.id,
    sourceName: d.source.name,
    ownership: d.source.ownership,
    kind: d.source.kind,
    lang: d.lang,
    storyId: d.storyId,
    duplicateOf: d.duplicateOf,
    entities: (d.entities ?? []).map((e) => e.entity),
  };
}
