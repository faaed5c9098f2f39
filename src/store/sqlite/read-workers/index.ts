// The SQLite store with its heavy reads (search, counts, coverage) answered by worker
// threads, each with a read-only connection to the same file. Writes, reviews and the
// rest stay on the store's own connection. On two cores the server thread stays free for
// other requests while a metrics aggregation runs, and two reads run at once.
import { Worker } from 'node:worker_threads';
import { fromWire } from '../../../core/wire-error.ts';
import type { Store } from '../../../core/store.ts';
import { POOLED_READS, type PooledRead, type ReadReply } from './protocol.ts';

export interface ReadWorkerOptions {
  /** The store's file (not ':memory:': workers need a file to open). */
  path: string;
  workers: number;
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

export function readWorkers<S extends Store>(store: S, opts: ReadWorkerOptions): ReadWorkers<S> {
  if (opts.workers < 1 || opts.path === ':memory:') return { store, stop: async () => {} };
  // Each worker's requests in flight: how busy it is, and what fails if it dies.
  const workers = new Map<Worker, Map<number, Pending>>();
  let next = 0;
  let closed = false;

  const failAll = (w: Worker, err: unknown) => {
    for (const p of workers.get(w)?.values() ?? []) p.reject(err);
    workers.get(w)?.clear();
  };
  const start = () => {
    const w = new Worker(new URL('./worker-entry.js', import.meta.url), {
      workerData: { path: opts.path },
    });
    const waiting = new Map<number, Pending>();
    workers.set(w, waiting);
    w.on('message', (reply: ReadReply) => {
      const p = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (!p) return;
      if ('error' in reply) p.reject(fromWire(reply.error));
      else p.resolve(reply.result);
    });
    // A worker that dies takes its requests with it: fail them, and start a new one.
    w.on('error', (err) => failAll(w, err));
    w.on('exit', (code) => {
      failAll(w, new Error(`a read worker stopped (exit code ${code})`));
      workers.delete(w);
      if (!closed) start();
    });
  };
  for (let i = 0; i < opts.workers; i++) start();

  const call = (method: PooledRead, args: unknown[]): Promise<unknown> => {
    if (closed) return Promise.reject(new Error('the store is closed'));
    // The least busy worker takes it.
    let best: [Worker, Map<number, Pending>] | undefined;
    for (const entry of workers) if (!best || entry[1].size < best[1].size) best = entry;
    const [worker, waiting] = best!;
    const id = next++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
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
    const all = [...workers.keys()];
    for (const w of all) failAll(w, new Error('the store is closed'));
    await Promise.all(all.map((w) => w.terminate()));
  };
  Object.defineProperty(pooled, 'close', {
    value: async () => {
      await stop();
      await store.close();
    },
  });
  return { store: pooled, stop };
}
