// Restore paths the end-to-end test does not take: a damaged current store is moved aside
// whole, and a backup from an older monitor is brought up to the current schema on open.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteStore } from '../../../src/store/sqlite/index.ts';
import { backupSqlite, inspectBackup, restoreSqlite } from '../../../src/store/sqlite/backup.ts';
import { listMigrations } from '../../../src/store/sqlite/migrate.ts';
import { makeItem } from '../../helpers/make-item.ts';

describe('sqlite backup and restore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'monitor-backup-unit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function storeWith(path: string, n: number) {
    const store = sqliteStore({ path });
    await store.upsertItems(
      Array.from({ length: n }, (_, i) =>
        makeItem({
          url: `https://xeber.az/${path.length}/${i}`,
          title: `Xəbər ${i}`,
          text: `Mərkəzi Seçki Komissiyası bu gün ${i} saylı bülleteni açıqladı.`,
        }),
      ),
    );
    return store;
  }

  it('moves a damaged store aside whole and restores into a fresh file', async () => {
    const src = await storeWith(join(dir, 'good.sqlite'), 5);
    const backup = join(dir, 'b.sqlite');
    await backupSqlite(src.db, backup);
    await src.close();

    const live = join(dir, 'data', 'monitor.sqlite');
    const damaged = await storeWith(live, 2);
    await damaged.close();
    // Overwrite the header and the first pages: no longer a database.
    const fd = openSync(live, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x41), 0, 8192, 0);
    closeSync(fd);

    const warnings: string[] = [];
    const result = await restoreSqlite(backup, live, join(dir, 'data', 'backups'), {
      onWarning: (m) => warnings.push(m),
    });
    expect(result.previous).toBeNull();
    expect(warnings.join('\n')).toMatch(/could not be copied .* moved to .*backups/);
    const aside = readdirSync(join(dir, 'data', 'backups'));
    expect(aside.some((f) => /^before-restore-.*\.damaged\.sqlite$/.test(f))).toBe(true);
    expect(inspectBackup(live).items).toBe(5);
  });

  it('brings a backup from an older monitor up to the current schema', async () => {
    const src = await storeWith(join(dir, 'old.sqlite'), 3);
    const backup = join(dir, 'old-backup.sqlite');
    await backupSqlite(src.db, backup);
    await src.close();
    // Make it look like a backup taken before the accounts migration (and those after it).
    const old = new Database(backup);
    old.exec('DROP TABLE users');
    old.exec('ALTER TABLE fetch_events DROP COLUMN items_queued');
    old.pragma('user_version = 3');
    old.close();
    expect(inspectBackup(backup).schemaVersion).toBe(3);

    const live = join(dir, 'data', 'monitor.sqlite');
    await restoreSqlite(backup, live, join(dir, 'data', 'backups'));
    const reopened = sqliteStore({ path: live });
    expect(await reopened.countItems()).toBe(3);
    expect(reopened.db.pragma('user_version', { simple: true })).toBe(
      listMigrations().at(-1)!.version,
    );
    await reopened.close();
  });

  it('never leaves a partial file under the real name when the copy fails', async () => {
    const src = await storeWith(join(dir, 's.sqlite'), 2);
    const target = join(dir, 'in-a-file', 'b.sqlite');
    writeFileSync(join(dir, 'in-a-file'), 'a file where a directory should be');
    await expect(backupSqlite(src.db, target)).rejects.toThrow(/in-a-file/);
    expect(existsSync(target)).toBe(false);
    await src.close();
  });
});
