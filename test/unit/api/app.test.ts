import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/api/app.ts';
import { sqliteStore } from '../../../src/store/sqlite/index.ts';
import type { Store } from '../../../src/core/store.ts';
import { makeItem, SOURCES } from '../../helpers/make-item.ts';

describe('API', () => {
  let store: Store;
  let server: Server;
  let base: string;
  const a = makeItem(
    {
      url: 'https://agency.example/1',
      title: 'Razi Nurullayev görüş keçirdi',
      text: 'Razi Nurullayevin görüşü Şəkidə oldu.',
    },
    [['Razi Nurullayev', 'nurullayev_razi']],
  );
  const b = makeItem(
    {
      url: 'https://azadsoz.example/2',
      title: 'Müsavat bəyanat yaydı',
      text: '<script>alert(1)</script> Müsavat Partiyası.',
      source: SOURCES.opposition!,
    },
    [['Müsavat Partiyası', 'musavat', { tone: 'negative' }]],
  );

  beforeAll(async () => {
    store = sqliteStore({ path: ':memory:' });
    await store.upsertItems([a, b]);
    server = createApp({ store, log: () => {} }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await store.close();
  });

  const get = async (path: string) => {
    const res = await fetch(base + path);
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown>,
      headers: res.headers,
    };
  };

  it('searches with filters from the query string', async () => {
    const r = await get('/api/search?q=Nurullayev&ownership=state,private');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(1);
    const none = await get('/api/search?q=Nurullayev&ownership=opposition');
    expect(none.body.total).toBe(0);
  });

  it('rejects bad parameters with the reason', async () => {
    const r = await get('/api/search?ownership=martian&limit=-3');
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.issues)).toMatch(/ownership/);
    expect(JSON.stringify(r.body.issues)).toMatch(/limit/);
  });

  it('returns an item with its mentions, and 404 for an unknown one', async () => {
    const r = await get(`/api/items/${a.id}`);
    expect((r.body.item as { mentions: unknown[] }).mentions).toHaveLength(1);
    expect((await get('/api/items/0123456789abcdef')).status).toBe(404);
  });

  it('counts by entity and by day', async () => {
    const r = await get('/api/counts?by=entity');
    expect(r.body).toEqual(expect.arrayContaining([{ entity: 'musavat', items: 1, mentions: 1 }]));
    expect((await get('/api/counts?by=planet')).status).toBe(400);
  });

  it('serves the dashboard with a content security policy', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<main id="view"');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('answers unknown API routes with JSON 404', async () => {
    expect((await get('/api/nothing')).status).toBe(404);
  });
});
