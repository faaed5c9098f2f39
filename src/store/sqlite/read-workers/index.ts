// The SQLite store with its heavy reads (search, counts, coverage) answered by worker
// threads, each with a read-only connection to the same file. Writes, reviews and the
// rest stay on the store's own connection. On two cores the server thread stays free for
// other requests while a metrics aggregation runs, and two reads run at once.
import { Worker } from 'node:worker_threads';
import { FatalError, RetryLaterError, SkipItemError } from '../../../core/errors.ts';
import type { Store } from '../../../core/store.ts';
import { POOLED_READS, type PooledRead, type ReadReply, type WireError } from './protocol.ts';

export interface ReadWorkerOptions {
  /** The store's file (not ':memory:': workers need a file to open). */
  path: string;
  workers: number;
}

function rebuild(e: WireError): Error {
  // The API maps errors by class (a bad query is a 400), so the class crosses the thread.
  const err =
    e.action === 'skip'
      ? new SkipItemError(e.message)
      : e.action === 'retry'
        ? new RetryLaterError(e.message)
        : e.action === 'stop'
          ? new FatalError(e.message)
          : e.name === 'RangeError'
            ? new RangeError(e.message)
            : new Error(e.message);
  return err;
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export interface ReadWorkers<S extends Store> {
  /** The store, with its heavy reads sent to the workers; its close() stops them too. */
  store: S;
  /** Stops the workers and leaves the store open (its owner closes it). */
  stop(): Promise<void>;
}

export function withReadWorkers<S extends Store>(store: S, opts: ReadWorkerOptions): S {
  return readWorkers(store, opts).store;
}

export function readWorkers<S extends Store>(store: S, opts: ReadWorkerOptions): ReadWorkers<S> {
  if (opts.workers < 1 || opts.path === ':memory:') return { store, stop: async () => {} };
  const pending = new Map<number, Pending>();
  const load = new Map<Worker, number>();
  const inFlight = new Map<Worker, Set<number>>();
  let next = 0;
  let closed = false;

  const start = () => {
    const w = new Worker(new URL('./worker-entry.js', import.meta.url), {
      workerData: { path: opts.path },
    });
    load.set(w, 0);
    w.on('message', (reply: ReadReply) => {
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      load.set(w, Math.max(0, (load.get(w) ?? 1) - 1));
      if (!p) return;
      if ('error' in reply) p.reject(rebuild(reply.error));
      else p.resolve(reply.result);
    });
    // A worker that dies takes its requests with it: fail them, and start a new one.
    w.on('error', (err) => failAll(w, err));
    w.on('exit', (code) => {
      load.delete(w);
      if (!closed) {
        failAll(w, new Error(`a read worker stopped (exit code ${code})`));
        start();
      }
    });
    inFlight.set(w, new Set());
  };
  const failAll = (w: Worker, err: unknown) => {
    for (const id of inFlight.get(w) ?? []) {
      pending.get(id)?.reject(err);
      pending.delete(id);
    }
    inFlight.get(w)?.clear();
  };
  for (let i = 0; i < opts.workers; i++) start();

  const call = (method: PooledRead, args: unknown[]): Promise<unknown> => {
    if (closed) return Promise.reject(new Error('the store is closed'));
    // The least busy worker takes it.
    let best: Worker | undefined;
    for (const [w, n] of load) if (!best || n < load.get(best)!) best = w;
    const worker = best!;
    const id = next++;
    load.set(worker, load.get(worker)! + 1);
    inFlight.get(worker)!.add(id);
    return new Promise((resolve, reject) => {
      pending.set(id, {
        resolve: (v) => {
          inFlight.get(worker)?.delete(id);
          resolve(v);
        },
        reject: (e) => {
          inFlight.get(worker)?.delete(id);
          reject(e);
        },
      });
      worker.postMessage({ id, method, args });
    });
  };

  const pooled = Object.create(store) as S;
  for (const method of POOLED_READS) {
    Object.defineProperty(pooled, method, {
      value: (...args: unknown[]) => call(method, args),
    });
  }
  const stop = async () => {
    if (closed) return;
    closed = true;
    await Promise.all([...load.keys()].map((w) => w.terminate()));
    for (const p of pending.values()) p.reject(new Error('the store is closed'));
    pending.clear();
  };
  Object.defineProperty(pooled, 'close', {
    value: async () => {
      await stop();
      await store.close();
    },
  });
  return { store: pooled, stop };
}
