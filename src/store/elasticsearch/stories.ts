// Story linking for a write batch, as the SQLite backend does it: an item with a MinHash
// signature joins the story of the most similar stored item among the few sharing the
// most band keys; the earliest published copy heads the story. One msearch finds every
// item's candidates (their signatures come back in _source), one ids search finds the
// heads' dates, and one update_by_query moves the stories whose head changed.
import type { Client, estypes } from '@elastic/elasticsearch';
import type { Item } from '../../core/types.ts';
import { RetryLaterError } from '../../core/errors.ts';
import { bandKeys, SAME_STORY, similarity } from '../../pipeline/minhash.ts';
import type { IndexNames } from './mappings.ts';

/** What linking needs to know of a stored or just-written item. */
export interface StoryMember {
  id: string;
  url: string;
  storyId: string;
  publishedAt: string | null;
  signature: number[];
}

export interface StoryContext {
  client: Client;
  names: IndexNames;
  refresh: boolean | 'wait_for';
}

/** Candidates per item, as SQLite's `GROUP BY item ORDER BY count(*) DESC LIMIT 5`. */
const CANDIDATES = 5;
const MEMBER_FIELDS = ['id', 'url', 'storyId', 'publishedAt', 'signature'];

/** Each matching band adds exactly 1 to the score, so hits come most bands first. */
export function bandQuery(item: Pick<Item, 'id' | 'url'>, keys: number[]): estypes.SearchRequest {
  return {
    query: {
      bool: {
        should: keys.map((k) => ({ constant_score: { filter: { term: { storyBands: k } } } })),
        minimum_should_match: 1,
        must_not: [{ ids: { values: [item.id] } }, { term: { url: item.url } }],
      },
    },
    sort: ['_score', { seq: 'asc' }],
    size: CANDIDATES,
    track_total_hits: false,
    _source: MEMBER_FIELDS,
  };
}

/** Each signed item's candidates, all in one msearch. */
export async function findCandidates(ctx: StoryContext, items: Item[]): Promise<StoryMember[][]> {
  const out: StoryMember[][] = items.map(() => []);
  const asked = items.flatMap((item, i) => (item.signature ? [i] : []));
  if (!asked.length) return out;
  const res = await ctx.client.msearch<StoryMember>({
    index: ctx.names.items,
    searches: asked.flatMap((i) => {
      const item = items[i]!;
      return [{}, bandQuery(item, bandKeys(item.signature!))];
    }),
  });
  res.responses.forEach((r, n) => {
    if ('error' in r) {
      throw new RetryLaterError(
        `Elasticsearch story lookup failed: ${r.error.type}: ${r.error.reason ?? ''}`,
      );
    }
    out[asked[n]!] = r.hits.hits.flatMap((h) => (h._source?.signature?.length ? [h._source] : []));
  });
  return out;
}

/** Publication dates of story heads (absent when the head is not stored). */
async function findHeads(ctx: StoryContext, ids: string[]): Promise<Map<string, string | null>> {
  const heads = new Map<string, string | null>();
  if (!ids.length) return heads;
  const res = await ctx.client.search<Pick<StoryMember, 'id' | 'publishedAt'>>({
    index: ctx.names.items,
    query: { ids: { values: ids } },
    size: ids.length,
    _source: ['id', 'publishedAt'],
  });
  for (const h of res.hits.hits) if (h._source) heads.set(h._source.id, h._source.publishedAt);
  return heads;
}

/**
 * Links the items of a batch, given their stored candidates (findCandidates) and the
 * stories signed items may fall back to (content duplicates, stored or given story ids),
 * whose heads may move too.
 */
export async function storyLinker(
  ctx: StoryContext,
  items: Item[],
  stored: StoryMember[][],
  storyIds: Iterable<string>,
) {
  const heads = new Map<string, string | null>();
  for (const c of stored.flat()) if (c.storyId === c.id) heads.set(c.id, c.publishedAt);
  const wanted = new Set(storyIds);
  if (items.some((i) => i.signature)) for (const c of stored.flat()) wanted.add(c.storyId);
  for (const id of heads.keys()) wanted.delete(id);
  for (const [id, at] of await findHeads(ctx, [...wanted])) heads.set(id, at);

  /** Items written earlier in this batch, by id: they win over their stored versions. */
  const batch = new Map<string, StoryMember & { bands: Set<number> }>();
  /** Old story id → new head, for stories whose head moved in this batch. */
  const moves = new Map<string, string>();
  /** Stories begun by items new in this batch: nothing stored can belong to them yet. */
  const born = new Set<string>();
  const resolve = (story: string) => {
    let s = story;
    // Moves are kept flat; the bound only guards against a cycle.
    for (let n = 0; n <= moves.size && moves.has(s); n++) s = moves.get(s)!;
    return s;
  };

  function findStory(index: number, self: Pick<StoryMember, 'id' | 'url'>, sig: number[]) {
    const keys = new Set(bandKeys(sig));
    const others = (c: StoryMember) => c.id !== self.id && c.url !== self.url;
    const count = (bands: Iterable<number>) => [...bands].filter((k) => keys.has(k)).length;
    const pool = [
      ...stored[index]!.filter((c) => !batch.has(c.id)).map((c) => ({
        c,
        shared: count(bandKeys(c.signature)),
      })),
      ...[...batch.values()].map((c) => ({ c, shared: count(c.bands) })),
    ]
      .filter(({ c, shared }) => shared > 0 && others(c))
      .sort((a, b) => b.shared - a.shared)
      .slice(0, CANDIDATES);
    let best: { story: string; sim: number } | null = null;
    for (const { c } of pool) {
      const sim = similarity(sig, c.signature);
      if (sim >= SAME_STORY && (!best || sim > best.sim)) best = { story: c.storyId, sim };
    }
    return best ? resolve(best.story) : null;
  }

  return {
    resolve,
    /**
     * The story of the batch's item at `index`, given the story it would otherwise keep.
     * Moves the story's head to the item when it was published first.
     */
    link(index: number, self: Omit<StoryMember, 'storyId' | 'signature'>, fallback: string) {
      const sig = items[index]?.signature;
      if (!sig) return resolve(fallback);
      const story = fallback !== self.id ? resolve(fallback) : findStory(index, self, sig);
      if (!story || story === self.id) return self.id;
      const head = heads.get(story);
      if (self.publishedAt && head && self.publishedAt < head) {
        for (const [from, to] of moves) if (to === story) moves.set(from, self.id);
        moves.set(story, self.id);
        return self.id;
      }
      return story;
    },
    /** Makes a written item visible to the rest of the batch. */
    record(
      m: Omit<StoryMember, 'signature'> & { signature?: number[] | null | undefined },
      isNew: boolean,
    ) {
      if (m.storyId === m.id) heads.set(m.id, m.publishedAt);
      if (m.storyId === m.id && isNew) born.add(m.id);
      if (m.signature)
        batch.set(m.id, { ...m, signature: m.signature, bands: new Set(bandKeys(m.signature)) });
      else batch.delete(m.id);
    },
    /** The moves stored items need (the batch's own documents are already right). */
    storedMoves: () => new Map([...moves].filter(([from]) => !born.has(from))),
  };
}

export type StoryLinker = Awaited<ReturnType<typeof storyLinker>>;

/** Points every stored item of a moved story at its new head, in one request. */
export async function moveStories(ctx: StoryContext, moves: Map<string, string>): Promise<void> {
  if (!moves.size) return;
  let res: estypes.UpdateByQueryResponse;
  try {
    res = await ctx.client.updateByQuery({
      index: ctx.names.items,
      query: { terms: { storyId: [...moves.keys()] } },
      script: {
        lang: 'painless',
        source:
          "String to = params.moves.get(ctx._source.storyId); if (to == null) { ctx.op = 'noop'; } else { ctx._source.storyId = to; ctx._source.isStoryHead = to == ctx._source.id; }",
        params: { moves: Object.fromEntries(moves) },
      },
      // Items re-indexed by this very batch conflict; their new version is already right.
      conflicts: 'proceed',
      refresh: ctx.refresh !== false,
    });
  } catch (err) {
    throw new RetryLaterError('Elasticsearch could not move story heads', { cause: err });
  }
  if (res.failures?.length) {
    const f = res.failures[0]!;
    throw new RetryLaterError(
      `Elasticsearch could not move ${res.failures.length} item(s) to their new story head: ${f.cause.type}: ${f.cause.reason ?? ''}`,
    );
  }
}
