import { describe, expect, it } from 'vitest';
import { cacheKey, resultCache } from '../../../src/api/result-cache.ts';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('resultCache', () => {
  it('lets identical requests in flight share one computation', async () => {
    const cache = resultCache({ maxAgeMs: 0 });
    let runs = 0;
    const gate = deferred<number>();
    const compute = () => {
      runs++;
      return gate.promise;
    };
    const a = cache.get('k', compute);
    const b = cache.get('k', compute);
    gate.resolve(42);
    expect((await a).value).toBe(42);
    expect((await b).value).toBe(42);
    expect(runs).toBe(1);
    // maxAge 0: nothing kept once it is done.
    await cache.get('k', async () => (runs++, 7));
    expect(runs).toBe(2);
  });

  it('reuses a result until it is maxAge old', async () => {
    let t = 1_000;
    const cache = resultCache({ maxAgeMs: 60_000, now: () => t });
    let runs = 0;
    const compute = async () => ++runs;
    expect((await cache.get('k', compute)).value).toBe(1);
    t += 59_999;
    const reused = await cache.get('k', compute);
    expect(reused).toEqual({ value: 1, computedAt: 1_000 });
    t += 1;
    expect((await cache.get('k', compute)).value).toBe(2);
    expect((await cache.get('other', compute)).value).toBe(3);
  });

  it('does not keep failures, and clear() stops a running computation refilling it', async () => {
    const cache = resultCache({ maxAgeMs: 60_000 });
    await expect(
      cache.get('k', async () => Promise.reject(new Error('store down'))),
    ).rejects.toThrow('store down');
    expect((await cache.get('k', async () => 'back')).value).toBe('back');

    const gate = deferred<string>();
    const old = cache.get('slow', () => gate.promise);
    cache.clear();
    gate.resolve('before the change');
    await old;
    expect((await cache.get('slow', async () => 'after the change')).value).toBe(
      'after the change',
    );
  });

  it('keeps at most maxEntries results, dropping the least recently used', async () => {
    const cache = resultCache({ maxAgeMs: 60_000, maxEntries: 2 });
    let runs = 0;
    const compute = async () => ++runs;
    await cache.get('a', compute);
    await cache.get('b', compute);
    await cache.get('a', compute); // a is now the most recent
    await cache.get('c', compute); // drops b
    expect(runs).toBe(3);
    await cache.get('a', compute);
    expect(runs).toBe(3);
    await cache.get('b', compute);
    expect(runs).toBe(4);
  });

  it('builds the same key whatever the order of the parameters', () => {
    expect(cacheKey('m', { unit: 'items', by: 'entity' })).toBe(
      cacheKey('m', { by: 'entity', unit: 'items' }),
    );
    expect(cacheKey('m', { unit: 'items' })).not.toBe(cacheKey('m', { unit: 'words' }));
  });
});
