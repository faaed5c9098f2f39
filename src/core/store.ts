// The Store: one interface, an embedded SQLite backend and an Elasticsearch backend.
// Every backend passes test/contract/store-contract.ts.
import type {
  Coding,
  EntityType,
  Item,
  RawItem,
  Lang,
  Mention,
  MentionKind,
  Ownership,
  RejectedSpan,
  ReviewAction,
  ReviewRecord,
  SourceKind,
  Tone,
} from './types.ts';
import type { Source } from './source.ts';

/**
 * 'queued': the store could not be reached, so the item waits in the local write queue
 * (on disk) and is written when the store is back.
 */
export type UpsertStatus = 'new' | 'updated' | 'unchanged' | 'duplicate' | 'queued';

export interface UpsertOutcome {
  id: string;
  url: string;
  status: UpsertStatus;
  /** For 'duplicate': the earlier item with the same content. */
  duplicateOf?: string;
}

export interface ItemFilter {
  /** Full-text query: words (endings allowed), "phrases", AND, OR, NOT / -word. */
  q?: string;
  entities?: string[];
  entityType?: EntityType;
  mentionKind?: MentionKind;
  sources?: string[];
  ownership?: Ownership[];
  kinds?: SourceKind[];
  langs?: Lang[];
  /** Lower bound on publishedAt, inclusive (ISO date-time, or a date in Baku time). */
  from?: string;
  /** Upper bound: a date-time is exclusive; a date-only value includes that whole day. */
  to?: string;
  /** Items with at least one mention of this tone (of the filtered entities, if any). */
  tone?: Tone;
  /** 'each' counts every copy; 'story' keeps the earliest copy of each story only. */
  dedupe?: 'each' | 'story';
}

export interface SearchQuery extends ItemFilter {
  limit?: number;
  offset?: number;
  sort?: 'date' | 'relevance';
}

export interface ItemSummary {
  id: string;
  url: string;
  title: string;
  publishedAt: string | null;
  sourceId: string;
  sourceName: string;
  ownership: Ownership;
  kind: SourceKind;
  lang: Lang;
  storyId: string | null;
  duplicateOf: string | null;
  entities: string[];
}

/** Search counts matches exactly up to here; past it, "10,000 or more". */
export const TOTAL_CAP = 10_000;

export interface SearchHit {
  item: ItemSummary;
  /** Snippets with matches wrapped in <mark>…</mark>; everything else HTML-escaped. */
  highlights: string[];
}

export interface SearchResult {
  /** Matching items, counted exactly up to TOTAL_CAP. */
  total: number;
  /** 'gte' when more than TOTAL_CAP matched and counting stopped there. */
  totalRelation?: 'eq' | 'gte';
  hits: SearchHit[];
}

export type CountDimension = 'entity' | 'source' | 'day' | 'week';

export interface CountQuery extends ItemFilter {
  by: CountDimension[];
}

export interface CountRow {
  entity?: string;
  source?: string;
  /** YYYY-MM-DD; for 'week' the Monday of the ISO week. */
  day?: string;
  week?: string;
  items: number;
  mentions: number;
}

/** One row per (item, entity): the input of every coverage metric. */
export interface CoverageRow {
  itemId: string;
  entity: string;
  type: EntityType;
  sourceId: string;
  ownership: Ownership;
  kind: SourceKind;
  publishedAt: string | null;
  storyId: string | null;
  mentions: number;
  nameMentions: number;
  titleMentions: number;
  /** Words of the distinct sentences that mention the entity. */
  words: number;
  /** Seconds of the transcript cues that mention the entity. */
  seconds: number;
  tone: Record<Tone, number>;
  topics: string[];
}

export interface FetchEvent {
  sourceId: string;
  url: string;
  at: string;
  /** HTTP status, or null when no answer came (DNS, refused, timeout). */
  status: number | null;
  ok: boolean;
  itemsNew: number;
  itemsUpdated: number;
  itemsDuplicate: number;
  itemsSkipped: number;
  /** Items held in the local write queue because the store could not be reached. */
  itemsQueued: number;
  durationMs: number;
  error: string | null;
}

export interface SourceHealth {
  sourceId: string;
  name: string;
  kind: SourceKind;
  ownership: Ownership;
  enabled: boolean;
  lastFetchAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  pausedReason: string | null;
  itemCount: number;
  fetches: number;
}

export interface SourceState {
  consecutiveFailures: number;
  pausedReason: string | null;
  /** Earliest time the next attempt may run (back-off). */
  nextAttemptAt: string | null;
  /** Conditional-request validators per URL. */
  validators: Record<string, { etag?: string; lastModified?: string }>;
}

/** The state of a source never crawled (a fresh object each time: callers may change it). */
export function emptySourceState(): SourceState {
  return { consecutiveFailures: 0, pausedReason: null, nextAttemptAt: null, validators: {} };
}

export interface Store {
  readonly backend: 'sqlite' | 'elasticsearch';
  init(): Promise<void>;
  close(): Promise<void>;

  /** Insert or update by canonical URL, in one transaction; content duplicates are recorded. */
  upsertItems(items: Item[]): Promise<UpsertOutcome[]>;
  getItem(id: string): Promise<Item | null>;
  getItemByUrl(url: string): Promise<Item | null>;
  countItems(filter?: ItemFilter): Promise<number>;
  /**
   * A value that changes whenever anything is committed to the store (by any connection or
   * process), for caches of whole-store results such as reports. Optional: a backend
   * without one gets results recomputed instead.
   */
  changeMarker?(): Promise<string>;
  /** Every stored item, in batches, oldest id first (retag, migrate, export). */
  scanItems(batchSize?: number): AsyncIterable<Item[]>;
  /** Replace an item's automatic mentions (after a dictionary change). */
  replaceMentions(itemId: string, mentions: Mention[]): Promise<void>;
  /** Items of the same story (reposts, near duplicates), earliest first. */
  storyItems(storyId: string): Promise<ItemSummary[]>;

  search(query: SearchQuery): Promise<SearchResult>;
  counts(query: CountQuery): Promise<CountRow[]>;
  coverage(filter: ItemFilter): Promise<CoverageRow[]>;

  upsertSources(sources: Source[]): Promise<void>;
  listSources(): Promise<Source[]>;
  getSourceState(sourceId: string): Promise<SourceState>;
  setSourceState(sourceId: string, state: SourceState): Promise<void>;
  recordFetch(event: FetchEvent): Promise<void>;
  fetchEvents(sourceId: string, limit?: number): Promise<FetchEvent[]>;
  sourceHealth(): Promise<SourceHealth[]>;

  /** Applies a monitor's review to an item's mentions, logs it, returns the updated item. */
  reviewMention(action: ReviewAction): Promise<Item>;
  /** The review audit log of one item (or of every item), oldest first. */
  reviewLog(itemId?: string): Promise<ReviewRecord[]>;
  /** Rejected spans per item id, for re-tagging (items without any are absent). */
  rejectedMentions(itemIds: string[]): Promise<Map<string, RejectedSpan[]>>;
  /** Stores one coder's tone for (item, entity); a second call by the same coder replaces it. */
  recordCoding(coding: Coding): Promise<void>;
  codings(filter?: CodingFilter): Promise<Coding[]>;
}

export interface CodingFilter {
  coders?: string[];
  itemIds?: string[];
}

/**
 * Where collected items go: the pipeline (language, tags, duplicates) and then the store.
 * Crawlers and importers receive one and never see the stages behind it.
 */
export type ItemSink = (items: RawItem[]) => Promise<UpsertOutcome[]>;
