import { describe, expect, it } from 'vitest';
import { createScheduler, runAllOnce } from '../../../crawlers/scheduler.ts';
import type { CronLike } from '../../../crawlers/scheduler.ts';
import type { Source } from '../../../src/core/source.ts';
import { makeSource } from './helpers.ts';

/** A cron whose ticks the test fires by hand. */
function fakeCron() {
  const tasks: { expression: string; fn: () => unknown; started: boolean; stopped: boolean }[] = [];
  const cron: CronLike = {
    validate: (e) => !e.includes('bad'),
    createTask(expression, fn) {
      const t = { expression, fn, started: false, stopped: false };
      tasks.push(t);
      return { start: () => void (t.started = true), stop: () => void (t.stopped = true) };
    },
  };
  const fire = (expression: string) =>
    Promise.all(
      tasks
        .filter((t) => t.started && !t.stopped && t.expression === expression)
        .map((t) => t.fn()),
    );
  return { cron, tasks, fire };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const src = (id: string, schedule: string, enabled = true) =>
  makeSource({ id, kind: 'rss', urls: [`https://${id}.example/rss`], schedule, enabled });

describe('scheduler', () => {
  it('runs each enabled source on its own schedule', async () => {
    const { cron, tasks, fire } = fakeCron();
    const runs: string[] = [];
    const scheduler = createScheduler({
      sources: [
        src('a', '*/5 * * * *'),
        src('b', '0 * * * *'),
        src('c', '*/5 * * * *', false),
        src('d', 'bad cron'),
      ],
      run: async (s: Source) => void runs.push(s.id),
      cron,
    });
    expect(tasks.map((t) => t.expression)).toEqual(['*/5 * * * *', '0 * * * *']);
    expect(scheduler.invalid).toEqual([{ id: 'd', schedule: 'bad cron' }]);
    await fire('*/5 * * * *');
    expect(runs).toEqual([]); // not started yet
    scheduler.start();
    await fire('*/5 * * * *');
    await fire('0 * * * *');
    await fire('*/5 * * * *');
    expect(runs).toEqual(['a', 'b', 'a']);
    scheduler.stop();
    await fire('0 * * * *');
    expect(runs).toHaveLength(3);
  });

  it('never overlaps runs of one source and survives a failing run', async () => {
    const { cron, fire } = fakeCron();
    const gate = deferred();
    let started = 0;
    let calls = 0;
    const scheduler = createScheduler({
      sources: [src('slow', '* * * * *')],
      run: async () => {
        calls++;
        if (calls === 3) throw new Error('boom');
        started++;
        if (calls === 1) await gate.promise;
      },
      cron,
    });
    scheduler.start();
    const first = fire('* * * * *');
    await fire('* * * * *'); // fires while the first run is still going
    expect(started).toBe(1);
    expect(scheduler.running()).toEqual(['slow']);
    gate.resolve();
    await first;
    expect(scheduler.running()).toEqual([]);
    await fire('* * * * *'); // second run
    await fire('* * * * *'); // third run throws; scheduler carries on
    await fire('* * * * *');
    expect(calls).toBe(4);
    scheduler.stop();
  });

  it('works with the real node-cron (every second)', async () => {
    const runs: number[] = [];
    const scheduler = createScheduler({
      sources: [src('tick', '* * * * * *')],
      run: async () => void runs.push(Date.now()),
    });
    scheduler.start();
    await new Promise((r) => setTimeout(r, 1300));
    scheduler.stop();
    expect(runs.length).toBeGreaterThanOrEqual(1);
  });

  it('runAllOnce runs enabled sources with bounded concurrency and reports errors', async () => {
    let active = 0;
    let peak = 0;
    const sources = ['a', 'b', 'c', 'd', 'e'].map((id) => src(id, '* * * * *', id !== 'e'));
    const results = await runAllOnce(
      sources,
      async (s) => {
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 5));
        active--;
        if (s.id === 'c') throw new Error('c failed');
        return s.id.toUpperCase();
      },
      { concurrency: 2 },
    );
    expect(peak).toBe(2);
    expect(results.map((r) => r.source.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(results.find((r) => r.source.id === 'c')?.error).toBe('c failed');
    expect(results.find((r) => r.source.id === 'a')?.result).toBe('A');
  });
});
