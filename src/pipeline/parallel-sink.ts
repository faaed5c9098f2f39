// The pipeline spread over worker threads, writes kept in order on this thread: on two
// cores, tagging the next batch overlaps with storing this one.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Item, RawItem } from '../core/types.ts';
import type { ItemSink, Store, UpsertOutcome } from '../core/store.ts';
import type { WorkerResult } from './pipeline-worker.ts';

export interface ParallelSink {
  sink: ItemSink;
  close(): Promise<void>;
}

export function parallelPipelineSink(
  store: Store,
  opts: {
    dictionariesDir: string;
    electionId: string;
    workers?: number;
    onSkip?: (url: string, reason: string) => void;
  },
): ParallelSink {
  const count = Math.max(1, opts.workers ?? availableParallelism());
  const workers = Array.from(
    { length: count },
    () =>
      new Worker(new URL('./worker-entry.js', import.meta.url), {
        workerData: { dictionariesDir: opts.dictionariesDir, electionId: opts.electionId },
      }),
  );
  const pending = new Map<
    number,
    { resolve: (r: WorkerResult) => void; reject: (e: unknown) => void }
  >();
  for (const w of workers) {
    w.on('message', (r: WorkerResult) => {
      pending.get(r.id)?.resolve(r);
      pending.delete(r.id);
    });
    w.on('error', (err) => {
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    });
  }
  let next = 0;
  let lastWrite: Promise<unknown> = Promise.resolve();

  const run = (worker: Worker, raws: RawItem[]) =>
    new Promise<WorkerResult>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, raws });
    });

  const sink: ItemSink = async (raws) => {
    const size = Math.ceil(raws.length / workers.length);
    const parts = await Promise.all(
      workers.map((w, i) => run(w, raws.slice(i * size, (i + 1) * size))),
    );
    const items: Item[] = [];
    for (const part of parts) {
      for (const x of part.items) {
        if ('skipped' in x) opts.onSkip?.(x.url, x.skipped);
        else items.push(x);
      }
    }
    // Writes happen in submission order, one batch (one transaction) at a time.
    const write = lastWrite.then((): Promise<UpsertOutcome[]> =>
      items.length ? store.upsertItems(items) : Promise.resolve([]),
    );
    lastWrite = write.catch(() => undefined);
    return write;
  };

  return {
    sink,
    async close() {
      await lastWrite;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
