// The rendering gate and the render threads: bounded work, errors that keep their class,
// threads that die alone.
import { afterAll, describe, expect, it } from 'vitest';
import { BusyError, limit } from '../../../src/report/render/limit.ts';
import { renderPool } from '../../../src/report/render/render-pool.ts';
import { pngSize } from '../../../src/report/charts/index.ts';
import { SkipItemError } from '../../../src/core/errors.ts';
import { inlineRenderer } from '../../../src/report/render/inline-renderer.ts';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('limit', () => {
  it('runs `concurrency` tasks, queues `maxQueue`, refuses the rest with a wait time', async () => {
    const gate = limit({ concurrency: 2, maxQueue: 1, what: 'printing', retryAfterMs: 3000 });
    const holds = [deferred(), deferred(), deferred()];
    let started = 0;
    const runs = holds.map((d) =>
      gate.run(async () => {
        started++;
        await d.promise;
        return started;
      }),
    );
    const refused = gate.run(async () => 0);
    await expect(refused).rejects.toBeInstanceOf(BusyError);
    await expect(refused).rejects.toMatchObject({
      retryAfterMs: 3000,
      message: 'printing is busy (2 running, 1 waiting): try again in 3 s',
    });
    expect(started).toBe(2);
    expect(gate.stats()).toEqual({ running: 2, queued: 1, refused: 1 });
    holds[0]!.resolve();
    await runs[0];
    await new Promise((r) => setImmediate(r));
    expect(started).toBe(3);
    holds[1]!.resolve();
    holds[2]!.resolve();
    await Promise.all(runs);
    expect(gate.stats()).toEqual({ running: 0, queued: 0, refused: 1 });
  });

  it('frees its slot when a task fails', async () => {
    const gate = limit({ concurrency: 1, maxQueue: 0, what: 'x' });
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run(async () => 'next')).resolves.toBe('next');
  });
});

describe('renderPool', () => {
  const pool = renderPool({ workers: 1, maxQueue: 1 });
  afterAll(() => pool.close());
  const data = {
    rows: [
      { outlet: 'A', subject: 'x', value: 3 },
      { outlet: 'B', subject: 'y', value: 5 },
    ],
    subjectNames: { x: 'X', y: 'Y' },
  };

  it('renders a PNG chart in a thread and hands back a Buffer', async () => {
    const png = await pool.call('charts', 'renderChart', 'share-by-outlet', data, {
      lang: 'az',
      format: 'png',
      width: 640,
      height: 400,
    });
    expect(Buffer.isBuffer(png)).toBe(true);
    expect(pngSize(png as Buffer)).toEqual({ width: 640, height: 400 });
    expect(pool.stats()).toMatchObject({ threads: 1, started: 1, running: 0 });
  });

  it('keeps the class of an error thrown in the thread (a bad chart is a 400, not a 500)', async () => {
    const bad = pool.call('charts', 'renderChart', 'pie' as never, data as never, {
      lang: 'en',
      format: 'svg',
    });
    await expect(bad).rejects.toBeInstanceOf(SkipItemError);
    await expect(bad).rejects.toThrow('unknown chart kind: pie');
    await expect(
      (pool.call as (m: string, f: string) => Promise<unknown>)('tables', 'noSuchFunction'),
    ).rejects.toThrow('tables has no function noSuchFunction');
    // The same thread is still serving.
    expect(pool.stats()).toMatchObject({ threads: 1, started: 1 });
  });

  it('refuses a render beyond the queue at once', async () => {
    const svg = () =>
      pool.call('charts', 'renderChart', 'share-by-outlet', data, { lang: 'en', format: 'svg' });
    const results = await Promise.allSettled([svg(), svg(), svg()]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((results[2] as PromiseRejectedResult).reason).toBeInstanceOf(BusyError);
  });

  it('stops a render past its deadline with its thread, and replaces the thread', async () => {
    const slow = renderPool({ workers: 1, maxQueue: 1, timeoutMs: 1 });
    try {
      const png = () =>
        slow.call('charts', 'renderChart', 'share-by-outlet', data, { lang: 'en', format: 'png' });
      await expect(png()).rejects.toThrow(/charts\.renderChart took over 1 ms/);
      await expect(png()).rejects.toThrow(/took over 1 ms/);
      expect(slow.stats().started).toBe(2);
    } finally {
      await slow.close();
    }
    await expect(
      slow.call('charts', 'renderChart', 'lorenz', data as never, { lang: 'en', format: 'svg' }),
    ).rejects.toThrow(/the server is closing/);
  });

  it('renders the same on this thread (inlineRenderer), behind the same kind of gate', async () => {
    const here = inlineRenderer({ concurrency: 1, maxQueue: 0 });
    const a = here.call('charts', 'renderChart', 'share-by-outlet', data, {
      lang: 'en',
      format: 'svg',
    });
    await expect(
      here.call('charts', 'renderChart', 'share-by-outlet', data, { lang: 'en', format: 'svg' }),
    ).rejects.toBeInstanceOf(BusyError);
    expect(String(await a)).toMatch(/^<svg/);
  });
});
