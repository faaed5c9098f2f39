// monitor status: how the sources and the store are doing, for whoever runs the monitor.
// Reads the store only, so it works beside a running `monitor start`.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../context.ts';
import { describeSummary, sourceStatuses, summariseSources } from '../../store/source-status.ts';
import { writeQueueOf } from '../../store/write-queue/queued-store.ts';
import { diskUsage, formatBytes } from '../disk-usage.ts';
import { bakuTime } from '../output/baku-time.ts';

export function registerStatus(program: Command, context: () => Context): void {
  program
    .command('status')
    .description(
      'per source: state, last success, items today, next attempt, reason; write queue and disk used',
    )
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: { json?: boolean }) => {
      const ctx = context();
      const store = await ctx.store();
      const rows = await sourceStatuses(store);
      const queue = await writeQueueOf(store)?.writeQueue();
      const dataDir = resolve(process.cwd(), ctx.config.dataDir);
      const disk = diskUsage(dataDir);
      await ctx.close();
      const summary = summariseSources(rows);
      if (opts.json) {
        process.stdout.write(
          `${JSON.stringify({ sources: rows, summary, writeQueue: queue ?? null, dataDir, diskBytes: disk }, null, 2)}\n`,
        );
        return;
      }
      const header = ['source', 'state', 'last success', 'today', 'next attempt', 'reason'];
      const table = rows.map((r) => [
        r.sourceId,
        r.condition,
        bakuTime(r.lastSuccessAt),
        String(r.itemsToday),
        bakuTime(r.nextAttemptAt),
        r.reason ?? '',
      ]);
      const widths = header.map((h, i) =>
        Math.max(h.length, ...table.map((row) => row[i]!.length)),
      );
      const line = (cells: string[]) =>
        cells
          .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
          .join('  ')
          .trimEnd();
      const out = [
        `store: ${store.backend}, data in ${dataDir} (${formatBytes(disk)} on disk)`,
        `write queue: ${queue ? `${queue.queued} items waiting${queue.unreachableSince ? `; store unreachable since ${bakuTime(queue.unreachableSince)}` : ''}` : 'none (the embedded store writes directly)'}`,
        describeSummary(summary),
        '',
        line(header),
        ...table.map(line),
        '',
        'Times are Baku time (UTC+4).',
      ];
      process.stdout.write(`${out.join('\n')}\n`);
    });
}
