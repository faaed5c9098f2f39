// The shared vocabulary of the monitor. Every stage speaks these types; nothing here
// imports from the rest of the project.

export const LANGS = ['az', 'ru', 'en', 'tr'] as const;
/** Languages we detect; 'und' when the text is too short or mixed to tell. */
export type Lang = (typeof LANGS)[number] | 'und';

export const OWNERSHIPS = [
  'state',
  'public',
  'private',
  'opposition',
  'international',
  'social',
] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const SOURCE_KINDS = [
  'rss',
  'html',
  'browser',
  'telegram',
  'youtube',
  'transcript',
  'import',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export type EntityType = 'candidate' | 'party';
/** `title` is an official-capacity reference ("dövlət başçısı"), not the name. */
export type MentionKind = 'name' | 'title';
export type Tone = 'positive' | 'neutral' | 'negative';
export type Position = 'headline' | 'lead' | 'body';

/** The outlet an item came from, as carried on every item. */
export interface SourceRef {
  id: string;
  name: string;
  kind: SourceKind;
  ownership: Ownership;
}

/** A timed stretch of a transcript; char offsets point into the item's text. */
export interface Cue {
  startSec: number;
  endSec: number;
  charStart: number;
  charEnd: number;
}

/** What a crawler or importer yields: an item before language detection and tagging. */
export interface RawItem {
  /** Canonical URL; the item's identity. */
  url: string;
  title: string;
  text: string;
  /** ISO 8601, or null when the source gave no usable date. */
  publishedAt: string | null;
  source: SourceRef;
  author?: string | null;
  lang?: Lang | undefined;
  fetchedAt?: string;
  /** Views, plays or reactions where the platform shows them. */
  views?: number | null;
  forwardedFrom?: string | null;
  cues?: Cue[];
  /** sha256 of the raw page or post as fetched (evidence for complaints). */
  rawHash?: string | null;
}

export interface Mention {
  entity: string;
  type: EntityType;
  kind: MentionKind;
  /** Character offsets into `title + "\n\n" + text` (see itemDocument). */
  start: number;
  end: number;
  surface: string;
  position: Position;
  sentence: string;
  tone: Tone;
  /** 'auto' from the tagger; 'review' once a monitor confirmed or corrected it. */
  toneSource: 'auto' | 'review';
  dictionaryVersion: string;
  /** Whether the entity is quoted in direct or indirect speech; set by review. */
  speech?: Speech | null;
  /** Review state; absent means 'auto' (never looked at by a monitor). */
  status?: MentionStatus;
}

export type Speech = 'direct' | 'indirect';
export type MentionStatus = 'auto' | 'accepted' | 'corrected' | 'added';

/** What a monitor does to an item's mentions (see doc/review.md). */
export interface ReviewAction {
  itemId: string;
  action: 'accept' | 'correct' | 'reject' | 'add';
  /** Index in the item's mentions (accept, correct, reject). */
  mention?: number;
  entity?: string;
  /** Entity type for add/correct; taken from the item's other mentions when absent. */
  type?: EntityType;
  kind?: MentionKind;
  tone?: Tone;
  speech?: Speech | null;
  /** For add: offsets into itemDocument(item). */
  start?: number;
  end?: number;
  coder: string;
  note?: string;
}

/** One row of the review audit log. */
export interface ReviewRecord {
  id: string;
  itemId: string;
  action: ReviewAction['action'];
  before: Mention | null;
  after: Mention | null;
  coder: string;
  note?: string | null;
  /** ISO 8601. */
  at: string;
}

/** A span a monitor rejected: re-tagging must not bring it back. */
export interface RejectedSpan {
  entity: string;
  start: number;
  end: number;
}

/** An independent coding of one entity's tone in one item (double coding for reliability). */
export interface Coding {
  itemId: string;
  entity: string;
  coder: string;
  tone: Tone;
  /** ISO 8601; set by the store when absent. */
  at?: string;
}

/** A stored item: a RawItem after the pipeline. */
export interface Item extends RawItem {
  /** Stable id derived from the canonical URL. */
  id: string;
  lang: Lang;
  /** sha256 of the normalised title and text. */
  contentHash: string;
  /** Id of the earlier item with identical content, if any. */
  duplicateOf: string | null;
  /** Id of the earliest item of the same story (near duplicates and reposts). */
  storyId: string | null;
  wordCount: number;
  mentions: Mention[];
  topics: string[];
  /** MinHash signature of the text, for linking reposts; absent for very short texts. */
  signature?: number[] | null;
  ingestedAt: string;
  updatedAt: string;
}

/** The text tagging offsets refer to: headline, blank line, body. */
export function itemDocument(item: Pick<RawItem, 'title' | 'text'>): string {
  return item.title ? `${item.title}\n\n${item.text}` : item.text;
}

export interface TagInput {
  title?: string;
  text: string;
  lang?: Lang;
}

export interface Tagger {
  /** Identifies the dictionaries in use; recorded on every mention. */
  readonly version: string;
  tag(doc: TagInput & { lang: Lang }): Mention[];
  /** Topic ids found in the document (campaign events, violations, ...). */
  topics?(doc: TagInput & { lang: Lang }): string[];
}

export interface LanguageDetector {
  detect(text: string): Lang;
}

export interface Extracted {
  title: string;
  text: string;
  publishedAt: string | null;
  author: string | null;
  canonicalUrl: string | null;
  lang: Lang | null;
}

export interface Selectors {
  title?: string;
  body?: string;
  date?: string;
  author?: string;
  /** Elements to drop before reading the body. */
  remove?: string[];
  /** On listing pages: links to articles. */
  links?: string;
}

export interface Extractor {
  extract(html: string, opts?: { url?: string; selectors?: Selectors }): Extracted;
}
