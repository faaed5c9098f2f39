// The review API in-process: a tiny express app with the router and the error handler.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewRoutes } from '../../../src/api/routes/reviews.ts';
import { errorHandler } from '../../../src/api/errors.ts';
import { sqliteStore } from '../../../src/store/sqlite/index.ts';
import type { Store } from '../../../src/core/store.ts';
import type { Item, ReviewRecord } from '../../../src/core/types.ts';
import { makeItem } from '../../helpers/make-item.ts';

describe('review API', () => {
  let store: Store;
  let server: Server;
  let base: string;
  const item = makeItem(
    {
      url: 'https://agency.example/r1',
      title: 'Namizədlər danışdı',
      text: 'Zahid Oruc çıxış edib. Fazil Mustafa da danışıb.',
    },
    [
      ['Zahid Oruc', 'oruc_zahid'],
      ['Fazil Mustafa', 'mustafa_fazil'],
    ],
  );
  const other = makeItem({ url: 'https://agency.example/r2', title: 'Başqa', text: 'Mətn.' });

  beforeAll(async () => {
    store = sqliteStore({ path: ':memory:' });
    await store.upsertItems([item, other]);
    const app = express();
    app.use(express.json());
    // Stands in for the auth middleware: ?as=name logs in as that coder.
    app.use((req, res, next) => {
      if (typeof req.query.as === 'string') res.locals.user = { name: req.query.as, role: 'coder' };
      next();
    });
    app.use('/api', reviewRoutes(store));
    app.use(errorHandler(() => {}));
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await store.close();
  });

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('corrects a mention as the logged-in coder and logs who did it', async () => {
    const r = await call('POST', `/api/items/${item.id}/review?as=aysel`, {
      action: 'correct',
      mention: 0,
      tone: 'negative',
      speech: 'direct',
    });
    expect(r.status).toBe(200);
    expect((r.body.item as Item).mentions[0]).toMatchObject({
      tone: 'negative',
      speech: 'direct',
      status: 'corrected',
    });
    const [row] = await store.coverage({ entities: ['oruc_zahid'] });
    expect(row?.tone.negative).toBe(1);
    const log = await call('GET', `/api/items/${item.id}/reviews`);
    const reviews = log.body.reviews as ReviewRecord[];
    expect(reviews.map((x) => [x.action, x.coder])).toEqual([['correct', 'aysel']]);
  });

  it("records 'anonymous' when no user is logged in, and refuses a coder in the body", async () => {
    const ok = await call('POST', `/api/items/${item.id}/review`, { action: 'accept', mention: 1 });
    expect(ok.status).toBe(200);
    const reviews = (await call('GET', `/api/items/${item.id}/reviews`)).body
      .reviews as ReviewRecord[];
    expect(reviews.at(-1)?.coder).toBe('anonymous');
    const spoof = await call('POST', `/api/items/${item.id}/review`, {
      action: 'accept',
      mention: 1,
      coder: 'someone-else',
    });
    expect(spoof.status).toBe(400);
  });

  it('answers 400 with the reason for bad reviews and 404 for unknown items', async () => {
    const badIndex = await call('POST', `/api/items/${item.id}/review`, {
      action: 'reject',
      mention: 9,
    });
    expect(badIndex.status).toBe(400);
    expect(badIndex.body.error).toMatch(/no mention #9/);
    const badAction = await call('POST', `/api/items/${item.id}/review`, { action: 'delete' });
    expect(badAction.status).toBe(400);
    const malformed = await call('POST', `/api/items/${item.id}/review`, '{"action":');
    expect(malformed.status).toBe(400);
    expect(
      (await call('POST', '/api/items/abcdef0123/review', { action: 'accept', mention: 0 })).status,
    ).toBe(404);
    expect((await call('GET', '/api/items/not-hex!/reviews')).status).toBe(400);
  });

  it('takes double codings and reports reliability', async () => {
    for (const [coder, tone] of [
      ['aysel', 'negative'],
      ['murad', 'negative'],
    ] as const) {
      const r = await call('POST', `/api/codings?as=${coder}`, {
        itemId: item.id,
        entity: 'oruc_zahid',
        tone,
      });
      expect(r.status).toBe(201);
    }
    await call('POST', '/api/codings?as=aysel', {
      itemId: other.id,
      entity: 'musavat',
      tone: 'positive',
    });
    await call('POST', '/api/codings?as=murad', {
      itemId: other.id,
      entity: 'musavat',
      tone: 'positive',
    });
    const rel = await call('GET', '/api/reliability');
    expect(rel.status).toBe(200);
    expect(rel.body.tone).toMatchObject({
      alpha: 1,
      units: 2,
      coders: 2,
      pairs: 2,
      agreement: 100,
    });
    // The tagger said neutral where the coder corrected to negative, and was accepted once.
    expect(rel.body.automatic).toMatchObject({ units: 2, pairs: 2, agreement: 50 });
    const one = await call('GET', '/api/reliability?coders=aysel');
    expect(one.body.tone).toMatchObject({ alpha: null, units: 0 });
    const bad = await call('POST', '/api/codings', { itemId: item.id, entity: 'x', tone: 'angry' });
    expect(bad.status).toBe(400);
  });
});
