// Runs every enabled source on its cron schedule (node-cron v4). A source whose
// previous run is still going is skipped, never run twice at once; a failing run
// never stops the scheduler.
import nodeCron from 'node-cron';
import { FatalError, errorMessage } from '../src/core/errors.ts';
import type { Source } from '../src/core/source.ts';
import type { CrawlLogger } from './types.ts';
import { silentLogger } from './types.ts';

/** The part of node-cron we use, so tests can inject a fake. */
export interface CronLike {
  validate(expression: string): boolean;
  createTask(
    expression: string,
    fn: () => unknown,
    options?: { name?: string; noOverlap?: boolean },
  ): { start(): unknown; stop(): unknown; destroy?(): unknown };
}

export interface Scheduler {
  start(): void;
  stop(): void;
  /** Ids of sources whose run is in progress. */
  running(): string[];
  /** Sources left out because their schedule is not valid cron. */
  invalid: { id: string; schedule: string }[];
}

export function createScheduler(opts: {
  sources: Source[];
  run: (source: Source) => Promise<unknown>;
  cron?: CronLike;
  log?: CrawlLogger;
}): Scheduler {
  const cron: CronLike = opts.cron ?? nodeCron;
  const log = opts.log ?? silentLogger;
  const busy = new Set<string>();
  const invalid: Scheduler['invalid'] = [];
  const tasks: ReturnType<CronLike['createTask']>[] = [];

  const tick = async (source: Source): Promise<void> => {
    if (busy.has(source.id)) {
      log.info('previous run still going; skipped', { source: source.id });
      return;
    }
    busy.add(source.id);
    try {
      await opts.run(source);
    } catch (err) {
      // A FatalError here is the store's (full disk, read-only): the source's state was
      // left as it was, so its next tick fetches the same items again once it is fixed.
      log.error(err instanceof FatalError ? 'the store failed' : 'source run failed', {
        source: source.id,
        error: errorMessage(err),
      });
    } finally {
      busy.delete(source.id);
    }
  };

  for (const source of opts.sources) {
    if (!source.enabled) continue;
    if (!cron.validate(source.schedule)) {
      invalid.push({ id: source.id, schedule: source.schedule });
      log.error('invalid cron schedule; source not scheduled', {
        source: source.id,
        schedule: source.schedule,
      });
      continue;
    }
    tasks.push(
      cron.createTask(source.schedule, () => tick(source), {
        name: `source:${source.id}`,
        noOverlap: true,
      }),
    );
  }

  return {
    start: () => tasks.forEach((t) => void t.start()),
    stop: () =>
      tasks.forEach((t) => {
        void t.stop();
        void t.destroy?.();
      }),
    running: () => [...busy],
    invalid,
  };
}

/**
 * Runs every enabled source once, `concurrency` at a time (`monitor crawl --once`).
 * A FatalError (the store is full, read-only or damaged) stops the round: the sources not
 * started yet are reported as not crawled, with the reason, instead of each failing in turn.
 */
export async function runAllOnce<T>(
  sources: Source[],
  run: (source: Source) => Promise<T>,
  opts: { concurrency?: number } = {},
): Promise<{ source: Source; result?: T; error?: string }[]> {
  const queue = sources.filter((s) => s.enabled);
  const results: { source: Source; result?: T; error?: string }[] = [];
  let stopped: string | null = null;
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      if (stopped) {
        results.push({ source: s, error: `not crawled: the round stopped because ${stopped}` });
        continue;
      }
      try {
        results.push({ source: s, result: await run(s) });
      } catch (err) {
        results.push({ source: s, error: errorMessage(err) });
        if (err instanceof FatalError) stopped ??= errorMessage(err);
      }
    }
  };
  const n = Math.max(1, Math.min(opts.concurrency ?? 4, queue.length));
  await Promise.all(Array.from({ length: n }, worker));
  return results;
}
