// The express app: JSON API and the dashboard's static files. Takes its store and
// settings; never calls listen (the CLI and tests do).
import express, { type Express } from 'express';
import { fileURLToPath } from 'node:url';
import type { Store } from '../core/store.ts';
import { errorHandler } from './errors.ts';
import { itemRoutes } from './routes/items.ts';
import { sourceRoutes } from './routes/sources.ts';
import { coverageRoutes } from './routes/coverage.ts';
import type { Election } from '../tagging/index.ts';
import { periodsOf } from '../report/coverage-metrics.ts';

export const DASHBOARD_DIR = fileURLToPath(new URL('../../dashboards/web/', import.meta.url));

export interface AppDeps {
  store: Store;
  log?: (msg: string) => void;
  dashboardDir?: string;
  /** The election whose dictionaries name the subjects of metrics, exports and charts. */
  election?: Election;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  const log = deps.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  app.use((_req, res, next) => {
    // Crawled text is shown as text only; this policy stops any script that slips through.
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'",
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  app.use(express.json({ limit: '1mb' }));
  app.get('/api/health', async (_req, res) => {
    res.json({ ok: true, backend: deps.store.backend, items: await deps.store.countItems() });
  });
  app.use('/api', itemRoutes(deps.store, deps.election ? periodsOf(deps.election) : undefined));
  app.use('/api', sourceRoutes(deps.store));
  if (deps.election) app.use('/api', coverageRoutes(deps.store, deps.election));
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: 'no such API route' });
  });
  app.use(express.static(deps.dashboardDir ?? DASHBOARD_DIR, { index: 'index.html', maxAge: 0 }));
  app.use(errorHandler(log));
  return app;
}
