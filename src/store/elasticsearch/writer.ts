// Writing items: the SQLite backend's upsert rules (by canonical URL; 'unchanged' when the
// content and mentions are the same; content duplicates point at the earliest copy) on
// top of bulk requests. Existing documents are looked up with a realtime mget in the
// index the item belongs to, then by URL over the alias (an item whose date moved to
// another year, or stored under another id); duplicates by a collapsed terms query;
// near duplicates (reposts) by MinHash bands (stories.ts).
import type { Client, estypes } from '@elastic/elasticsearch';
import { itemDocument, type Item, type Mention, type RejectedSpan } from '../../core/types.ts';
import { mergeReviewed, stillInPlace } from '../review-merge.ts';
import type { UpsertOutcome } from '../../core/store.ts';
import { RetryLaterError } from '../../core/errors.ts';
import { toUtcIso } from '../time.ts';
import { itemToDoc, mentionFields, mentionsKey, nextSeq, type ItemDoc } from './docs.ts';
import { yearIndex, type IndexNames } from './mappings.ts';
import type { BulkFailure, BulkOp } from './bulk.ts';
import { OLDEST_FIRST } from './scan.ts';
import { findCandidates, moveStories, storyLinker, type StoryMember } from './stories.ts';

export interface WriterContext {
  client: Client;
  names: IndexNames;
  refresh: boolean | 'wait_for';
  bulk: (ops: BulkOp[]) => Promise<BulkFailure[]>;
  deadLetterPath: string;
  /** Spans monitors rejected, so a re-crawl does not bring them back. */
  rejectedMentions?: (itemIds: string[]) => Promise<Map<string, RejectedSpan[]>>;
}

/** Thrown after a write where some items were rejected; the others are stored. */
export class BulkItemsError extends RetryLaterError {
  constructor(
    readonly failures: BulkFailure[],
    readonly outcomes: UpsertOutcome[],
    deadLetterPath: string,
  ) {
    super(
      `Elasticsearch rejected ${failures.length} operation(s); they are kept in ${deadLetterPath} (replay with retryDeadLetters())`,
    );
  }
}

type Existing = Pick<
  ItemDoc,
  'id' | 'url' | 'contentHash' | 'storyId' | 'ingestedAt' | 'seq' | 'mentionsKey'
> & { index: string; mentions?: Mention[] };
type Candidate = {
  id: string;
  url: string;
  storyId: string;
  publishedAt: string | null;
  order: number;
};

const EXISTING_FIELDS = [
  'id',
  'url',
  'contentHash',
  'storyId',
  'ingestedAt',
  'seq',
  'mentionsKey',
  'mentions',
];

/** A re-crawled item keeps what monitors reviewed or rejected in it. */
async function keepReviews(
  ctx: WriterContext,
  items: Item[],
  existing: Map<string, Existing>,
): Promise<Item[]> {
  const stored = items.map((i) => existing.get(i.url)).filter((e): e is Existing => Boolean(e));
  if (!stored.length) return items;
  const rejected = (await ctx.rejectedMentions?.(stored.map((e) => e.id))) ?? new Map();
  return items.map((item) => {
    const old = existing.get(item.url);
    if (!old) return item;
    const reviewed = (old.mentions ?? []).filter((m) => m.toneSource === 'review');
    const spans = rejected.get(old.id) ?? [];
    if (!reviewed.length && !spans.length) return item;
    const doc = itemDocument(item);
    return { ...item, mentions: mergeReviewed(item.mentions, stillInPlace(reviewed, doc), spans) };
  });
}

async function findExisting(ctx: WriterContext, items: Item[]): Promise<Map<string, Existing>> {
  const found = new Map<string, Existing>();
  const res = await ctx.client.mget<ItemDoc>({
    docs: items.map((i) => ({
      _index: yearIndex(ctx.names.items, toUtcIso(i.publishedAt)),
      _id: i.id,
    })),
    _source_includes: EXISTING_FIELDS,
  });
  for (const d of res.docs) {
    if ('found' in d && d.found && d._source)
      found.set(d._source.url, { ...d._source, index: d._index });
  }
  const missing = [...new Set(items.map((i) => i.url).filter((u) => !found.has(u)))];
  if (missing.length) {
    const r = await ctx.client.search<ItemDoc>({
      index: ctx.names.items,
      query: { terms: { url: missing } },
      size: missing.length,
      _source: EXISTING_FIELDS,
    });
    for (const h of r.hits.hits)
      if (h._source) found.set(h._source.url, { ...h._source, index: h._index });
  }
  return found;
}

const byAge = (a: Candidate, b: Candidate) =>
  a.publishedAt === b.publishedAt
    ? a.order - b.order
    : a.publishedAt === null
      ? -1
      : b.publishedAt === null
        ? 1
        : a.publishedAt < b.publishedAt
          ? -1
          : 1;

/** The two earliest stored copies of each content hash (two, so one may be the item itself). */
async function findCopies(ctx: WriterContext, items: Item[]): Promise<Map<string, Candidate[]>> {
  const hashes = [...new Set(items.map((i) => i.contentHash))];
  const res = await ctx.client.search({
    index: ctx.names.items,
    query: { terms: { contentHash: hashes } },
    collapse: {
      field: 'contentHash',
      inner_hits: {
        name: 'earliest',
        size: 2,
        _source: ['id', 'url', 'storyId', 'publishedAt'],
        sort: OLDEST_FIRST,
      },
    },
    size: hashes.length,
    _source: ['contentHash'],
  });
  const out = new Map<string, Candidate[]>();
  for (const h of res.hits.hits) {
    const hash = (h._source as { contentHash: string } | undefined)?.contentHash;
    const inner = h.inner_hits?.earliest?.hits.hits ?? [];
    if (!hash) continue;
    out.set(
      hash,
      inner.map((x, order) => ({ ...(x._source as Omit<Candidate, 'order'>), order })),
    );
  }
  return out;
}

export function itemWriter(ctx: WriterContext) {
  /** preserve: keep the item's own storyId/duplicateOf/timestamps (migration). */
  async function write(items: Item[], preserve: boolean): Promise<UpsertOutcome[]> {
    if (!items.length) return [];
    const now = new Date().toISOString();
    const [existing, copies, stored] = await Promise.all([
      findExisting(ctx, items),
      findCopies(ctx, items),
      preserve ? items.map((): StoryMember[] => []) : findCandidates(ctx, items),
    ]);
    if (!preserve) items = await keepReviews(ctx, items, existing);
    // Stories a signed item may keep: their heads may move to it.
    const fallbacks = items
      .filter((i) => i.signature && !preserve)
      .flatMap((i) => [
        ...(copies.get(i.contentHash) ?? []).map((c) => c.storyId),
        ...(i.storyId ? [i.storyId] : []),
        ...(existing.get(i.url)?.storyId ? [existing.get(i.url)!.storyId] : []),
      ]);
    const stories = await storyLinker(ctx, items, stored, fallbacks);
    const outcomes: UpsertOutcome[] = [];
    const ops: BulkOp[] = [];
    let order = 2;
    for (const [pos, item] of items.entries()) {
      const old = existing.get(item.url);
      if (
        old &&
        old.contentHash === item.contentHash &&
        (old.mentionsKey ?? '') === mentionsKey(item.mentions)
      ) {
        outcomes.push({ id: old.id, url: item.url, status: 'unchanged' });
        continue;
      }
      const cands = (copies.get(item.contentHash) ?? [])
        .filter((c) => c.url !== item.url)
        .sort(byAge);
      const dup = preserve ? undefined : cands[0];
      const id = old?.id ?? item.id;
      const storyId = preserve
        ? (item.storyId ?? id)
        : stories.link(
            pos,
            { id, url: item.url, publishedAt: toUtcIso(item.publishedAt) },
            dup?.storyId ?? item.storyId ?? old?.storyId ?? id,
          );
      const doc = itemToDoc(item, {
        id,
        storyId,
        duplicateOf: preserve ? item.duplicateOf : (dup?.id ?? null),
        ingestedAt: preserve ? item.ingestedAt : (old?.ingestedAt ?? now),
        updatedAt: preserve ? item.updatedAt : now,
        seq: old?.seq ?? nextSeq(),
      });
      const index = yearIndex(ctx.names.items, doc.publishedAt);
      if (old && old.index !== index)
        ops.push({ action: 'delete', index: old.index, id: old.id, url: item.url });
      ops.push({ action: 'index', index, id, doc, url: item.url });
      if (!preserve) stories.record(doc, !old);
      // Later items of the same batch see this one, as they would in SQLite.
      existing.set(item.url, { ...doc, index });
      const list = (copies.get(item.contentHash) ?? []).filter((c) => c.url !== item.url);
      list.push({ id, url: item.url, storyId, publishedAt: doc.publishedAt, order: order++ });
      copies.set(item.contentHash, list);
      const status = old ? 'updated' : dup ? 'duplicate' : 'new';
      outcomes.push(
        dup ? { id, url: item.url, status, duplicateOf: dup.id } : { id, url: item.url, status },
      );
    }
    // Items of this batch already in a story whose head moved later in the batch.
    for (const op of ops) {
      const doc = op.doc as ItemDoc | undefined;
      if (!doc) continue;
      doc.storyId = stories.resolve(doc.storyId);
      doc.isStoryHead = doc.storyId === doc.id;
    }
    // Before the bulk: if the move fails nothing is written and a retry links afresh
    // (after it, the items would come back 'unchanged' and the move would be lost).
    await moveStories(ctx, stories.storedMoves());
    const failures = await ctx.bulk(ops);
    if (failures.length) {
      const failed = new Set(failures.map((f) => f.op.url));
      throw new BulkItemsError(
        failures,
        outcomes.filter((o) => !failed.has(o.url)),
        ctx.deadLetterPath,
      );
    }
    return outcomes;
  }

  async function replaceMentions(itemId: string, mentions: Mention[]): Promise<void> {
    const res = await ctx.client.search<ItemDoc>({
      index: ctx.names.items,
      query: { ids: { values: [itemId] } },
      _source: ['title', 'cues', 'source.id', 'publishedAt'],
      size: 1,
    });
    const hit = res.hits.hits[0];
    if (!hit?._source) throw new RangeError(`No item with id ${itemId}`);
    const d = hit._source;
    const fields = mentionFields(
      { title: d.title, cues: d.cues ?? undefined, mentions },
      d.source.id,
      d.publishedAt,
    );
    const doc: Partial<ItemDoc> = fields;
    await ctx.client.update({
      index: hit._index,
      id: itemId,
      doc,
      refresh: ctx.refresh,
      retry_on_conflict: 3,
    } satisfies estypes.UpdateRequest);
  }

  return {
    upsertItems: (items: Item[]) => write(items, false),
    importItems: (items: Item[]) => write(items, true),
    replaceMentions,
  };
}
