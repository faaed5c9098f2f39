// Finished reports are reused while the store is unchanged, and only then.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportCache } from '../../../src/api/report-cache.ts';
import { sqliteStore } from '../../../src/store/sqlite/index.ts';
import type { Store } from '../../../src/core/store.ts';
import { makeItem } from '../../helpers/make-item.ts';

const item = (n: number) =>
  makeItem({ url: `http://127.0.0.1/news/${n}`, title: `Xəbər ${n}`, text: `Mətn ${n}.` });

describe('reportCache', () => {
  const store = sqliteStore({ path: ':memory:' });
  afterAll(() => store.close());
  const counting = () => {
    let n = 0;
    return { render: async () => `render ${++n}`, count: () => n };
  };

  it('reuses a report for the same question until anything is stored', async () => {
    const cache = reportCache(store);
    const r = counting();
    const p = { kind: 'final', lang: 'en', from: '2024-01-15' };
    // Four at once share one render.
    const first = await Promise.all([1, 2, 3, 4].map(() => cache.get('pdf', p, r.render)));
    expect(first).toEqual(Array(4).fill('render 1'));
    // The same instant written differently is the same question; another format is not.
    expect(await cache.get('pdf', { ...p, from: '2024-01-15T00:00:00Z' }, r.render)).toBe(
      'render 1',
    );
    expect(await cache.get('docx', p, r.render)).toBe('render 2');
    await store.upsertItems([item(1)]);
    expect(await cache.get('pdf', p, r.render)).toBe('render 3');
    expect(await cache.get('pdf', p, r.render)).toBe('render 3');
    // A fetch record changes the report's completeness section too.
    await store.recordFetch({
      sourceId: 'agency',
      url: 'http://127.0.0.1/feed',
      at: '2024-01-20T10:00:00.000Z',
      status: 200,
      ok: true,
      itemsNew: 1,
      itemsUpdated: 0,
      itemsDuplicate: 0,
      itemsSkipped: 0,
      itemsQueued: 0,
      durationMs: 5,
      error: null,
    });
    expect(await cache.get('pdf', p, r.render)).toBe('render 4');
  });

  it('sees a change committed by another connection to the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-cache-'));
    const a = sqliteStore({ path: join(dir, 'm.sqlite') });
    const b = sqliteStore({ path: join(dir, 'm.sqlite') });
    try {
      const cache = reportCache(a);
      const r = counting();
      const p = { kind: 'interim', lang: 'az' };
      expect(await cache.get('html', p, r.render)).toBe('render 1');
      expect(await cache.get('html', p, r.render)).toBe('render 1');
      await b.upsertItems([item(2)]); // e.g. `monitor crawl` in another process
      expect(await cache.get('html', p, r.render)).toBe('render 2');
    } finally {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps nothing for a store without a change marker, but shares renders in flight', async () => {
    const marker = Object.create(store) as Store;
    Object.defineProperty(marker, 'changeMarker', { value: undefined });
    const cache = reportCache(marker);
    const r = counting();
    const p = { kind: 'final', lang: 'en' };
    const both = await Promise.all([cache.get('pdf', p, r.render), cache.get('pdf', p, r.render)]);
    expect(both).toEqual(['render 1', 'render 1']);
    expect(await cache.get('pdf', p, r.render)).toBe('render 2');
  });

  it('renders again after maxAgeMs even when nothing changed (an interim report runs to now)', async () => {
    const t = { now: 0 };
    const cache = reportCache(store, { maxAgeMs: 1000, now: () => t.now });
    const r = counting();
    const p = { kind: 'interim', lang: 'en' };
    expect(await cache.get('pdf', p, r.render)).toBe('render 1');
    t.now = 999;
    expect(await cache.get('pdf', p, r.render)).toBe('render 1');
    t.now = 1000;
    expect(await cache.get('pdf', p, r.render)).toBe('render 2');
  });
});
