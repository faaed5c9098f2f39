// A Store whose item writes survive the store going away: while it cannot be reached,
// items wait in a spool on disk (outcome 'queued') and a timer writes them, in order,
// when it is back. Real rejections (a mapping error, a bad request) still throw.
import type { Item } from '../../core/types.ts';
import type { Store, UpsertOutcome } from '../../core/store.ts';
import { RetryLaterError, errorMessage } from '../../core/errors.ts';
import { serial } from './serial.ts';
import { crawlReads } from './crawl-reads.ts';
import { spoolFile, type SpoolEntry } from './spool.ts';
import { isUnavailable as defaultIsUnavailable, outageReason } from './unavailable.ts';

type WriteOp = 'upsert' | 'import';
type Writes = Store & { importItems?(items: Item[]): Promise<UpsertOutcome[]> };

export interface QueuedStoreOptions {
  spoolPath: string;
  log: (message: string) => void;
  /** The store in messages, e.g. 'Elasticsearch' and its URL. */
  name?: string;
  url?: string;
  /** Pause between attempts to reach the store again. */
  retryMs?: number;
  /** Items per write while draining. */
  batchSize?: number;
  now?: () => Date;
  isUnavailable?: (err: unknown) => boolean;
  /** Throws while the store cannot take writes (down, cluster red); run before draining. */
  probe?: () => Promise<void>;
  /** Sends again what the store rejected during an outage (the dead letters). */
  replayRejected?: () => Promise<{ retried: number; failed: number }>;
}

export interface WriteQueueStatus {
  /** Items waiting in the spool. */
  queued: number;
  path: string;
  /** When the store was last found unreachable (ISO), while it still is. */
  unreachableSince: string | null;
  lastError: string | null;
}

export interface WriteQueueControl {
  writeQueue(): Promise<WriteQueueStatus>;
  /** Writes what waits now; resolves with the number of items written. */
  drainQueue(): Promise<number>;
  /** The retry timer runs by itself after an outage; close() stops it. */
  stopRetrying(): void;
}

export type QueuedStore<S extends Store> = S & WriteQueueControl;

export function queuedStore<S extends Writes>(store: S, opts: QueuedStoreOptions): QueuedStore<S> {
  const spool = spoolFile<Item>(opts.spoolPath, opts.log);
  const isDown = opts.isUnavailable ?? defaultIsUnavailable;
  const retryMs = opts.retryMs ?? 30_000;
  const batchSize = opts.batchSize ?? 200;
  const now = opts.now ?? (() => new Date());
  const label = `${opts.name ?? 'the store'}${opts.url ? ` at ${opts.url}` : ''}`;
  const locked = serial();
  let down: { since: Date; reason: string; lastTry: Date } | null = null;
  let writtenSinceDown = 0;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  // Items this process queued and the store has not taken yet, by URL (for crawls).
  const waiting = new Map<string, Item>();
  const remember = (items: Item[]) => {
    for (const i of items) waiting.set(i.url, i);
  };

  const call = (op: WriteOp, items: Item[]) =>
    op === 'import' && store.importItems ? store.importItems(items) : store.upsertItems(items);
  const queued = (items: Item[]): UpsertOutcome[] =>
    items.map((i) => ({ id: i.id, url: i.url, status: 'queued' }));

  function schedule(ms: number) {
    if (closed || timer) return;
    timer = setTimeout(() => void tick(), ms);
    // A one-shot command may end while items wait; the next run writes them.
    timer.unref();
  }

  async function tick() {
    timer = undefined;
    try {
      await locked(drainLocked);
    } catch (err) {
      opts.log(`Write queue ${opts.spoolPath}: ${errorMessage(err)}`);
    }
    // Still down, or something failed before the end: try again later.
    const left = await spool.size().catch(() => 1);
    if (down || left > 0) schedule(retryMs);
  }

  async function markDown(err: unknown) {
    const reason = outageReason(err);
    const at = now();
    if (!down) {
      down = { since: at, reason, lastTry: at };
      writtenSinceDown = 0;
      const n = await spool.size();
      opts.log(
        `${label} is unreachable (${reason}); items are queued in ${opts.spoolPath} (${n} so far)`,
      );
    } else {
      down = { ...down, reason, lastTry: at };
    }
    schedule(retryMs);
  }

  /** Writes the spool in order; an outage stops it (state 'down'), anything else throws. */
  async function drainLocked(): Promise<number> {
    if (down) down.lastTry = now();
    let written = 0;
    try {
      await opts.probe?.();
      // Older rejected writes first, so they never overwrite newer queued items.
      const replayed = (await opts.replayRejected?.())?.retried ?? 0;
      for await (const batch of spool.pending(batchSize)) {
        await writeBatch(batch);
        written += batch.length;
        writtenSinceDown += batch.length;
        await spool.commit(batch[batch.length - 1]!.seq);
        for (const e of batch) waiting.delete(e.value.url);
      }
      if (down) {
        const extra = replayed ? ` (and sent ${replayed} dead-lettered operations again)` : '';
        opts.log(
          `${opts.name ?? 'The store'} is back: wrote ${writtenSinceDown} queued items${extra}`,
        );
        down = null;
      } else if (written) {
        opts.log(`Wrote ${written} items queued earlier in ${opts.spoolPath}`);
      }
      return written;
    } catch (err) {
      if (!isDown(err)) throw err;
      await markDown(err);
      return written;
    }
  }

  /** One batch of the drain: same op in runs, so imports stay imports. */
  async function writeBatch(batch: SpoolEntry<Item>[]) {
    for (let i = 0; i < batch.length;) {
      const op = batch[i]!.op as WriteOp;
      let j = i;
      while (j < batch.length && batch[j]!.op === op) j++;
      const items = batch.slice(i, j).map((e) => e.value);
      try {
        await call(op, items);
      } catch (err) {
        if (isDown(err)) throw err;
        if (Array.isArray((err as { failures?: unknown }).failures)) {
          // A partial bulk failure: the rest is stored, the refused ones are dead letters.
          opts.log(`${label} refused some queued items: ${errorMessage(err)}`);
          i = j;
          continue;
        }
        // Kept, and out of the way: one bad item must not hold back the queue.
        await spoolFile<Item>(`${opts.spoolPath}.failed`, opts.log).append(op, items);
        opts.log(
          `${label} refused ${items.length} queued items (${errorMessage(err)}); kept in ${opts.spoolPath}.failed`,
        );
      }
      i = j;
    }
  }

  /** Under the lock: writes what waits first (if it may try), then says whether to queue. */
  async function mustQueue(): Promise<boolean> {
    const retryDue = down && now().getTime() - down.lastTry.getTime() >= retryMs;
    if ((!down || retryDue) && (await spool.size()) > 0) await drainLocked();
    return down !== null || (await spool.size()) > 0;
  }

  async function enqueue(op: WriteOp, items: Item[], err: unknown): Promise<UpsertOutcome[]> {
    // Bulk partly done: the stored items keep their outcomes, the rest wait.
    const e = err as { failures?: Array<{ op: { url?: string } }>; outcomes?: UpsertOutcome[] };
    const failed = e.failures ? new Set(e.failures.map((f) => f.op.url)) : null;
    const waitingItems = failed ? items.filter((i) => failed.has(i.url)) : items;
    await locked(async () => {
      await spool.append(op, waitingItems);
      remember(waitingItems);
      await markDown(err);
    });
    if (!failed) return queued(items);
    const done = new Map((e.outcomes ?? []).map((o) => [o.url, o]));
    return items.map((i) => done.get(i.url) ?? { id: i.id, url: i.url, status: 'queued' });
  }

  async function write(op: WriteOp, items: Item[]): Promise<UpsertOutcome[]> {
    if (!items.length) return [];
    if (down || (await spool.size()) > 0) {
      const spooled = await locked(async () => {
        if (!(await mustQueue())) return null;
        await spool.append(op, items);
        remember(items);
        if (down) schedule(retryMs);
        return queued(items);
      });
      if (spooled) return spooled;
    }
    try {
      return await call(op, items);
    } catch (err) {
      if (!isDown(err)) throw err;
      return enqueue(op, items, err);
    }
  }

  /** Reads cannot wait: while the store is away they fail with a message that says so. */
  function clearReadErrors<T>(fn: (...args: unknown[]) => T) {
    return (...args: unknown[]): T => {
      const out = fn(...args);
      if (!(out instanceof Promise)) return out;
      return out.catch(async (err: unknown) => {
        if (!isDown(err)) throw err;
        throw new RetryLaterError(
          `${label} is unreachable (${outageReason(err)}); reads fail until it is back, and ${await spool.size()} items wait in ${opts.spoolPath}`,
          { cause: err },
        );
      }) as T;
    };
  }

  const wrapped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(store)) {
    wrapped[key] =
      typeof value === 'function' && key !== 'scanItems'
        ? clearReadErrors((value as (...a: unknown[]) => unknown).bind(store))
        : value;
  }
  const stopRetrying = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };

  const crawl = crawlReads(store, {
    isDown,
    noteDown: (err) => markDown(err),
    waiting: (url) => waiting.get(url),
  });

  const control: WriteQueueControl & Partial<Writes> = {
    ...crawl,
    async init() {
      await store.init();
      // Left by an earlier run: written soon, in the background.
      if ((await spool.size()) > 0) schedule(0);
    },
    async close() {
      closed = true;
      stopRetrying();
      // A batch being written finishes (and is marked done) before the client goes.
      await locked(async () => {});
      await store.close();
    },
    upsertItems: (items) => write('upsert', items),
    ...(store.importItems ? { importItems: (items: Item[]) => write('import', items) } : {}),
    async writeQueue() {
      return {
        queued: await spool.size(),
        path: opts.spoolPath,
        unreachableSince: down ? down.since.toISOString() : null,
        lastError: down ? down.reason : null,
      };
    },
    drainQueue: () => locked(drainLocked),
    stopRetrying,
  };
  return Object.assign(wrapped, control) as unknown as QueuedStore<S>;
}

/** The write queue of a store, when it has one (for /api/health). */
export function writeQueueOf(store: Store): WriteQueueControl | null {
  const s = store as Partial<WriteQueueControl>;
  return typeof s.writeQueue === 'function' ? (s as WriteQueueControl) : null;
}
