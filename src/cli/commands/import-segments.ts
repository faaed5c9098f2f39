// monitor import-segments FILE.csv : airtime that monitors timed by hand → store.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadSources } from '../../../crawlers/index.ts';
import type { Source } from '../../core/source.ts';
import type { UpsertStatus } from '../../core/store.ts';
import type { Ownership } from '../../core/types.ts';
import { FatalError, errorMessage } from '../../core/errors.ts';
import { importSegments } from '../../pipeline/segments.ts';
import { projectPath, type Context } from '../context.ts';

/** Ownership by source id or name, case-insensitive: how the CSV names a channel. */
export function ownershipLookup(
  sources: Pick<Source, 'id' | 'name' | 'ownership'>[],
): (channelId: string, channelName: string) => Ownership | undefined {
  const byKey = new Map<string, Ownership>();
  for (const s of sources) {
    byKey.set(s.id.toLowerCase(), s.ownership);
    if (!byKey.has(s.name.trim().toLowerCase()))
      byKey.set(s.name.trim().toLowerCase(), s.ownership);
  }
  return (id, name) => byKey.get(id.toLowerCase()) ?? byKey.get(name.trim().toLowerCase());
}

export function registerImportSegments(program: Command, context: () => Context): void {
  program
    .command('import-segments')
    .description(
      'store coded broadcast segments timed by monitors (CSV: channel, programme, date, start, duration, subject, tone, speech, coder; see doc/segments.md)',
    )
    .argument('<file>', 'a .csv file (UTF-8)')
    .option('--batch <n>', 'items per transaction', '500')
    .addHelpText(
      'after',
      '\nExit code: 0 when every row was stored, 2 when some were skipped (each is reported as FILE:ROW, row 1 being the first under the header).',
    )
    .action(async (file: string, opts: { batch: string }) => {
      const ctx = context();
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        throw new FatalError(`cannot read ${file}: ${errorMessage(err)}`, { cause: err });
      }
      let sources: Source[] = [];
      try {
        sources = loadSources(projectPath(ctx.config.sources));
      } catch (err) {
        ctx.log.warn(
          `source list not read, ownership comes from the CSV only: ${errorMessage(err)}`,
        );
      }
      const { items, errors, warnings } = importSegments(text, {
        entities: ctx.tagger().election.entities,
        ownershipOf: ownershipLookup(sources),
      });
      for (const w of warnings) ctx.log.warn(`${file}:${w.row}: ${w.message}`);
      for (const e of errors) ctx.log.warn(`${file}:${e.row}: skipped: ${e.message}`);
      const store = await ctx.store();
      const batch = Math.max(1, Number(opts.batch) || 500);
      const counts: Record<UpsertStatus, number> = {
        new: 0,
        updated: 0,
        unchanged: 0,
        duplicate: 0,
        queued: 0,
      };
      for (let i = 0; i < items.length; i += batch)
        for (const o of await store.upsertItems(items.slice(i, i + batch))) counts[o.status]++;
      const dup =
        (counts.duplicate ? `, ${counts.duplicate} duplicate` : '') +
        (counts.queued ? `, ${counts.queued} queued until the store is back` : '');
      process.stdout.write(
        `imported ${items.length} segments (${counts.new} new/${counts.updated} updated/${counts.unchanged} unchanged${dup}), ${errors.length} rows skipped\n`,
      );
      await ctx.close();
      process.exitCode = errors.length > 0 ? 2 : 0;
    });
}
