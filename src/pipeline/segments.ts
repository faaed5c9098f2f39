// Coded broadcast segments → stored items. Monitors time TV/radio airtime by hand; each
// CSV row (one subject in one stretch of a programme) becomes one item with one reviewed
// mention and one cue spanning the segment, so coverage rows carry its seconds and tone
// with no change to the store or the metrics. Built directly, not through the tagger.
import { createHash } from 'node:crypto';
import type { EntityType, Item, Lang, Mention, Ownership } from '../core/types.ts';
import { itemDocument } from '../core/types.ts';
import { fold } from '../store/search/fold.ts';
import { canonicalUrl, itemId } from './canonical-url.ts';
import { contentHashOfWords } from './content-hash.ts';
import { foldedWords } from './words.ts';
import {
  parseDate,
  parseDuration,
  parseLang,
  parseOwnership,
  parseSpeech,
  parseStart,
  parseTone,
  readSegmentTable,
  type Parsed,
  type SegmentRow,
} from './segments-csv.ts';

/** Recorded on every segment mention instead of a dictionary version. */
export const SEGMENT_DICTIONARY_VERSION = 'coded-segment';
export const SEGMENT_TOPIC = 'coded_segment';

export interface SegmentEntity {
  id: string;
  type: EntityType;
  name: string;
}

export interface ImportSegmentsDeps {
  /** The election's political subjects; a row naming any other subject is an error. */
  entities: SegmentEntity[];
  /** Ownership of a channel from the source list, when the CSV has no ownership column. */
  ownershipOf?: (channelId: string, channelName: string) => Ownership | undefined;
  now?: () => Date;
}

export interface SegmentProblem {
  /** Data row number (1 = first row under the header; 0 = the file as a whole). */
  row: number;
  message: string;
}

export interface ImportSegmentsResult {
  items: Item[];
  /** Rows skipped, with the reason. */
  errors: SegmentProblem[];
  /** Rows kept, but with a guess worth checking (e.g. ownership defaulted). */
  warnings: SegmentProblem[];
}

const SOURCE_ID = /^[a-z0-9][a-z0-9_.-]*$/;

/** "İctimai Televiziya" → "ictimai_televiziya": the source id of a channel named in the CSV. */
export function channelSlug(name: string): string {
  return fold(name.trim())
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

class RowError extends Error {}

function need<T>(p: Parsed<T>): T {
  if (!p.ok) throw new RowError(p.message);
  return p.value;
}

export function importSegments(csvText: string, deps: ImportSegmentsDeps): ImportSegmentsResult {
  const table = readSegmentTable(csvText);
  const errors = [...table.errors];
  const warnings: SegmentProblem[] = [];
  const items: Item[] = [];
  const byId = new Map(deps.entities.map((e) => [e.id.toLowerCase(), e]));
  const byName = new Map(deps.entities.map((e) => [fold(e.name), e]));
  const rowOfUrl = new Map<string, number>();
  const warnedChannels = new Set<string>();
  const now = (deps.now?.() ?? new Date()).toISOString();

  for (const r of table.rows) {
    try {
      const item = segmentItem(r, {
        subject: (s) => byId.get(s.toLowerCase()) ?? byName.get(fold(s)),
        ownership: (id, name, cell) => {
          if (cell) return need(parseOwnership(cell));
          const known = deps.ownershipOf?.(id, name);
          if (known) return known;
          if (!warnedChannels.has(id)) {
            warnedChannels.add(id);
            warnings.push({
              row: r.row,
              message: `channel "${name}" (${id}) is not in the source list and has no ownership column; assumed public`,
            });
          }
          return 'public';
        },
        now,
      });
      const first = rowOfUrl.get(item.url);
      if (first !== undefined)
        throw new RowError(`same channel, date, start and subject as row ${first}`);
      rowOfUrl.set(item.url, r.row);
      items.push(item);
    } catch (err) {
      if (!(err instanceof RowError)) throw err;
      errors.push({ row: r.row, message: err.message });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { items, errors, warnings };
}

interface RowDeps {
  subject(s: string): SegmentEntity | undefined;
  ownership(channelId: string, channelName: string, cell: string | undefined): Ownership;
  now: string;
}

function segmentItem({ cells }: SegmentRow, deps: RowDeps): Item {
  const channel = cells.channel ?? '';
  if (!channel) throw new RowError('channel is empty');
  const programme = cells.programme ?? '';
  if (!programme) throw new RowError('programme is empty');
  const channelId = cells.channel_id ? cells.channel_id.toLowerCase() : channelSlug(channel);
  if (!channelId)
    throw new RowError(
      `channel "${channel}" has no Latin letters or digits; add a channel_id column`,
    );
  if (!SOURCE_ID.test(channelId))
    throw new RowError(`channel id "${channelId}" must be lower-case letters, digits, _ . -`);
  const date = need(parseDate(cells.date ?? ''));
  const start = need(parseStart(cells.start ?? ''));
  const duration = need(parseDuration(cells.duration ?? ''));
  const subjectCell = cells.subject ?? '';
  if (!subjectCell) throw new RowError('subject is empty');
  const entity = deps.subject(subjectCell);
  if (!entity) throw new RowError(`unknown subject "${subjectCell}" (not in the election's list)`);
  const tone = need(parseTone(cells.tone ?? ''));
  const speech = need(parseSpeech(cells.speech ?? ''));
  const lang: Lang = cells.lang ? need(parseLang(cells.lang)) : 'az';
  const ownership = deps.ownership(channelId, channel, cells.ownership || undefined);
  const at = new Date(`${date}T${start.time}${start.zone}`);
  if (Number.isNaN(at.getTime()))
    throw new RowError(`date "${date}" with start "${start.time}${start.zone}" is not a time`);
  const publishedAt = at.toISOString();

  // Date, time and channel are in the text so that two segments never share a content
  // hash (which would mark one a duplicate of the other and merge them into one story).
  const prefix = `${date} ${start.time}, ${channel}: `;
  const text = `${prefix}${entity.name} (${speech} speech), ${duration} s`;
  const title = programme;
  const offset = itemDocument({ title, text }).length - text.length + prefix.length;
  const mention: Mention = {
    entity: entity.id,
    type: entity.type,
    kind: 'name',
    start: offset,
    end: offset + entity.name.length,
    surface: entity.name,
    position: 'body',
    sentence: text,
    tone,
    toneSource: 'review',
    dictionaryVersion: SEGMENT_DICTIONARY_VERSION,
  };
  const url = canonicalUrl(`segment://${channelId}/${date}/${start.time}/${entity.id}`);
  const textWords = foldedWords(text);
  return {
    url,
    id: itemId(url),
    title,
    text,
    publishedAt,
    source: { id: channelId, name: channel, kind: 'transcript', ownership },
    author: cells.coder || null,
    lang,
    cues: [{ startSec: 0, endSec: duration, charStart: 0, charEnd: text.length }],
    rawHash: createHash('sha256').update(JSON.stringify(cells)).digest('hex'),
    contentHash: contentHashOfWords(foldedWords(title), textWords),
    duplicateOf: null,
    storyId: null,
    wordCount: textWords.length,
    mentions: [mention],
    topics: [`speech_${speech}`, SEGMENT_TOPIC],
    signature: null,
    ingestedAt: deps.now,
    updatedAt: deps.now,
  };
}
