// With a reuse window, metrics answer from the last computation while crawled items arrive,
// and a change made through the API (here: segments entered by a coder) clears it at once.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/api/app.ts';
import { sqliteStore, type SqliteStore } from '../../../src/store/sqlite/index.ts';
import { sqliteAccounts } from '../../../src/store/sqlite/accounts.ts';
import { loadElection } from '../../../src/tagging/index.ts';
import { hashPassword } from '../../../src/api/auth/index.ts';
import type { AccountStore } from '../../../src/core/accounts.ts';
import { makeItem } from '../../helpers/make-item.ts';
import { Browser, FAST_SCRYPT } from './auth-harness.ts';
import { SEGMENT_ROW } from '../../helpers/segment-row.ts';

const ELECTION = fileURLToPath(
  new URL('../../../dictionaries/az-2024-presidential/', import.meta.url),
);

const item = (n: number) => {
  const text = `Zahid Oruc bu gün ${n} saylı görüşdə çıxış etdi.`;
  return makeItem({ url: `https://xeber.az/m/${n}`, title: `Görüş ${n}`, text }, [
    ['Zahid Oruc', 'oruc_zahid', { type: 'candidate' }],
  ]);
};

describe('metrics reuse window', () => {
  let store: SqliteStore;
  let accounts: AccountStore;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    store = sqliteStore({ path: ':memory:' });
    accounts = sqliteAccounts({ path: ':memory:' });
    await accounts.saveUser({
      name: 'leyla',
      role: 'coder',
      passwordHash: await hashPassword('Şəki-coder-2024', FAST_SCRYPT),
      createdAt: '2024-02-01T09:00:00Z',
    });
    const app = createApp({
      store,
      accounts,
      auth: { secret: 'metrics-cache-secret-0123456789abcdef', scrypt: FAST_SCRYPT },
      election: loadElection(ELECTION),
      metricsMaxAgeMs: 3_600_000,
      log: () => {},
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await store.close();
    await accounts.close();
  });

  const itemsOf = async (browser: Browser) => {
    const res = await browser.get('/api/metrics?unit=items&type=candidate');
    expect(res.status).toBe(200);
    expect(res.headers.get('last-modified')).toBeTruthy();
    return res.body.total as number;
  };

  it('reuses a result until a change comes through the API', async () => {
    const browser = new Browser(base);
    await store.upsertItems([item(1), item(2)]);
    expect(await itemsOf(browser)).toBe(2);

    // Crawled items (written straight to the store) wait for the window to pass.
    await store.upsertItems([item(3)]);
    expect(await itemsOf(browser)).toBe(2);

    expect((await browser.login('leyla', 'Şəki-coder-2024')).status).toBe(200);
    const entered = await browser.send('POST', '/api/segments', {
      rows: [SEGMENT_ROW],
    });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    // The segment and the crawled item both count now.
    expect(await itemsOf(browser)).toBe(4);
  });
});
