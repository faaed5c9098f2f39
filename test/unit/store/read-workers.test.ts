// What the contract suite does not cover: errors cross the thread with their class (the API
// answers a bad query with 400, not 500), and stopping the workers leaves the store open.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SkipItemError } from '../../../src/core/errors.ts';
import { sqliteStore } from '../../../src/store/sqlite/index.ts';
import { readWorkers } from '../../../src/store/sqlite/read-workers/index.ts';
import { makeItem } from '../../helpers/make-item.ts';

describe('read workers', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'monitor-read-workers-unit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps error classes, answers like the store, and stops without closing it', async () => {
    const path = join(dir, 'monitor.sqlite');
    const store = sqliteStore({ path });
    await store.upsertItems(
      [1, 2, 3].map((n) =>
        makeItem({
          url: `https://xeber.az/w/${n}`,
          title: `Seçki ${n}`,
          text: `Namizəd Zahid Oruc ${n}-ci görüşünü keçirdi.`,
        }),
      ),
    );
    const pool = readWorkers(store, { path, workers: 2 });
    expect(pool.store).not.toBe(store);

    const err = await pool.store.search({ q: '-seçki' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SkipItemError);
    expect((err as Error).message).toMatch(/at least one word that is not negated/);

    // Several at once, spread over both workers, give what the store itself gives.
    const direct = await store.search({ q: 'görüş', limit: 10 });
    const pooled = await Promise.all(
      Array.from({ length: 6 }, () => pool.store.search({ q: 'görüş', limit: 10 })),
    );
    for (const r of pooled) expect(r).toEqual(direct);
    expect(direct.total).toBe(3);

    await pool.stop();
    await expect(pool.store.search({ q: 'görüş' })).rejects.toThrow(/closed/);
    expect(await store.countItems()).toBe(3);
    await store.close();
  });
});
