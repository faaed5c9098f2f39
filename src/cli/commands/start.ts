// monitor start: the real thing — bundled sources on their schedules, the embedded store,
// the dashboard. Failing sources are shown as failing; nothing stops the scheduler.
// It speaks in a few lines: where the dashboard is, a summary of the sources after the
// first round and then every hour, and one line whenever a source changes state.
import type { Command } from 'commander';
import { createScheduler, loadSources, runAllOnce } from '../../../crawlers/index.ts';
import { errorMessage } from '../../core/errors.ts';
import type { Source } from '../../core/source.ts';
import type { Context } from '../context.ts';
import { selectShard } from '../../cluster/shard.ts';
import { projectPath } from '../context.ts';
import { crawlLogger, crawlRuntime, describeRun } from '../crawling.ts';
import { startServer } from '../server.ts';
import { describeSummary, sourceStatuses, summariseSources } from '../../store/source-status.ts';
import { createSourceWatch } from '../source-watch.ts';
import { firstSignal, runTracker } from '../graceful-stop.ts';

export function registerStart(program: Command, context: () => Context): void {
  program
    .command('start')
    .description(
      'run the monitor: crawl every enabled source on its schedule and serve the dashboard',
    )
    .option('--sources <file>', 'source list (default MONITOR_SOURCES)')
    .option('--no-initial-crawl', 'wait for each schedule instead of crawling once at start-up')
    .option('--summary-every <minutes>', 'minutes between the sources summaries in the log', '60')
    .option(
      '--stop-grace <seconds>',
      'on SIGTERM/SIGINT, how long running crawls may take to finish',
      '10',
    )
    .addHelpText(
      'after',
      '\nA first SIGTERM or Ctrl-C stops scheduling, lets running crawls finish and store what they fetched (up to --stop-grace), then closes the store; a second one exits at once.',
    )
    .action(
      async (opts: {
        sources?: string;
        initialCrawl: boolean;
        summaryEvery: string;
        stopGrace: string;
      }) => {
        const ctx = context();
        const sources = loadSources(projectPath(opts.sources ?? ctx.config.sources));
        const store = await ctx.store();
        await store.upsertSources(sources);
        // With MONITOR_SHARD=k/n this machine crawls its share; the others take the rest.
        const mine = ctx.config.shard ? selectShard(sources, ctx.config.shard) : sources;
        const runtime = await crawlRuntime(ctx);
        const server = await startServer(ctx, store);
        process.stdout.write(`Dashboard: ${server.url}\n`);
        const enabled = mine.filter((s) => s.enabled).length;
        ctx.log.info(
          `monitoring ${enabled} sources${ctx.config.shard ? ` (shard ${ctx.config.shard})` : ''}; store: ${store.backend} in ${ctx.config.dataDir}`,
        );
        const summarise = async (prefix: string) => {
          try {
            const rows = await sourceStatuses(store);
            ctx.log.info(`${prefix}${describeSummary(summariseSources(rows))}`);
          } catch (err) {
            ctx.log.warn(`cannot summarise the sources: ${errorMessage(err)}`);
          }
        };
        const watch = createSourceWatch({
          log: (line) => ctx.log.info(line),
          initial: new Map((await sourceStatuses(store)).map((r) => [r.sourceId, r.condition])),
        });
        const tracker = runTracker();
        const run = (s: Source) =>
          tracker.track(s.id, async () => {
            const e = await runtime.run(s, { stopping: () => tracker.stopping });
            ctx.log.debug(describeRun(s, e));
            const state = await store.getSourceState(s.id);
            watch.ran(s, e, state.pausedReason !== null, state.nextAttemptAt);
            return e;
          });
        if (opts.initialCrawl) {
          // In the background: the dashboard is usable while the first pass runs.
          ctx.log.info(`first round: crawling ${enabled} sources`);
          const started = Date.now();
          void runAllOnce(mine, run, { concurrency: 4 })
            .then(async () => {
              if (tracker.stopping) return;
              watch.settle();
              const secs = Math.round((Date.now() - started) / 1000);
              await summarise(`first round done in ${secs} s: `);
            })
            .catch((err: unknown) => ctx.log.error(`initial crawl: ${errorMessage(err)}`));
        } else watch.settle();
        const scheduler = ctx.config.scheduler
          ? createScheduler({ sources: mine, run, log: crawlLogger(ctx) })
          : null;
        for (const bad of scheduler?.invalid ?? [])
          ctx.log.error(`source ${bad.id}: invalid schedule "${bad.schedule}"`);
        scheduler?.start();
        const everyMs = Math.max(1, Number(opts.summaryEvery) || 60) * 60_000;
        const summaries = setInterval(() => void summarise('sources: '), everyMs);
        summaries.unref();

        const signal = await firstSignal();
        const graceMs = Math.max(0, Number(opts.stopGrace) || 0) * 1000;
        clearInterval(summaries);
        scheduler?.stop();
        ctx.log.info(
          `${signal}: stopping; running crawls get ${graceMs / 1000} s to finish (signal again to quit at once)`,
        );
        const left = await tracker.stop(graceMs);
        await server.close();
        if (left.length) {
          // Their writes may still be under way: the store is left to SQLite's journal
          // rather than closed under them. Their sources are fetched again next time.
          ctx.log.warn(
            `stopped without waiting for ${left.length} crawl(s): ${left.join(', ')}; they run again at the next start`,
          );
          process.exit(0);
        }
        await ctx.close();
        ctx.log.info('stopped');
      },
    );
}
