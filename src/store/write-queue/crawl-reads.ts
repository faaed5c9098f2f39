// What a crawl reads and writes besides items, kept working while the store is away, so
// crawling goes on through an outage and its items join the write queue:
//   - source state: the last one read or set in this process (a fresh state at worst:
//     no validators, so feeds are fetched whole and nothing is missed);
//   - "is this URL stored?": items waiting in the queue count as stored, others as not
//     (an article fetched twice is written as 'unchanged' later);
//   - state changes and fetch records: kept in memory / dropped, and said once in the log.
import type { Item } from '../../core/types.ts';
import { emptySourceState } from '../../core/store.ts';
import type { FetchEvent, SourceState, Store } from '../../core/store.ts';

type CrawlReads = Pick<Store, 'getSourceState' | 'setSourceState' | 'recordFetch' | 'getItemByUrl'>;

export function crawlReads(
  store: CrawlReads,
  opts: {
    isDown: (err: unknown) => boolean;
    /** Notes the outage (logs once, schedules the retry). */
    noteDown: (err: unknown) => Promise<void>;
    /** An item this process queued and the store has not taken yet. */
    waiting: (url: string) => Item | undefined;
  },
): CrawlReads {
  const states = new Map<string, SourceState>();
  const outage = async (err: unknown) => {
    if (!opts.isDown(err)) throw err;
    await opts.noteDown(err);
  };
  return {
    async getSourceState(id) {
      try {
        const state = await store.getSourceState(id);
        states.set(id, state);
        return state;
      } catch (err) {
        await outage(err);
        return states.get(id) ?? emptySourceState();
      }
    },
    async setSourceState(id, state: SourceState) {
      states.set(id, state);
      try {
        await store.setSourceState(id, state);
      } catch (err) {
        await outage(err);
      }
    },
    async recordFetch(event: FetchEvent) {
      try {
        await store.recordFetch(event);
      } catch (err) {
        await outage(err);
      }
    },
    async getItemByUrl(url) {
      const queued = opts.waiting(url);
      if (queued) return queued;
      try {
        return await store.getItemByUrl(url);
      } catch (err) {
        await outage(err);
        return null;
      }
    },
  };
}
