// What a monitor's review does to an item's mentions, worked out once for every backend:
// the new mention list, the audit record and, for a rejection, the span to remember so
// that re-tagging does not bring the mention back.
import { randomUUID } from 'node:crypto';
import {
  itemDocument,
  type Coding,
  type EntityType,
  type Item,
  type Mention,
  type Position,
  type RejectedSpan,
  type ReviewAction,
  type ReviewRecord,
} from '../core/types.ts';
import { SkipItemError } from '../core/errors.ts';
import { leadEnd, sentenceAt } from '../tagging/sentences.ts';

export interface ReviewOutcome {
  mentions: Mention[];
  record: ReviewRecord;
  rejected: RejectedSpan | null;
}

const TONES = new Set(['positive', 'neutral', 'negative']);
const SPEECH = new Set(['direct', 'indirect', null]);
const ACTIONS = new Set(['accept', 'correct', 'reject', 'add']);

function check(ok: boolean, message: string): asserts ok {
  if (!ok) throw new SkipItemError(message);
}

function validate(a: ReviewAction): void {
  check(ACTIONS.has(a.action), `unknown review action ${JSON.stringify(a.action)}`);
  check(typeof a.coder === 'string' && a.coder.trim() !== '', 'a review needs the coder');
  if (a.tone !== undefined) check(TONES.has(a.tone), `unknown tone ${JSON.stringify(a.tone)}`);
  if (a.speech !== undefined) check(SPEECH.has(a.speech), `speech is 'direct', 'indirect' or null`);
  if (a.entity !== undefined)
    check(typeof a.entity === 'string' && a.entity.trim() !== '', 'the entity is empty');
  if (a.type !== undefined)
    check(a.type === 'candidate' || a.type === 'party', `unknown entity type ${a.type}`);
  if (a.kind !== undefined)
    check(a.kind === 'name' || a.kind === 'title', `unknown mention kind ${a.kind}`);
}

/** The entity's type: given, or from another mention of the same entity in the item. */
function typeOf(a: ReviewAction, item: Item, entity: string, fallback?: EntityType): EntityType {
  const t = a.type ?? item.mentions.find((m) => m.entity === entity)?.type ?? fallback;
  check(t !== undefined, `give the type (candidate or party) of ${entity}: it is new to this item`);
  return t;
}

function positionAt(item: Item, doc: string, start: number): Position {
  const titleEnd = item.title ? item.title.length : 0;
  if (start < titleEnd) return 'headline';
  return start < leadEnd(doc, item.title ? titleEnd + 2 : 0) ? 'lead' : 'body';
}

function addedMention(item: Item, a: ReviewAction): Mention {
  const doc = itemDocument(item);
  check(a.entity !== undefined, 'add needs the entity');
  const { start, end } = a;
  check(
    Number.isInteger(start) && Number.isInteger(end),
    'add needs integer start and end offsets into the document (title, blank line, text)',
  );
  check(
    start! >= 0 && start! < end! && end! <= doc.length,
    `offsets ${start}–${end} are outside the document (0–${doc.length})`,
  );
  const surface = doc.slice(start, end);
  check(surface.trim() !== '', 'the selected text is blank');
  const clash = item.mentions.findIndex(
    (m) => m.entity === a.entity && m.start < end! && start! < m.end,
  );
  check(clash < 0, `mention #${clash} of ${a.entity} already covers this text: correct it instead`);
  const [s, e] = sentenceAt(doc, start!);
  return {
    entity: a.entity,
    type: typeOf(a, item, a.entity),
    kind: a.kind ?? 'name',
    start: start!,
    end: end!,
    surface,
    position: positionAt(item, doc, start!),
    sentence: doc.slice(s, Math.max(e, end!)),
    tone: a.tone ?? 'neutral',
    toneSource: 'review',
    dictionaryVersion: 'review',
    speech: a.speech ?? null,
    status: 'added',
  };
}

export function applyReview(item: Item, a: ReviewAction, now = new Date()): ReviewOutcome {
  validate(a);
  const mentions = [...item.mentions];
  const record = (before: Mention | null, after: Mention | null): ReviewRecord => ({
    id: randomUUID(),
    itemId: item.id,
    action: a.action,
    before,
    after,
    coder: a.coder.trim(),
    note: a.note ?? null,
    at: now.toISOString(),
  });
  if (a.action === 'add') {
    const m = addedMention(item, a);
    mentions.push(m);
    // Stable: an added mention goes after automatic ones starting at the same place.
    mentions.sort((x, y) => x.start - y.start);
    return { mentions, record: record(null, m), rejected: null };
  }
  const i = a.mention;
  check(
    Number.isInteger(i) && i! >= 0 && i! < mentions.length,
    `item ${item.id} has no mention #${i} (it has ${mentions.length}, numbered from 0)`,
  );
  const before = mentions[i!]!;
  if (a.action === 'reject') {
    mentions.splice(i!, 1);
    const span = { entity: before.entity, start: before.start, end: before.end };
    return { mentions, record: record(before, null), rejected: span };
  }
  let after: Mention;
  if (a.action === 'accept') {
    // Accepting a corrected or added mention confirms it; it stays what it was.
    const status =
      before.status === 'corrected' || before.status === 'added' ? before.status : 'accepted';
    after = { ...before, toneSource: 'review', status, speech: a.speech ?? before.speech ?? null };
  } else {
    check(
      a.entity !== undefined ||
        a.tone !== undefined ||
        a.speech !== undefined ||
        a.type !== undefined ||
        a.kind !== undefined,
      'correct needs a new entity, type, kind, tone or speech',
    );
    const entity = a.entity ?? before.entity;
    after = {
      ...before,
      entity,
      type:
        entity === before.entity ? (a.type ?? before.type) : typeOf(a, item, entity, before.type),
      kind: a.kind ?? before.kind,
      tone: a.tone ?? before.tone,
      speech: a.speech !== undefined ? a.speech : (before.speech ?? null),
      toneSource: 'review',
      status: before.status === 'added' ? 'added' : 'corrected',
    };
  }
  mentions[i!] = after;
  return { mentions, record: record(before, after), rejected: null };
}

/** A double coding as stored: trimmed coder, a known tone, a time. */
export function checkCoding(c: Coding, now = new Date()): Required<Coding> {
  for (const k of ['itemId', 'entity', 'coder'] as const)
    check(typeof c[k] === 'string' && c[k].trim() !== '', `a coding needs ${k}`);
  check(TONES.has(c.tone), `unknown tone ${JSON.stringify(c.tone)}`);
  return {
    itemId: c.itemId,
    entity: c.entity,
    coder: c.coder.trim(),
    tone: c.tone,
    at: c.at ?? now.toISOString(),
  };
}
