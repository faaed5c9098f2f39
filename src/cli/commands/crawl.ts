// monitor crawl --once: one pass over the sources, then exit.
import type { Command } from 'commander';
import { runAllOnce, loadSources } from '../../../crawlers/index.ts';
import type { Context } from '../context.ts';
import { selectShard } from '../../cluster/shard.ts';
import { projectPath } from '../context.ts';
import { crawlRuntime, describeRun } from '../crawling.ts';
import { createProgress } from '../output/progress.ts';

export function registerCrawl(program: Command, context: () => Context): void {
  program
    .command('crawl')
    .description('crawl the sources (use --once; `monitor start` runs them on their schedules)')
    .option('--once', 'one pass over every enabled source, then exit', false)
    .option('-s, --source <id...>', 'only these source ids')
    .option('--sources <file>', 'source list (default MONITOR_SOURCES)')
    .option('--concurrency <n>', 'sources crawled at once', '4')
    .addHelpText(
      'after',
      '\nExit code: 0 when every source succeeded, 2 when some failed (each is listed with the reason).',
    )
    .action(
      async (opts: { once: boolean; source?: string[]; sources?: string; concurrency: string }) => {
        const ctx = context();
        if (!opts.once)
          throw new Error(
            'use `monitor crawl --once` for one pass, or `monitor start` for the scheduler',
          );
        const all = loadSources(projectPath(opts.sources ?? ctx.config.sources));
        const unknown = (opts.source ?? []).filter((id) => !all.some((s) => s.id === id));
        if (unknown.length) throw new Error(`unknown source id(s): ${unknown.join(', ')}`);
        const listed = all.filter((s) => (opts.source ? opts.source.includes(s.id) : s.enabled));
        const sources = ctx.config.shard ? selectShard(listed, ctx.config.shard) : listed;
        const store = await ctx.store();
        await store.upsertSources(all);
        const runtime = await crawlRuntime(ctx);
        const enabled = sources.filter((s) => s.enabled).length;
        const progress = createProgress({ label: 'crawl', unit: 'sources', total: enabled });
        let done = 0;
        let stored = 0;
        const results = await runAllOnce(
          sources,
          async (s) => {
            const e = await runtime.run(s, { force: true }).finally(() => done++);
            stored += e.itemsNew + e.itemsUpdated;
            progress.update(done, { detail: `${stored} items stored, last: ${s.id}` });
            return e;
          },
          { concurrency: Math.max(1, Number(opts.concurrency) || 4) },
        ).finally(() => progress.finish());
        let failed = 0;
        for (const r of results) {
          if (r.result) process.stdout.write(`${describeRun(r.source, r.result)}\n`);
          if (!r.result?.ok) failed++;
          if (r.error) process.stdout.write(`FAIL ${r.source.id}: ${String(r.error)}\n`);
        }
        process.stdout.write(`${results.length - failed}/${results.length} sources ok\n`);
        await ctx.close();
        process.exitCode = failed ? 2 : 0;
      },
    );
}
