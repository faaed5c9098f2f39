// Per-host politeness: at most `concurrency` requests in flight to one host, and at
// least `delayMs` (or the robots.txt Crawl-delay, if longer) between request starts.

export interface HostPacer {
  /** Runs `task` when the host's turn comes. */
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
  /** Raises one host's delay (robots.txt Crawl-delay). */
  setMinDelay(host: string, delayMs: number): void;
}

interface HostSlot {
  active: number;
  nextStart: number;
  delayMs: number;
  waiting: (() => void)[];
}

export function createHostPacer(opts: {
  concurrency: number;
  delayMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}): HostPacer {
  const hosts = new Map<string, HostSlot>();
  const slot = (host: string): HostSlot => {
    let s = hosts.get(host);
    if (!s) {
      s = { active: 0, nextStart: 0, delayMs: opts.delayMs, waiting: [] };
      hosts.set(host, s);
    }
    return s;
  };

  async function acquire(s: HostSlot): Promise<void> {
    if (s.active >= opts.concurrency) {
      await new Promise<void>((resolve) => s.waiting.push(resolve));
    } else {
      s.active++;
    }
    // Reserve a start time before sleeping so concurrent callers queue behind it.
    const start = Math.max(opts.now(), s.nextStart);
    s.nextStart = start + s.delayMs;
    const wait = start - opts.now();
    if (wait > 0) await opts.sleep(wait);
  }

  function release(s: HostSlot): void {
    const next = s.waiting.shift();
    if (next)
      next(); // hand the slot over; `active` stays the same
    else s.active--;
  }

  return {
    async run(host, task) {
      const s = slot(host);
      await acquire(s);
      try {
        return await task();
      } finally {
        release(s);
      }
    },
    setMinDelay(host, delayMs) {
      const s = slot(host);
      s.delayMs = Math.max(s.delayMs, delayMs);
    },
  };
}
