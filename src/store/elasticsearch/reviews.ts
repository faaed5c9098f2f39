// Review of automatic tags in Elasticsearch. The reviewed mentions go back into the item
// document (mentions and the nested entity rows, through the writer's replaceMentions);
// the audit log and the double codings are indices of their own, created on first write
// from mappings/review-log.json and mappings/codings.json. Rejected spans are read from
// the log's reject records, so nothing is added to the items mapping.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Client, estypes } from '@elastic/elasticsearch';
import type {
  Coding,
  Item,
  Mention,
  RejectedSpan,
  ReviewAction,
  ReviewRecord,
} from '../../core/types.ts';
import type { CodingFilter } from '../../core/store.ts';
import { SkipItemError } from '../../core/errors.ts';
import { applyReview, checkCoding } from '../review-apply.ts';
import { nextSeq } from './docs.ts';
import type { IndexBody } from './mappings.ts';
import { scanHits } from './scan.ts';

export type ReviewDoc = ReviewRecord & { seq: number; rejected?: RejectedSpan };

export function reviewIndexNames(prefix: string) {
  return { reviewLog: `${prefix}-review-log`, codings: `${prefix}-codings` };
}

export function loadReviewMapping(name: 'review-log' | 'codings'): IndexBody {
  const url = new URL(`./mappings/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as IndexBody;
}

export interface ReviewContext {
  client: Client;
  prefix: string;
  refresh: boolean | 'wait_for';
  getItem(id: string): Promise<Item | null>;
  replaceMentions(itemId: string, mentions: Mention[]): Promise<void>;
}

const BIG = 10_000;

export function reviewIndices(ctx: ReviewContext) {
  const { client, refresh } = ctx;
  const names = reviewIndexNames(ctx.prefix);
  let ready: Promise<void> | null = null;

  /** Creates both indices once per store (they are small: no per-year split). */
  function ensure(): Promise<void> {
    ready ??= (async () => {
      for (const [index, mapping] of [
        [names.reviewLog, 'review-log'],
        [names.codings, 'codings'],
      ] as const) {
        if (await client.indices.exists({ index })) continue;
        const body = loadReviewMapping(mapping);
        // 400: another process created it meanwhile.
        await client.indices.create(
          { index, settings: body.settings, mappings: body.mappings } as never,
          { ignore: [400] },
        );
      }
    })().catch((err: unknown) => {
      ready = null;
      throw err;
    });
    return ready;
  }

  async function reviewMention(action: ReviewAction): Promise<Item> {
    const item = await ctx.getItem(action.itemId);
    if (!item) throw new SkipItemError(`no item ${action.itemId} to review`);
    const out = applyReview(item, action);
    await ensure();
    await ctx.replaceMentions(item.id, out.mentions);
    const doc: ReviewDoc = {
      ...out.record,
      seq: nextSeq(),
      ...(out.rejected ? { rejected: out.rejected } : {}),
    };
    await client.index({ index: names.reviewLog, id: doc.id, document: doc, refresh });
    return { ...item, mentions: out.mentions };
  }

  const toRecord = ({ seq: _seq, rejected: _r, ...r }: ReviewDoc): ReviewRecord => ({
    ...r,
    note: r.note ?? null,
  });

  async function reviewLog(itemId?: string): Promise<ReviewRecord[]> {
    if (itemId !== undefined) {
      const res = await client.search<ReviewDoc>({
        index: names.reviewLog,
        ignore_unavailable: true,
        query: { term: { itemId } },
        sort: [{ seq: { order: 'asc' } }],
        size: BIG,
      });
      return res.hits.hits.map((h) => toRecord(h._source!));
    }
    if (!(await client.indices.exists({ index: names.reviewLog }))) return [];
    const out: ReviewRecord[] = [];
    const pages = scanHits<ReviewDoc>(client, {
      index: names.reviewLog,
      query: { match_all: {} },
      sort: [{ seq: { order: 'asc' } }, { id: { order: 'asc' } }],
    });
    for await (const page of pages) out.push(...page.map((h) => toRecord(h._source!)));
    return out;
  }

  async function rejectedMentions(itemIds: string[]): Promise<Map<string, RejectedSpan[]>> {
    const out = new Map<string, RejectedSpan[]>();
    if (!itemIds.length) return out;
    const res = await client.search<Pick<ReviewDoc, 'itemId' | 'rejected'>>({
      index: names.reviewLog,
      ignore_unavailable: true,
      query: {
        bool: { filter: [{ terms: { itemId: itemIds } }, { term: { action: 'reject' } }] },
      },
      sort: [{ seq: { order: 'asc' } }],
      _source: ['itemId', 'rejected'],
      size: BIG,
    });
    for (const h of res.hits.hits) {
      const d = h._source;
      if (!d?.rejected) continue;
      const list = out.get(d.itemId) ?? [];
      list.push(d.rejected);
      out.set(d.itemId, list);
    }
    return out;
  }

  async function recordCoding(c: Coding): Promise<void> {
    const doc = checkCoding(c);
    await ensure();
    // One document per (item, entity, coder): coding again replaces the earlier value.
    const id = createHash('sha1')
      .update(`${doc.itemId}\u0000${doc.entity}\u0000${doc.coder}`)
      .digest('hex');
    await client.index({ index: names.codings, id, document: doc, refresh });
  }

  async function codings(filter: CodingFilter = {}): Promise<Coding[]> {
    const must: estypes.QueryDslQueryContainer[] = [];
    if (filter.coders) must.push({ terms: { coder: filter.coders } });
    if (filter.itemIds) must.push({ terms: { itemId: filter.itemIds } });
    if (!(await client.indices.exists({ index: names.codings }))) return [];
    const out: Coding[] = [];
    const pages = scanHits<Coding>(client, {
      index: names.codings,
      query: must.length ? { bool: { filter: must } } : { match_all: {} },
      sort: [{ itemId: 'asc' }, { entity: 'asc' }, { coder: 'asc' }],
    });
    for await (const page of pages) out.push(...page.map((h) => h._source!));
    return out;
  }

  return { reviewMention, reviewLog, rejectedMentions, recordCoding, codings };
}
