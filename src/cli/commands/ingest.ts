// monitor ingest FILE|- : JSON Lines collected elsewhere → pipeline → store.
import { createReadStream, statSync, type ReadStream } from 'node:fs';
import type { Command } from 'commander';
import { ingestJsonLines } from '../../pipeline/ingest-jsonl.ts';
import { availableParallelism } from 'node:os';
import { parallelPipelineSink } from '../../pipeline/parallel-sink.ts';
import { DICTIONARIES_DIR, type Context } from '../context.ts';
import { createProgress } from '../output/progress.ts';
import { createProblemGroups } from '../output/problem-groups.ts';
import { createRejectsFile, rejectsPathFor } from '../output/rejects-file.ts';

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
      '\nLines that cannot be stored are written, with their line number and reason, to FILE.rejects.jsonl beside the input; fix them there and ingest that file.' +
        '\nExit code: 0 when every line was stored, 2 when some were skipped.',
    )
    .action(async (file: string, opts: { batch: string; workers: string }) => {
      const ctx = context();
      const store = await ctx.store();
      const rejects = createRejectsFile(rejectsPathFor(file));
      const problems = createProblemGroups({ log: (m) => ctx.log.warn(m), file });
      const reject = (line: number, reason: string, text: string) => {
        problems.add(line, reason);
        rejects.add(line, reason, text);
      };
      // Items the pipeline drops (no text, not an article) are traced back to their line.
      const inFlight = new Map<string, { line: number; text: string }>();
      const pool = parallelPipelineSink(store, {
        dictionariesDir: DICTIONARIES_DIR,
        electionId: ctx.config.election,
        workers: Math.max(1, Number(opts.workers) || 1),
        onSkip: (url, reason) => {
          const at = inFlight.get(url);
          reject(at?.line ?? 0, reason, at?.text ?? JSON.stringify({ url }));
        },
      });
      const input = file === '-' ? process.stdin : createReadStream(file);
      const size = file === '-' ? undefined : statSync(file).size;
      const progress = createProgress({ label: `ingest ${file}`, unit: 'items' });
      const started = Date.now();
      const summary = await ingestJsonLines(input, pool.sink, {
        batchSize: Math.max(1, Number(opts.batch) || 500),
        onBadLine: reject,
        onParsed: (item, line, text) => inFlight.set(item.url, { line, text }),
        onBatch: (s, sent) => {
          for (const item of sent) inFlight.delete(item.url);
          const read = (input as Partial<ReadStream>).bytesRead;
          const stored = Object.values(s.byStatus).reduce((a, n) => a + n, 0);
          progress.update(stored, {
            fraction: size && read !== undefined ? read / size : undefined,
            detail: s.skipped ? `${s.skipped} skipped` : undefined,
          });
        },
      }).finally(async () => {
        rejects.close();
        await pool.close();
      });
      progress.finish();
      for (const line of problems.summary(rejects.path)) ctx.log.warn(line);
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
