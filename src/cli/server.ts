// Starts the dashboard and API on the configured address and says where.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Store } from '../core/store.ts';
import { FatalError } from '../core/errors.ts';
import { createApp } from '../api/app.ts';
import type { SqliteStore } from '../store/sqlite/index.ts';
import { readWorkers } from '../store/sqlite/read-workers/index.ts';
import type { Context } from './context.ts';
import { resolve } from 'node:path';
import { openAccounts } from '../store/accounts.ts';
import { loadSessionSecret } from '../api/auth/index.ts';
import { ownershipLookup } from './commands/import-segments.ts';
import { renderPool } from '../report/render/render-pool.ts';
import { inlineRenderer } from '../report/render/inline-renderer.ts';
import { sharedBrowser } from '../report/render/shared-browser.ts';

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(
  ctx: Context,
  store: Store,
  port = ctx.config.port,
): Promise<RunningServer> {
  const { config } = ctx;
  const dataDir = resolve(config.dataDir);
  const accounts = await openAccounts({ ...config, dataDir });
  const secret = loadSessionSecret({ dataDir, fromEnv: config.sessionSecret, log: ctx.log.info });
  // Heavy reads of the embedded store run in worker threads, off the server thread.
  const file = 'db' in store ? (store as SqliteStore).db.name : ':memory:';
  const reads = readWorkers(store, { path: file, workers: config.readWorkers });
  // Rendering (charts, reports, exports) runs in its own threads; PDFs on one browser.
  const renderer =
    config.renderWorkers > 0
      ? renderPool({ workers: config.renderWorkers, maxQueue: config.renderQueue })
      : inlineRenderer({ maxQueue: config.renderQueue });
  const pdfPrinter = sharedBrowser({
    chromiumPath: config.chromiumPath,
    concurrency: config.pdfPages,
    maxQueue: config.renderQueue,
  });
  const app = createApp({
    store: reads.store,
    log: ctx.log.error,
    election: ctx.tagger().election,
    accounts,
    auth: { secret, secureCookies: config.secureCookies, log: ctx.log.info },
    requireLogin: config.requireLogin,
    ownershipOf: ownershipLookup(await store.listSources()),
    chromiumPath: config.chromiumPath,
    renderer,
    pdfPrinter,
    metricsMaxAgeMs: config.metricsMaxAgeS * 1000,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, ctx.config.host, () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new FatalError(
              `Port ${port} on ${ctx.config.host} is in use: set MONITOR_PORT to another port (0 = any free port)`,
            )
          : err,
      ),
    );
  });
  const { port: actual } = server.address() as AddressInfo;
  const host = ctx.config.host === '0.0.0.0' ? '127.0.0.1' : ctx.config.host;
  const url = `http://${host}:${actual}/`;
  return {
    url,
    server,
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      await Promise.all([pdfPrinter.close(), renderer.close()]);
      await reads.stop();
      await accounts.close();
    },
  };
}
