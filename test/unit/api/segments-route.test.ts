import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentRoutes } from '../../../src/api/routes/segments.ts';
import { errorHandler } from '../../../src/api/errors.ts';
import { sqliteStore } from '../../../src/store/sqlite/index.ts';
import { loadElection } from '../../../src/tagging/index.ts';
import type { Store } from '../../../src/core/store.ts';
import { SEGMENT_ROW } from '../../helpers/segment-row.ts';

const ELECTION = fileURLToPath(
  new URL('../../../dictionaries/az-2024-presidential/', import.meta.url),
);

describe('POST /api/segments', () => {
  let store: Store;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    store = sqliteStore({ path: ':memory:' });
    const app = express();
    app.use(express.json());
    app.use((_req, res, next) => {
      res.locals.user = { name: 'leyla', role: 'coder' };
      next();
    });
    app.use(
      '/api',
      segmentRoutes(store, loadElection(ELECTION), () => 'state'),
    );
    app.use(errorHandler(() => {}));
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await store.close();
  });

  const post = (body: unknown) =>
    fetch(`${base}/api/segments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('stores an entered segment as airtime of its subject, coded by the signed-in user', async () => {
    const row = SEGMENT_ROW;
    const res = await post({ rows: [row] });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { statuses: string[] }).statuses).toEqual(['new']);
    const [cov] = await store.coverage({ entities: ['oruc_zahid'] });
    expect(cov).toMatchObject({ seconds: 95, ownership: 'state', kind: 'transcript' });
    const item = await store.getItem(cov!.itemId);
    expect(item?.author).toBe('leyla');
  });

  it('refuses rows it cannot read, naming the row and the reason', async () => {
    const res = await post({
      rows: [
        {
          channel: 'AzTV',
          programme: 'X',
          date: '2024-01-25',
          start: '21:05',
          duration: 10,
          subject: 'nobody_here',
          tone: 'neutral',
          speech: 'direct',
        },
      ],
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/row 1: .*nobody_here/);
  });
});
