// monitor migrate --from sqlite --to elasticsearch (and back): moves a whole store.
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { Store } from '../../core/store.ts';
import { FatalError } from '../../core/errors.ts';
import { sqliteStore } from '../../store/sqlite/index.ts';
import { migrateStore } from '../../store/migrate-store.ts';
import type { Context } from '../context.ts';
import { createProgress } from '../output/progress.ts';

const backend = z.enum(['sqlite', 'elasticsearch']);

async function open(
  kind: 'sqlite' | 'elasticsearch',
  ctx: Context,
  dataDir: string,
): Promise<Store> {
  if (kind === 'sqlite') return sqliteStore({ path: join(dataDir, 'monitor.sqlite') });
  if (!ctx.config.esUrl)
    throw new FatalError('migrating to or from Elasticsearch needs MONITOR_ES_URL');
  const { elasticsearchStore } = await import('../../store/elasticsearch/index.ts');
  const store = elasticsearchStore({
    url: ctx.config.esUrl,
    indexPrefix: ctx.config.esIndexPrefix,
    refresh: true,
    deadLetterPath: join(dataDir, 'elasticsearch-dead-letter.jsonl'),
  });
  await store.init();
  return store;
}

export function registerMigrate(program: Command, context: () => Context): void {
  program
    .command('migrate')
    .description(
      'copy every source, source state and item from one store to another, then check the counts',
    )
    .requiredOption('--from <backend>', 'sqlite | elasticsearch')
    .requiredOption('--to <backend>', 'sqlite | elasticsearch')
    .option('--data-dir <dir>', 'the SQLite side (default MONITOR_DATA_DIR)')
    .action(async (raw: { from: string; to: string; dataDir?: string }) => {
      const from = backend.parse(raw.from);
      const to = backend.parse(raw.to);
      if (from === to) throw new FatalError('--from and --to must name different backends');
      const ctx = context();
      const dataDir = resolve(raw.dataDir ?? ctx.config.dataDir);
      const source = await open(from, ctx, dataDir);
      const target = await open(to, ctx, dataDir);
      try {
        const progress = createProgress({ label: `migrate ${from} → ${to}`, unit: 'items' });
        const r = await migrateStore(source, target, {
          onProgress: (done, total) => progress.update(done, { total }),
        }).finally(() => progress.finish());
        process.stdout.write(
          `migrated ${r.copied} items from ${from} to ${to}; counts: ${r.sourceCount} → ${r.targetCount}\n`,
        );
      } finally {
        await source.close();
        await target.close();
      }
    });
}
