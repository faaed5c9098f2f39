// Report rendering in worker threads: up to `workers` renders run at once, each in its own
// thread, `maxQueue` more wait, the rest are refused (503 + Retry-After). Threads start on
// first use and are reused; one that dies (a crash, its heap limit, a render past the
// deadline) fails only its own render and is replaced on the next call.
import { Worker } from 'node:worker_threads';
import { RetryLaterError } from '../../core/errors.ts';
import { fromWire } from '../../core/wire-error.ts';
import { limit, type Limit, type LimitStats } from './limit.ts';
import type { Renderer } from './modules.ts';
import type { RenderReply, RenderRequest } from './protocol.ts';

export interface RenderPoolOptions {
  /** Threads, and renders at once (MONITOR_RENDER_WORKERS). */
  workers: number;
  /** Renders waiting at most (MONITOR_RENDER_QUEUE). */
  maxQueue: number;
  /** A render running longer is stopped with its thread. Default 120 s. */
  timeoutMs?: number;
  /** Heap of one thread; a render beyond it fails alone. Default 768 MB. */
  maxHeapMb?: number;
}

export interface RenderPool extends Renderer {
  stats(): LimitStats & { threads: number; started: number };
}

export function renderPool(opts: RenderPoolOptions): RenderPool {
  const gate: Limit = limit({
    concurrency: opts.workers,
    maxQueue: opts.maxQueue,
    what: 'rendering',
  });
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  let started = 0;
  let closed = false;

  const spawn = () => {
    const w = new Worker(new URL('./worker-entry.js', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb ?? 768 },
    });
    w.unref(); // an idle render thread never keeps the process alive
    all.add(w);
    started++;
    w.once('exit', () => {
      all.delete(w);
      const i = idle.indexOf(w);
      if (i >= 0) idle.splice(i, 1);
    });
    return w;
  };

  // One render on one thread; the gate guarantees a thread is free or may be started.
  const runOn = (req: RenderRequest) =>
    new Promise<unknown>((resolve, reject) => {
      if (closed)
        return reject(new RetryLaterError('rendering has stopped: the server is closing'));
      const w = idle.pop() ?? spawn();
      const done = (settle: () => void) => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        settle();
      };
      const onMessage = (reply: RenderReply) =>
        done(() => {
          idle.push(w);
          if ('error' in reply) reject(fromWire(reply.error));
          else resolve(reply.result instanceof Uint8Array ? asBuffer(reply.result) : reply.result);
        });
      const onError = (err: Error) => done(() => reject(err));
      const onExit = (code: number) =>
        done(() => reject(new Error(`a render thread stopped (exit code ${code})`)));
      const timeoutMs = opts.timeoutMs ?? 120_000;
      const timer = setTimeout(() => {
        done(() => reject(new Error(`${req.module}.${req.fn} took over ${timeoutMs} ms`)));
        void w.terminate();
      }, timeoutMs);
      w.on('message', onMessage);
      w.once('error', onError);
      w.once('exit', onExit);
      w.postMessage(req);
    });

  return {
    call: (module, fn, ...args) =>
      gate.run(() => runOn({ module, fn, args })) as ReturnType<Renderer['call']>,
    stats: () => ({ ...gate.stats(), threads: all.size, started }),
    async close() {
      closed = true;
      await Promise.all([...all].map((w) => w.terminate()));
    },
  };
}

/** Buffers arrive as plain Uint8Arrays; the callers send them as Buffers. */
const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
