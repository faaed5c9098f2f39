// monitor ingest FILE|- : JSON Lines collected elsewhere → pipeline → store.
import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import { ingestJsonLines } from '../../pipeline/ingest-jsonl.ts';
import { availableParallelism } from 'node:os';
import { parallelPipelineSink } from '../../pipeline/parallel-sink.ts';
import { DICTIONARIES_DIR, type Context } from '../context.ts';

export function registerIngest(program: Command, context: () => Context): void {
  program
    .command('ingest')
    .description(
      'store items collected elsewhere (JSON Lines: {"url","title","text","publishedAt","source":{"id","name","kind","ownership"},"lang"?})',
    )
    .argument('<file>', 'a .jsonl file, or - for standard input')
    .option('--batch <n>', 'items per transaction', '500')
    .option(
      '--workers <n>',
      'threads that tag items while this one stores them',
      String(availableParallelism()),
    )
    .addHelpText(
      'after',
      '\nExit code: 0 when every line was stored, 2 when some were skipped (each is reported with its line number).',
    )
    .action(async (file: string, opts: { batch: string; workers: string }) => {
      const ctx = context();
      const store = await ctx.store();
      const pool = parallelPipelineSink(store, {
        dictionariesDir: DICTIONARIES_DIR,
        electionId: ctx.config.election,
        workers: Math.max(1, Number(opts.workers) || 1),
        onSkip: (url, reason) => ctx.log.warn(`skipped ${url || '(no url)'}: ${reason}`),
      });
      const sink = pool.sink;
      const input = file === '-' ? process.stdin : createReadStream(file);
      const started = Date.now();
      const summary = await ingestJsonLines(input, sink, {
        batchSize: Math.max(1, Number(opts.batch) || 500),
        onBadLine: (line, reason) => ctx.log.warn(`${file}:${line}: skipped: ${reason}`),
      }).finally(() => pool.close());
      const s = summary.byStatus;
      const secs = (Date.now() - started) / 1000;
      // The summary is the command's result: on stdout, whatever the log level.
      process.stdout.write(
        `ingested ${file}: ${summary.lines} lines, ${s.new} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.duplicate} duplicates, ${s.queued ? `${s.queued} queued until the store is back, ` : ''}${summary.skipped} skipped (${secs.toFixed(1)} s)\n`,
      );
      await ctx.close();
      process.exitCode = summary.skipped > 0 ? 2 : 0;
    });
}
