// Versioned migrations kept as files (NNN-name.sql), applied in order inside a transaction;
// PRAGMA user_version records how far a database has come.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { FatalError } from '../../core/errors.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export function listMigrations(dir = MIGRATIONS_DIR): Array<{ version: number; file: string }> {
  return readdirSync(dir)
    .filter((f) => /^\d{3}-.*\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), file: join(dir, f) }));
}

export function migrate(db: Database.Database, dir = MIGRATIONS_DIR): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const all = listMigrations(dir);
  const latest = all.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new FatalError(
      `The database is at schema version ${current}, newer than this monitor knows (${latest}); upgrade the monitor`,
    );
  }
  for (const m of all.filter((m) => m.version > current)) {
    const sql = readFileSync(m.file, 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return latest;
}
