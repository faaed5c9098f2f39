import { describe, expect, it } from 'vitest';
import { sqliteStore } from '../../../src/store/sqlite/index.ts';
import { migrateStore } from '../../../src/store/migrate-store.ts';
import { sourceSchema } from '../../../src/core/source.ts';
import type { Store } from '../../../src/core/store.ts';
import { makeItem, SOURCES } from '../../helpers/make-item.ts';

const original = makeItem(
  {
    url: 'https://agency.example/a',
    title: 'Namizəd Gəncədə',
    text: 'Namizəd Zahid Oruc Gəncədə seçicilərlə görüşdü.',
    publishedAt: '2024-01-10T08:00:00Z',
  },
  [['Zahid Oruc', 'oruc_zahid', { tone: 'positive' }]],
);
const copy = makeItem({
  ...original,
  url: 'https://xeber.example/copy',
  contentHash: original.contentHash,
  source: SOURCES.private!,
  publishedAt: '2024-01-10T09:00:00Z',
});
const third = makeItem(
  {
    url: 'https://azadsoz.example/b',
    title: 'Müsavat bəyanatı',
    text: 'Müsavat Partiyası bəyanat yayıb.',
    publishedAt: '2024-01-12T08:00:00Z',
    source: SOURCES.opposition!,
  },
  [['Müsavat Partiyası', 'musavat', { tone: 'negative' }]],
);

async function seeded(): Promise<Store> {
  const s = sqliteStore({ path: ':memory:' });
  await s.upsertSources([
    sourceSchema.parse({
      id: 'agency',
      name: 'Agentlik',
      kind: 'rss',
      urls: ['https://agency.example/rss'],
      ownership: 'state',
    }),
  ]);
  await s.setSourceState('agency', {
    consecutiveFailures: 2,
    pausedReason: null,
    nextAttemptAt: '2024-01-11T00:00:00.000Z',
    validators: { 'https://agency.example/rss': { etag: '"e1"' } },
  });
  await s.upsertItems([original, copy, third]);
  return s;
}

describe('migrateStore', () => {
  it('copies sources, state and items with ids, mentions, story and duplicate links', async () => {
    const from = await seeded();
    const to = sqliteStore({ path: ':memory:' });
    const progress: Array<[number, number]> = [];
    const r = await migrateStore(from, to, {
      batchSize: 2,
      onProgress: (d, t) => progress.push([d, t]),
    });
    expect(r).toEqual({ copied: 3, sourceCount: 3, targetCount: 3 });
    expect(progress).toEqual([
      [0, 3],
      [2, 3],
      [3, 3],
    ]);
    expect((await to.listSources()).map((s) => s.id)).toEqual(['agency']);
    expect((await to.getSourceState('agency')).validators['https://agency.example/rss']?.etag).toBe(
      '"e1"',
    );
    const moved = await to.getItem(copy.id);
    expect(moved?.duplicateOf).toBe(original.id);
    expect(moved?.storyId).toBe(original.id);
    expect((await to.getItem(third.id))?.mentions.map((m) => [m.entity, m.tone])).toEqual([
      ['musavat', 'negative'],
    ]);
    expect(await to.coverage({})).toEqual(await from.coverage({}));
    await Promise.all([from.close(), to.close()]);
  });

  it('throws when the target does not end up with every item', async () => {
    const from = await seeded();
    const real = sqliteStore({ path: ':memory:' });
    // A target that silently loses the last item of every batch.
    const lossy: Store = { ...real, upsertItems: (items) => real.upsertItems(items.slice(0, -1)) };
    await expect(migrateStore(from, lossy, { batchSize: 2 })).rejects.toThrow(/count check failed/);
    await Promise.all([from.close(), real.close()]);
  });
});
