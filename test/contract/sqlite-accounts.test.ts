import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteAccounts } from '../../src/store/sqlite/accounts.ts';
import { sqliteStore } from '../../src/store/sqlite/index.ts';
import { listMigrations } from '../../src/store/sqlite/migrate.ts';
import { accountsContract } from './accounts-contract.ts';

accountsContract('sqlite', async () => sqliteAccounts({ path: ':memory:' }));

describe('sqliteAccounts on the store file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'accounts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shares monitor.sqlite with the Store, both at the latest schema version', async () => {
    const path = join(dir, 'monitor.sqlite');
    const store = sqliteStore({ path });
    const accounts = sqliteAccounts({ path });
    await accounts.saveUser({
      name: 'admin',
      role: 'admin',
      passwordHash: 'scrypt$x',
      createdAt: '2024-01-01T00:00:00.000Z',
    });
    const latest = listMigrations().at(-1)!.version;
    expect(store.db.pragma('user_version', { simple: true })).toBe(latest);
    expect(store.db.prepare('SELECT name, role FROM users').all()).toEqual([
      { name: 'admin', role: 'admin' },
    ]);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    // Reusing the Store's connection sees the same rows, and closing it leaves the store open.
    const shared = sqliteAccounts({ db: store.db });
    expect((await shared.getUser('admin'))?.role).toBe('admin');
    await shared.close();
    expect(store.db.open).toBe(true);
    await accounts.close();
    await store.close();
  });
});
