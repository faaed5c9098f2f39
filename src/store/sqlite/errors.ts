// SQLite and file-system failures of the embedded store, said in words an operator can act
// on: which file, what went wrong (full disk, read-only directory, damaged file, lock) and
// what to do. A failed write is one rolled-back transaction, so the message says that
// nothing of it was stored and that what was stored before is safe.
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { FatalError, MonitorError, RetryLaterError } from '../../core/errors.ts';

/** SQLITE_* from better-sqlite3's SqliteError, or an errno code (ENOSPC) from node:fs. */
function codeOf(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** Why the store's directory or file cannot be written, found by asking the file system. */
export function writeProblem(path: string): string | null {
  if (path === ':memory:') return null;
  const dir = dirname(path);
  if (!existsSync(dir)) return `the data directory ${dir} does not exist`;
  for (const [target, what] of [
    [dir, `the data directory ${dir}`],
    [path, `the store file ${path}`],
  ] as const) {
    if (target === path && !existsSync(path)) continue;
    try {
      accessSync(target, constants.W_OK);
    } catch (err) {
      const code = codeOf(err);
      if (code === 'EROFS') return `${what} is on a read-only file system`;
      if (code === 'EACCES' || code === 'EPERM') return `${what} is not writable by this user`;
    }
  }
  return null;
}

const MAKE_WRITABLE =
  'make it writable (or point MONITOR_DATA_DIR at a writable directory) and run again';

/**
 * Maps an error of the SQLite store to a MonitorError that says what happened to `path`
 * while doing `op` ("storing a batch of 25 items"); `writing` adds that the write was
 * rolled back. Errors it does not know are returned unchanged.
 */
export function storeError(err: unknown, path: string, op: string, writing = true): unknown {
  if (err instanceof MonitorError) return err;
  const code = codeOf(err);
  if (!code) return err;
  const cause = { cause: err };
  // A failed write is one rolled-back transaction: say that, and that older data is safe.
  const failed = writing
    ? `${op} failed: nothing of it was stored (what was stored before is safe)`
    : `${op} failed (what was stored before is safe)`;
  // Extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED) belong to their family.
  const family = code.startsWith('SQLITE_') ? code.split('_').slice(0, 2).join('_') : code;

  if (family === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return new FatalError(
      `the disk holding ${path} is full: ${failed}; free space and run again`,
      cause,
    );
  }
  if (
    family === 'SQLITE_READONLY' ||
    family === 'SQLITE_CANTOPEN' ||
    family === 'SQLITE_IOERR' ||
    family === 'SQLITE_PERM' ||
    code === 'EROFS' ||
    code === 'EACCES' ||
    code === 'EPERM'
  ) {
    const problem = writeProblem(path);
    if (problem) {
      return new FatalError(`${problem}: ${failed}; ${MAKE_WRITABLE}`, cause);
    }
    if (family === 'SQLITE_READONLY') {
      return new FatalError(
        `the store ${path} is read-only (${code}): ${failed}; ${MAKE_WRITABLE}`,
        cause,
      );
    }
    if (family === 'SQLITE_IOERR') {
      return new FatalError(
        `the disk holding ${path} reported an input/output error (${code}): ${failed}; check the disk (and its free space) and run again`,
        cause,
      );
    }
    return new FatalError(
      `cannot open the store ${path} (${code}): check that the directory exists and is writable (MONITOR_DATA_DIR)`,
      cause,
    );
  }
  if (family === 'SQLITE_CORRUPT' || family === 'SQLITE_NOTADB') {
    return new FatalError(
      `the store ${path} is damaged (${code}) and cannot be used: stop the monitor, keep a copy of the file, and put a backup back with "monitor restore FILE" (sqlite3's .recover can save what is left)`,
      cause,
    );
  }
  if (family === 'SQLITE_BUSY' || family === 'SQLITE_LOCKED') {
    return new RetryLaterError(
      `the store ${path} is locked by another process (${code}): ${failed}; try again when that process is done`,
      cause,
    );
  }
  return err;
}

/** Runs `fn` and maps what it throws with storeError; for the store's synchronous calls. */
export function storeGuard(path: string) {
  const guard =
    (writing: boolean) =>
    <T>(op: string, fn: () => T): T => {
      try {
        return fn();
      } catch (err) {
        throw storeError(err, path, op, writing);
      }
    };
  return { write: guard(true), read: guard(false) };
}
