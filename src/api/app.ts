// The express app: JSON API and the dashboard's static files. Takes its store and
// settings; never calls listen (the CLI and tests do).
import express, { type Express } from 'express';
import { fileURLToPath } from 'node:url';
import type { Store } from '../core/store.ts';
import { errorHandler } from './errors.ts';
import { requireJsonBody } from './json-body.ts';
import { resultCache } from './result-cache.ts';
import { errorMessage } from '../core/errors.ts';
import { writeQueueOf } from '../store/write-queue/queued-store.ts';
import { itemRoutes } from './routes/items.ts';
import { sourceRoutes } from './routes/sources.ts';
import { coverageRoutes } from './routes/coverage.ts';
import type { Election } from '../tagging/index.ts';
import type { Ownership } from '../core/types.ts';
import type { AccountStore } from '../core/accounts.ts';
import { periodsOf } from '../report/coverage-metrics.ts';
import {
  authRoutes,
  csrfProtect,
  requireRole,
  sessionUser,
  type AuthOptions,
} from './auth/index.ts';
import { reviewRoutes } from './routes/reviews.ts';
import { segmentRoutes } from './routes/segments.ts';
import { reportRoutes } from './routes/report.ts';
import type { Renderer } from '../report/render/modules.ts';
import type { PdfPrinter } from '../report/render/shared-browser.ts';
import { inlineRenderer } from '../report/render/inline-renderer.ts';

export const DASHBOARD_DIR = fileURLToPath(new URL('../../dashboards/web/', import.meta.url));

export interface AppDeps {
  store: Store;
  log?: (msg: string) => void;
  dashboardDir?: string;
  /** The election whose dictionaries name the subjects of metrics, exports and charts. */
  election?: Election;
  /**
   * Accounts and session settings. Without them the API is read-only: every route that
   * changes something answers 401.
   */
  accounts?: AccountStore;
  auth?: AuthOptions;
  /** Require a signed-in viewer for reading too (MONITOR_REQUIRE_LOGIN). */
  requireLogin?: boolean;
  /** Outlet ownership by channel id or name, for entered broadcast segments. */
  ownershipOf?: (id: string, name: string) => Ownership | undefined;
  chromiumPath?: string;
  /** Renders charts, exports and reports off the server thread (default: on it, gated). */
  renderer?: Renderer;
  /** Prints report PDFs on one shared browser (default: one launched on first use). */
  pdfPrinter?: PdfPrinter;
  /** How long a metrics or chart result is reused (default 0: computed every time). */
  metricsMaxAgeMs?: number;
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
  const results = resultCache({ maxAgeMs: deps.metricsMaxAgeMs ?? 0 });
  app.use('/api', (req, res, next) => {
    // A change made here (a correction, new segments) shows in the next metrics at once.
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      res.on('finish', () => {
        if (res.statusCode < 400) results.clear();
      });
    }
    next();
  });
  app.use('/api', requireJsonBody());
  app.use(express.json({ limit: '1mb' }));
  app.get('/api/health', async (_req, res) => {
    // The write queue answers even while the store is down, so health can say so.
    const queue = writeQueueOf(deps.store);
    const q = queue ? await queue.writeQueue() : null;
    const waiting = q
      ? { queued: q.queued, storeUnreachableSince: q.unreachableSince, lastError: q.lastError }
      : {};
    try {
      const items = await deps.store.countItems();
      res.json({ ok: true, backend: deps.store.backend, items, ...waiting });
    } catch (err) {
      res.status(503).json({
        ok: false,
        backend: deps.store.backend,
        error: `the store cannot be read: ${errorMessage(err)}`,
        ...waiting,
      });
    }
  });
  if (deps.accounts && deps.auth) {
    app.use('/api', sessionUser(deps.accounts, deps.auth));
    app.use('/api', csrfProtect(deps.auth));
    app.use('/api', authRoutes(deps.accounts, deps.auth));
  }
  // Changes need a coder (and, through csrfProtect, a token); reads may need a viewer.
  app.use('/api', (req, res, next) => {
    const writing = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
    if (writing) return requireRole('coder')(req, res, next);
    if (deps.requireLogin) return requireRole('viewer')(req, res, next);
    next();
  });
  app.use('/api', reviewRoutes(deps.store));
  app.use('/api', itemRoutes(deps.store, deps.election ? periodsOf(deps.election) : undefined));
  app.use('/api', sourceRoutes(deps.store));
  if (deps.election) {
    const renderer = deps.renderer ?? inlineRenderer();
    app.use('/api', coverageRoutes(deps.store, deps.election, results, { renderer }));
    app.use('/api', segmentRoutes(deps.store, deps.election, deps.ownershipOf));
    app.use(
      '/api',
      reportRoutes(deps.store, deps.election, {
        chromiumPath: deps.chromiumPath ?? '/usr/bin/chromium',
        renderer,
        ...(deps.pdfPrinter ? { printer: deps.pdfPrinter } : {}),
      }),
    );
  }
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: 'no such API route' });
  });
  app.use(express.static(deps.dashboardDir ?? DASHBOARD_DIR, { index: 'index.html', maxAge: 0 }));
  app.use(errorHandler(log));
  return app;
}
