// A clean stop for long-running commands. The first SIGINT/SIGTERM asks the work to stop:
// no new runs start, the ones in flight get a bounded time to finish and write what they
// fetched, then the store is closed. A second signal exits at once.
export interface RunTracker {
  /** Runs `fn` unless stopping; keeps track of it while it runs. */
  track<T>(key: string, fn: () => Promise<T>): Promise<T | undefined>;
  readonly stopping: boolean;
  /** Stops new runs and waits up to `graceMs` for the running ones; returns those left. */
  stop(graceMs: number): Promise<string[]>;
}

export function runTracker(): RunTracker {
  const running = new Map<symbol, { key: string; done: Promise<unknown> }>();
  let stopping = false;
  return {
    async track(key, fn) {
      if (stopping) return undefined;
      const id = Symbol(key);
      const done = fn();
      running.set(id, { key, done: done.catch(() => undefined) });
      try {
        return await done;
      } finally {
        running.delete(id);
      }
    },
    get stopping() {
      return stopping;
    },
    async stop(graceMs) {
      stopping = true;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((r) => (timer = setTimeout(r, graceMs)));
      await Promise.race([Promise.all([...running.values()].map((r) => r.done)), timeout]);
      clearTimeout(timer);
      return [...running.values()].map((r) => r.key);
    },
  };
}

/**
 * Resolves on the first SIGINT/SIGTERM; a second one calls `hardExit` (by default: exit
 * now with 130), for a user who does not want to wait.
 */
export function firstSignal(
  onSecond: () => void = () => process.exit(130),
  proc: NodeJS.EventEmitter = process,
): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const first = (signal: NodeJS.Signals) => {
      proc.off('SIGINT', first);
      proc.off('SIGTERM', first);
      proc.once('SIGINT', onSecond);
      proc.once('SIGTERM', onSecond);
      resolve(signal);
    };
    proc.on('SIGINT', first);
    proc.on('SIGTERM', first);
  });
}
