// A small gate for expensive work (rendering): at most `concurrency` tasks run, at most
// `maxQueue` wait, and anything beyond that is refused at once with a RetryLaterError the
// API turns into 503 + Retry-After. A burst of requests then costs a bounded amount of CPU
// and memory instead of one browser or one render each.
import { RetryLaterError } from '../../core/errors.ts';

export interface LimitOptions {
  concurrency: number;
  maxQueue: number;
  /** What is being limited, for the refusal message ("PDF printing"). */
  what: string;
  /** Suggested wait when refused; default 5 s. */
  retryAfterMs?: number;
}

export interface LimitStats {
  running: number;
  queued: number;
  /** Tasks refused because the queue was full, since start. */
  refused: number;
}

export interface Limit {
  run<T>(task: () => Promise<T>): Promise<T>;
  stats(): LimitStats;
}

export class BusyError extends RetryLaterError {}

export function limit(opts: LimitOptions): Limit {
  const concurrency = Math.max(1, opts.concurrency);
  const waiting: Array<() => void> = [];
  let running = 0;
  let refused = 0;

  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) {
      running++;
      next();
    }
  };

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      if (running >= concurrency && waiting.length >= opts.maxQueue) {
        refused++;
        const retryAfterMs = opts.retryAfterMs ?? 5000;
        return Promise.reject(
          new BusyError(
            `${opts.what} is busy (${running} running, ${waiting.length} waiting): try again in ${Math.ceil(retryAfterMs / 1000)} s`,
            { retryAfterMs },
          ),
        );
      }
      const start = () => task().finally(release);
      if (running < concurrency) {
        running++;
        return start();
      }
      return new Promise<void>((resolve) => waiting.push(resolve)).then(start);
    },
    stats: () => ({ running, queued: waiting.length, refused }),
  };
}
