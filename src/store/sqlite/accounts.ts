// Accounts in the embedded store's own file (monitor.sqlite), table `users` from migration
// 004. It opens its own connection so that commands needing only accounts (`monitor user`)
// do not build a whole Store, and the Store stays unaware of accounts; WAL lets both
// connections work on the file at once. A caller holding the Store's connection may pass
// it as `db` instead.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { AccountStore, PublicUser, Role, User } from '../../core/accounts.ts';
import { FatalError } from '../../core/errors.ts';
import { migrate } from './migrate.ts';

export type SqliteAccountsOptions =
  | { /** A file path (normally <dataDir>/monitor.sqlite), or ':memory:'. */ path: string }
  | {
      /** An open, migrated connection, e.g. SqliteStore.db; not closed by close(). */ db: Database.Database;
    };

interface UserRow {
  name: string;
  role: Role;
  password_hash: string;
  created_at: string;
  disabled: number;
}

function openFile(path: string): Database.Database {
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    // The same settings as the Store's connection (src/store/sqlite/index.ts).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (err) {
    throw new FatalError(
      `Cannot open the accounts in ${path}: check the directory exists and is writable (MONITOR_DATA_DIR)`,
      { cause: err },
    );
  }
}

const toUser = (r: UserRow): User => ({
  name: r.name,
  role: r.role,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
  ...(r.disabled ? { disabled: true } : {}),
});

export function sqliteAccounts(opts: SqliteAccountsOptions): AccountStore {
  const owned = 'path' in opts;
  const db = owned ? openFile(opts.path) : opts.db;
  const get = db.prepare<[string], UserRow>('SELECT * FROM users WHERE name = ?');
  const list = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY name');
  const save = db.prepare<[string, string, string, string, number]>(
    `INSERT INTO users (name, role, password_hash, created_at, disabled) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash,
       created_at = excluded.created_at, disabled = excluded.disabled`,
  );
  const remove = db.prepare<[string]>('DELETE FROM users WHERE name = ?');

  return {
    async init() {},
    async close() {
      if (owned && db.open) db.close();
    },
    async getUser(name) {
      const row = get.get(name);
      return row ? toUser(row) : null;
    },
    async saveUser(u) {
      save.run(u.name, u.role, u.passwordHash, u.createdAt, u.disabled ? 1 : 0);
    },
    async listUsers(): Promise<PublicUser[]> {
      return list.all().map((r) => {
        const { passwordHash: _hash, ...rest } = toUser(r);
        return rest;
      });
    },
    async deleteUser(name) {
      remove.run(name);
    },
  };
}
