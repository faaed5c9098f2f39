// monitor ingest FILE|- : JSON Lines collected elsewhere → pipeline → store.
import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import { ingestJsonLines } from '../../pipeline/ingest-jsonl.ts';
import { createSink, type Context } from '../context.ts';

export function registerIngest(program: Command, context: () => Context): void {
  program
    .command('ingest')
    .description(
      'store items collected elsewhere (JSON Lines: {"url","title","text","publishedAt","source":{"id","name","kind","ownership"},"lang"?})',
    )
    .argument('<file>', 'a .jsonl file, or - for standard input')
    .option('--batch <n>', 'items per transaction', '500')
    .addHelpText(
      'after',
      '\nExit code: 0 when every line was stored, 2 when some were skipped (each is reported with its line number).',
    )
    .action(async (file: string, opts: { batch: string }) => {
      const ctx = context();
      const sink = await createSink(ctx);
      const input = file === '-' ? process.stdin : createReadStream(file);
      const started = Date.now();
      const summary = await ingestJsonLines(input, sink, {
        batchSize: Math.max(1, Number(opts.batch) || 500),
        onBadLine: (line, reason) => ctx.log.warn(`${file}:${line}: skipped: ${reason}`),
      });
      const s = summary.byStatus;
      const secs = (Date.now() - started) / 1000;
      ctx.log.info(
        `ingested ${file}: ${summary.lines} lines, ${s.new} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.duplicate} duplicates, ${summary.skipped} skipped (${secs.toFixed(1)} s)`,
      );
      await ctx.close();
      process.exitCode = summary.skipped > 0 ? 2 : 0;
    });
}
