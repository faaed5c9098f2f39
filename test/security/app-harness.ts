// A fully wired dashboard app (store, accounts, auth, election) on 127.0.0.1 port 0, with
// one user per role. The security tests drive it with the cookie-keeping Browser of the
// auth tests.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import { createApp, type AppDeps } from '../../src/api/app.ts';
import { hashPassword, loginLimiter } from '../../src/api/auth/index.ts';
import type { AuthOptions } from '../../src/api/auth/index.ts';
import type { Role } from '../../src/core/accounts.ts';
import type { Item } from '../../src/core/types.ts';
import { sqliteAccounts } from '../../src/store/sqlite/accounts.ts';
import { sqliteStore, type SqliteStore } from '../../src/store/sqlite/index.ts';
import { loadElection, type Election } from '../../src/tagging/index.ts';
import { FAST_SCRYPT } from '../unit/api/auth-harness.ts';

export { Browser } from '../unit/api/auth-harness.ts';

export const ELECTION_DIR = fileURLToPath(
  new URL('../../dictionaries/az-2024-presidential/', import.meta.url),
);
export const SECRET = 'security-test-secret-4f1c2b9e8d7a6f5e4d3c2b1a0f9e8d7c';
export const PASSWORDS: Record<Role, string> = {
  admin: 'Admin-Şəki-2024-long',
  coder: 'Coder-Quba-2024-long',
  viewer: 'Viewer-Xaçmaz-2024-long',
};
export const USERS: Record<Role, string> = { admin: 'leyla', coder: 'aysel', viewer: 'rauf' };

export interface AppHarness {
  base: string;
  app: Express;
  store: SqliteStore;
  election: Election;
  logs: string[];
  close(): Promise<void>;
}

export interface AppHarnessOptions {
  items?: Item[];
  election?: Election;
  auth?: Partial<AuthOptions>;
  /** Further createApp settings (e.g. metricsMaxAgeMs). */
  app?: Partial<AppDeps>;
}

export async function startApp(o: AppHarnessOptions = {}): Promise<AppHarness> {
  const store = sqliteStore({ path: ':memory:' });
  const accounts = sqliteAccounts({ db: store.db });
  await accounts.init();
  for (const role of ['admin', 'coder', 'viewer'] as const) {
    await accounts.saveUser({
      name: USERS[role],
      role,
      passwordHash: await hashPassword(PASSWORDS[role], FAST_SCRYPT),
      createdAt: '2024-01-01T00:00:00.000Z',
    });
  }
  if (o.items?.length) await store.upsertItems(o.items);
  const election = o.election ?? loadElection(ELECTION_DIR);
  const logs: string[] = [];
  const log = (m: string) => logs.push(m);
  const app = createApp({
    store,
    election,
    accounts,
    auth: { secret: SECRET, log, scrypt: FAST_SCRYPT, limiter: loginLimiter(), ...o.auth },
    log,
    ...o.app,
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    app,
    store,
    election,
    logs,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await store.close();
    },
  };
}
