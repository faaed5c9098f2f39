// monitor backup [file] and monitor restore <file>: the embedded store, while it runs.
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { FatalError } from '../../core/errors.ts';
import type { SqliteStore } from '../../store/sqlite/index.ts';
import {
  backupSqlite,
  defaultBackupPath,
  restoreSqlite,
  type BackupInfo,
} from '../../store/sqlite/backup.ts';
import type { Context } from '../context.ts';

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const describe = (b: BackupInfo) =>
  `${b.items} items, ${b.users} user account(s), schema ${b.schemaVersion}, ${mb(b.bytes)}`;

function embeddedOnly(ctx: Context, what: string): string {
  if (ctx.config.store !== 'sqlite') {
    throw new FatalError(
      `monitor ${what} works on the embedded SQLite store; for Elasticsearch use its snapshot API (see doc/elasticsearch.md)`,
    );
  }
  return resolve(process.cwd(), ctx.config.dataDir);
}

export function registerBackup(program: Command, context: () => Context): void {
  program
    .command('backup')
    .description(
      'copy the embedded store to one file, consistently, while the monitor keeps running',
    )
    .argument('[file]', 'where to write (default <dataDir>/backups/monitor-<UTC time>.sqlite)')
    .action(async (file: string | undefined) => {
      const ctx = context();
      const dataDir = embeddedOnly(ctx, 'backup');
      const dest = resolve(file ?? defaultBackupPath(dataDir));
      const store = (await ctx.store()) as SqliteStore;
      const result = await backupSqlite(store.db, dest, {
        onPhase: (m) => ctx.log.info(`backup: ${m}`),
      });
      await ctx.close();
      process.stdout.write(
        `backed up to ${result.path}: ${describe(result)} (${(result.ms / 1000).toFixed(1)} s)\n` +
          'The file holds password hashes of dashboard accounts: keep it private.\n',
      );
    });

  program
    .command('restore')
    .description(
      'replace the embedded store with a backup; the current store is kept as a backup first',
    )
    .argument('<file>', 'a file made by monitor backup')
    .action(async (file: string) => {
      const ctx = context();
      const dataDir = embeddedOnly(ctx, 'restore');
      const result = await restoreSqlite(
        resolve(file),
        join(dataDir, 'monitor.sqlite'),
        join(dataDir, 'backups'),
        { onWarning: (m) => ctx.log.warn(m), onPhase: (m) => ctx.log.info(`restore: ${m}`) },
      );
      // Opening the store applies the migrations a backup from an older monitor lacks.
      const store = await ctx.store();
      const items = await store.countItems();
      await ctx.close();
      process.stdout.write(
        `restored ${result.restored.path}: ${describe(result.restored)}; the store now has ${items} items\n` +
          (result.previous
            ? `The store as it was (${result.previous.items} items) is kept in ${result.previous.path}\n`
            : '') +
          'Restart any running monitor so it reads the restored store afresh.\n',
      );
    });
}
