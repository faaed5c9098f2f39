// monitor sources check: validates the source list and shows each source's health.
import type { Command } from 'commander';
import nodeCron from 'node-cron';
import { loadSources } from '../../../crawlers/index.ts';
import type { Context } from '../context.ts';
import { projectPath } from '../context.ts';

export function registerSources(program: Command, context: () => Context): void {
  const sources = program.command('sources').description('the source list and its health');
  sources
    .command('check')
    .description(
      'validate the source list (errors name the file and line) and report each source’s health from the store',
    )
    .option('--sources <file>', 'source list (default MONITOR_SOURCES)')
    .option('--json', 'print JSON instead of a table', false)
    .action(async (opts: { sources?: string; json: boolean }) => {
      const ctx = context();
      const file = projectPath(opts.sources ?? ctx.config.sources);
      const list = loadSources(file);
      const badSchedules = list.filter((s) => !nodeCron.validate(s.schedule));
      const store = await ctx.store();
      const health = new Map((await store.sourceHealth()).map((h) => [h.sourceId, h]));
      const rows = list.map((s) => {
        const h = health.get(s.id);
        const state = !s.enabled
          ? 'disabled'
          : h?.pausedReason
            ? 'paused'
            : h?.lastError
              ? 'failing'
              : h?.lastSuccessAt
                ? 'ok'
                : 'never run';
        return {
          id: s.id,
          kind: s.kind,
          ownership: s.ownership,
          schedule: s.schedule,
          state,
          lastSuccessAt: h?.lastSuccessAt ?? null,
          failures: h?.consecutiveFailures ?? 0,
          items: h?.itemCount ?? 0,
          problem: h?.pausedReason ?? h?.lastError ?? null,
        };
      });
      if (opts.json)
        process.stdout.write(
          `${JSON.stringify({ file, sources: rows, invalidSchedules: badSchedules.map((s) => s.id) }, null, 2)}\n`,
        );
      else {
        process.stdout.write(
          `${file}: ${list.length} sources valid (${list.filter((s) => s.enabled).length} enabled)\n`,
        );
        for (const r of rows) {
          process.stdout.write(
            `${r.state.padEnd(9)} ${r.id.padEnd(26)} ${r.kind.padEnd(10)} ${r.ownership.padEnd(13)} items ${String(r.items).padStart(6)}${r.problem ? `  ${r.problem}` : ''}\n`,
          );
        }
      }
      for (const s of badSchedules)
        process.stderr.write(`source ${s.id}: "${s.schedule}" is not a valid cron schedule\n`);
      await ctx.close();
      process.exitCode = badSchedules.length ? 1 : 0;
    });
}
