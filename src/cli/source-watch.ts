// What `monitor start` says about its sources: one line when a source changes state
// (reachable → failing, failing → reachable, paused), never one per retry, and a summary
// of all of them after the first round and then now and then.
import type { FetchEvent } from '../core/store.ts';
import type { Source } from '../core/source.ts';
import { failureWords } from '../core/failure-words.ts';
import type { SourceCondition } from '../store/source-status.ts';
import { bakuTime } from './output/baku-time.ts';

export interface SourceWatch {
  /** After each run: logs a line if the source's state changed. */
  ran(source: Source, event: FetchEvent, paused: boolean, nextAttemptAt: string | null): void;
  /** From now on, changes are logged (the first round only feeds the summary). */
  settle(): void;
}

export function createSourceWatch(opts: {
  log: (line: string) => void;
  /** Each source's condition when the monitor started (from the store). */
  initial: ReadonlyMap<string, SourceCondition>;
}): SourceWatch {
  const known = new Map(opts.initial);
  let settled = false;
  return {
    ran(source, e, paused, nextAttemptAt) {
      const now: SourceCondition = paused ? 'paused' : e.ok ? 'reachable' : 'failing';
      const before = known.get(source.id) ?? 'untried';
      known.set(source.id, now);
      if (!settled || now === before) return;
      const name = `${source.id} (${source.name})`;
      const why = e.error ? failureWords(e.error) : '';
      if (now === 'reachable')
        opts.log(
          `${name}: reachable${before === 'untried' ? '' : ' again'}; ${e.itemsNew} new items`,
        );
      else if (now === 'paused') opts.log(`${name}: paused after repeated failures (${why})`);
      else
        opts.log(
          `${name}: failing (${why})${nextAttemptAt ? `; next attempt ${bakuTime(nextAttemptAt)} Baku time` : ''}`,
        );
    },
    settle() {
      settled = true;
    },
  };
}
