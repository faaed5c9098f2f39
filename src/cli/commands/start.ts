// monitor start: the real thing — bundled sources on their schedules, the embedded store,
// the dashboard. Failing sources are shown as failing; nothing stops the scheduler.
import type { Command } from 'commander';
import { createScheduler, loadSources, runAllOnce } from '../../../crawlers/index.ts';
import { errorMessage } from '../../core/errors.ts';
import type { Context } from '../context.ts';
import { selectShard } from '../../cluster/shard.ts';
import { projectPath } from '../context.ts';
import { crawlLogger, crawlRuntime, describeRun } from '../crawling.ts';
import { startServer } from '../server.ts';
import { waitForSignal } from './serve.ts';

export function registerStart(program: Command, context: () => Context): void {
  program
    .command('start')
    .description(
      'run the monitor: crawl every enabled source on its schedule and serve the dashboard',
    )
    .option('--sources <file>', 'source list (default MONITOR_SOURCES)')
    .option('--no-initial-crawl', 'wait for each schedule instead of crawling once at start-up')
    .action(async (opts: { sources?: string; initialCrawl: boolean }) => {
      const ctx = context();
      const sources = loadSources(projectPath(opts.sources ?? ctx.config.sources));
      const store = await ctx.store();
      await store.upsertSources(sources);
      // With MONITOR_SHARD=k/n this machine crawls its share; the others take the rest.
      const mine = ctx.config.shard ? selectShard(sources, ctx.config.shard) : sources;
      const runtime = await crawlRuntime(ctx);
      const server = await startServer(ctx, store);
      process.stdout.write(`Dashboard: ${server.url}\n`);
      ctx.log.info(
        `monitoring ${mine.filter((s) => s.enabled).length} sources${ctx.config.shard ? ` (shard ${ctx.config.shard})` : ''}; store: ${store.backend} in ${ctx.config.dataDir}`,
      );
      const run = async (s: (typeof sources)[number]) => {
        const e = await runtime.run(s);
        ctx.log.info(describeRun(s, e));
        return e;
      };
      if (opts.initialCrawl) {
        // In the background: the dashboard is usable while the first pass runs.
        void runAllOnce(mine, run, { concurrency: 4 }).catch((err: unknown) =>
          ctx.log.error(`initial crawl: ${errorMessage(err)}`),
        );
      }
      const scheduler = ctx.config.scheduler
        ? createScheduler({ sources: mine, run, log: crawlLogger(ctx) })
        : null;
      for (const bad of scheduler?.invalid ?? [])
        ctx.log.error(`source ${bad.id}: invalid schedule "${bad.schedule}"`);
      scheduler?.start();
      await waitForSignal();
      ctx.log.info('stopping');
      scheduler?.stop();
      await server.close();
      await ctx.close();
    });
}
