// Online backup and restore of the embedded store. Both use SQLite's backup API in one
// step, so the copy is one consistent snapshot (a single read transaction) while crawls
// and the dashboard keep writing and reading; WAL mode means nobody waits for it.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  closeSync,
  renameSync,
} from 'node:fs';
import { rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { errorMessage, FatalError } from '../../core/errors.ts';
import { listMigrations } from './migrate.ts';

/** Pages per backup step: everything at once, so no other writer can force a restart. */
const ALL_PAGES = 0x7fffffff;

const megabytes = (path: string) => `${(statSync(path).size / 1_048_576).toFixed(1)} MB`;

export interface BackupInfo {
  path: string;
  bytes: number;
  items: number;
  users: number;
  schemaVersion: number;
}

export interface BackupResult extends BackupInfo {
  ms: number;
}

export interface RestoreResult {
  restored: BackupInfo;
  /** The store as it was before the restore, kept in case the wrong backup was chosen. */
  previous: BackupInfo | null;
  ms: number;
}

const stamp = (d: Date) =>
  d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');

/** Where `monitor backup` writes when no file is named: <dataDir>/backups/monitor-<UTC stamp>.sqlite */
export function defaultBackupPath(dataDir: string, now = new Date()): string {
  return join(dataDir, 'backups', backupFileName('monitor', now));
}

const backupFileName = (prefix: string, now: Date) => `${prefix}-${stamp(now)}.sqlite`;

function count(db: Database.Database, table: string): number {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(table);
  if (!exists) return 0;
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function looksLikeSqlite(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    return n === 16 && head.toString('latin1') === 'SQLite format 3\0';
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks that a file is a whole, readable monitor store this version can use, and says
 * what is in it. Throws a FatalError naming the problem otherwise.
 */
export function inspectBackup(path: string): BackupInfo {
  if (!existsSync(path)) throw new FatalError(`no backup at ${path}`);
  if (!statSync(path).isFile()) throw new FatalError(`${path} is not a file`);
  if (!looksLikeSqlite(path))
    throw new FatalError(`${path} is not a SQLite database, so not a monitor backup`);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new FatalError(`cannot open the backup ${path}: ${errorMessage(err)}`, { cause: err });
  }
  try {
    let check: unknown;
    try {
      check = db.pragma('quick_check', { simple: true });
    } catch (err) {
      throw new FatalError(`the backup ${path} is damaged: ${errorMessage(err)}`, { cause: err });
    }
    if (check !== 'ok') throw new FatalError(`the backup ${path} is damaged: ${String(check)}`);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const latest = listMigrations().at(-1)?.version ?? 0;
    if (schemaVersion > latest) {
      throw new FatalError(
        `the backup ${path} was made by a newer monitor (schema ${schemaVersion}, this one knows ${latest}); upgrade the monitor first`,
      );
    }
    const hasItems = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'items'")
      .get();
    if (schemaVersion < 1 || !hasItems) {
      throw new FatalError(`${path} is a SQLite database but not a monitor store (no items table)`);
    }
    return {
      path,
      bytes: statSync(path).size,
      items: count(db, 'items'),
      users: count(db, 'users'),
      schemaVersion,
    };
  } finally {
    db.close();
  }
}

/**
 * Copies the open store `db` into `dest` as one consistent snapshot. The copy is written
 * beside `dest` first and renamed when checked, so a crash never leaves half a backup under
 * the real name. The file holds password hashes too: it is made readable by its owner only.
 */
export async function backupSqlite(
  db: Database.Database,
  dest: string,
  opts: { onPhase?: (what: string) => void } = {},
): Promise<BackupResult> {
  const started = Date.now();
  if (existsSync(dest)) throw new FatalError(`${dest} already exists; choose another file name`);
  mkdirSync(dirname(dest), { recursive: true });
  const partial = join(dirname(dest), `.${basename(dest)}.partial`);
  rmSync(partial, { force: true });
  let info: BackupInfo;
  try {
    opts.onPhase?.(`copying the store (${megabytes(db.name)}) to ${dest}`);
    await db.backup(partial, { progress: () => ALL_PAGES });
    // A backup is one self-contained file: no -wal beside it.
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    chmodSync(partial, 0o600);
    opts.onPhase?.('checking the copy');
    // Checked once, before it gets its real name (quick_check reads the whole file).
    info = { ...inspectBackup(partial), path: dest };
    renameSync(partial, dest);
  } catch (err) {
    rmSync(partial, { force: true });
    if (err instanceof FatalError) throw err;
    throw new FatalError(`backup to ${dest} failed: ${errorMessage(err)}; nothing was written`, {
      cause: err,
    });
  }
  return { ...info, ms: Date.now() - started };
}

/**
 * Replaces the store at `livePath` with the backup. The backup is checked first; the
 * current store is kept as a backup in `keepDir`; the copy goes through SQLite's backup
 * API, so a process that has the store open sees the old or the new content, never a mix.
 */
export async function restoreSqlite(
  backupPath: string,
  livePath: string,
  keepDir: string,
  opts: { now?: Date; onWarning?: (msg: string) => void; onPhase?: (what: string) => void } = {},
): Promise<RestoreResult> {
  const { now = new Date(), onWarning, onPhase } = opts;
  const started = Date.now();
  onPhase?.(`checking ${backupPath}`);
  const restored = inspectBackup(backupPath);
  let previous: BackupInfo | null = null;
  if (existsSync(livePath)) {
    const keep = join(keepDir, backupFileName('before-restore', now));
    try {
      const live = new Database(livePath, { fileMustExist: true });
      try {
        onPhase?.('keeping the current store as a backup first');
        previous = await backupSqlite(live, keep, { onPhase });
      } finally {
        live.close();
      }
    } catch (err) {
      // A damaged store is the usual reason to restore: move its files aside whole instead.
      mkdirSync(dirname(keep), { recursive: true });
      for (const suffix of ['', '-wal', '-shm']) {
        if (existsSync(livePath + suffix))
          renameSync(livePath + suffix, keep.replace(/\.sqlite$/, `.damaged.sqlite${suffix}`));
      }
      onWarning?.(
        `the current store could not be copied (${errorMessage(err)}); its files were moved to ${dirname(keep)}`,
      );
    }
  } else {
    mkdirSync(dirname(livePath), { recursive: true });
  }
  const source = new Database(backupPath, { readonly: true, fileMustExist: true });
  try {
    onPhase?.(`copying the backup (${megabytes(backupPath)}) into the store`);
    await source.backup(livePath, { progress: () => ALL_PAGES });
  } catch (err) {
    throw new FatalError(
      `restoring ${backupPath} into ${livePath} failed: ${errorMessage(err)}` +
        (previous ? `; the store as it was is kept in ${previous.path}` : ''),
      { cause: err },
    );
  } finally {
    source.close();
  }
  // The live store goes back to WAL (the backup file was in rollback-journal mode).
  const live = new Database(livePath);
  try {
    live.pragma('journal_mode = WAL');
  } finally {
    live.close();
  }
  return { restored, previous, ms: Date.now() - started };
}
