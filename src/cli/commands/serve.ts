// monitor serve: the dashboard and API over the configured store, no crawling.
import type { Command } from 'commander';
import type { Context } from '../context.ts';
import { startServer } from '../server.ts';

export function registerServe(program: Command, context: () => Context): void {
  program
    .command('serve')
    .description('serve the dashboard and API over the stored items (no crawling)')
    .option('-p, --port <port>', 'port (default MONITOR_PORT)')
    .action(async (opts: { port?: string }) => {
      const ctx = context();
      const store = await ctx.store();
      const server = await startServer(ctx, store, opts.port ? Number(opts.port) : undefined);
      ctx.log.info(`dashboard: ${server.url} (store: ${store.backend})`);
      process.stdout.write(`Dashboard: ${server.url}\n`);
      await waitForSignal();
      await server.close();
      await ctx.close();
    });
}

/** Resolves on SIGINT/SIGTERM so commands can close the store cleanly. */
export function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
