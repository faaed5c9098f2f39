// What researchers and report writers take away: metrics, exports and charts.
//   GET /api/entities
//   GET /api/metrics?unit&by&type&period&from&to&dedupe&bootstrap (+ item filters)
//   GET /api/export/{coverage|items|mentions}.{csv|xlsx|json}   (+ item filters)
//   GET /api/charts/{share-by-outlet|coverage-over-time|tone-by-subject|lorenz}.{svg|png}?labels=az|en
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { Store } from '../../core/store.ts';
import type { Election } from '../../tagging/index.ts';
import { computeMetrics, periodsOf } from '../../report/coverage-metrics.ts';
import {
  coverageByDayOutlet,
  DAY_OUTLET_COLUMNS,
  ITEM_COLUMNS,
  itemsTable,
  MENTION_COLUMNS,
  mentionsTable,
  type Column,
  type TableRow,
} from '../../report/tables/index.ts';
import { isChartKind } from '../../report/charts/index.ts';
import type { Renderer } from '../../report/render/modules.ts';
import { inlineRenderer } from '../../report/render/inline-renderer.ts';
import {
  chartHeight,
  chartPixelsError,
  chartWidth,
  MENTIONS_EXPORT_ITEMS,
} from '../render-limits.ts';
import { filterParams, searchParams, toFilter, toSearch } from '../filter-params.ts';
import { HttpError } from '../errors.ts';
import { cacheKey, resultCache, type ResultCache } from '../result-cache.ts';

const metricsParams = filterParams.extend({
  unit: z.enum(['items', 'mentions', 'words', 'seconds']).default('mentions'),
  by: z.enum(['entity', 'party', 'outlet', 'ownership']).default('entity'),
  type: z.enum(['candidate', 'party']).optional(),
  bootstrap: z.enum(['true', 'false']).optional(),
});

const chartParams = metricsParams.extend({
  /** Language of the chart's labels (`lang` filters the items). */
  labels: z.enum(['az', 'en']).default('en'),
  width: chartWidth.default(900),
  height: chartHeight.default(500),
});

const EXPORT_LIMIT = 100_000;

/** Lets the server answer other requests between pages of a long export. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

async function sendTable(
  renderer: Renderer,
  res: Response,
  name: string,
  format: string,
  columns: Column[],
  rows: TableRow[],
) {
  // CSV and XLSX of 100,000 rows take seconds of CPU: a render thread does it.
  if (format === 'csv') {
    const csv = await renderer.call('tables', 'toCsv', rows, columns);
    res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(csv);
  } else if (format === 'xlsx') {
    const xlsx = await renderer.call('tables', 'toXlsx', [{ name, columns, rows }]);
    res
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .attachment(`${name}.xlsx`)
      .send(xlsx);
  } else {
    res.attachment(`${name}.json`).json(rows);
  }
}

export interface CoverageRouteOptions {
  /** Renders charts and export files off the server thread (the render pool). */
  renderer?: Renderer;
  /** Items one mentions export reads at most (default MENTIONS_EXPORT_ITEMS). */
  mentionsExportItems?: number;
}

export function coverageRoutes(
  store: Store,
  election: Election,
  results?: ResultCache,
  opts: CoverageRouteOptions = {},
): Router {
  const r = Router();
  const renderer = opts.renderer ?? inlineRenderer();
  const periods = periodsOf(election);
  const names = Object.fromEntries(election.entities.map((e) => [e.id, e.name]));

  r.get('/entities', (_req, res) => {
    res.json({
      election: {
        id: election.id,
        name: election.name,
        votingDay: election.votingDay,
        incumbent: election.incumbent,
      },
      entities: Object.fromEntries(
        election.entities.map((e) => [e.id, { name: e.name, type: e.type, party: e.party }]),
      ),
    });
  });

  const cache = results ?? resultCache({ maxAgeMs: 0 });
  const metricsOf = async (p: z.output<typeof metricsParams>) =>
    (await cache.get(cacheKey('metrics', p), () => computeMetricsOf(p))).value;
  const computeMetricsOf = (p: z.output<typeof metricsParams>) => {
    const { from, to, ...filter } = toFilter(p, periods);
    return computeMetrics(store, election, {
      unit: p.unit,
      by: p.by,
      dedupe: p.dedupe ?? 'each',
      bootstrap: p.bootstrap === 'true',
      filter,
      ...(p.type ? { type: p.type } : {}),
      ...(p.period ? { period: p.period } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
  };

  r.get('/metrics', async (req, res) => {
    const p = metricsParams.parse(req.query);
    const { value, computedAt } = await cache.get(cacheKey('metrics', p), () =>
      computeMetricsOf(p),
    );
    // When the figures were computed: a result is reused for the same question a while.
    res.set('Last-Modified', new Date(computedAt).toUTCString());
    res.json(value);
  });

  r.get('/export/:name.:format', async (req, res) => {
    const format = z.enum(['csv', 'xlsx', 'json']).parse(req.params.format);
    const name = z.enum(['coverage', 'items', 'mentions']).parse(req.params.name);
    if (name === 'coverage') {
      const rows = coverageByDayOutlet(
        await store.coverage(toFilter(filterParams.parse(req.query), periods)),
      );
      await sendTable(
        renderer,
        res,
        'coverage-by-day-outlet',
        format,
        DAY_OUTLET_COLUMNS,
        rows as unknown as TableRow[],
      );
      return;
    }
    const q = toSearch(searchParams.parse({ limit: '500', ...req.query }), periods);
    const hits = [];
    const most =
      name === 'mentions' ? (opts.mentionsExportItems ?? MENTIONS_EXPORT_ITEMS) : EXPORT_LIMIT;
    for (let offset = 0; offset < most; offset += 500) {
      const page = await store.search({ ...q, limit: Math.min(500, most - offset), offset });
      hits.push(...page.hits);
      if (page.hits.length < 500) break;
    }
    // Say so when the export stops at its limit, so nobody takes a part for the whole.
    if (hits.length >= most)
      res.set('X-Export-Truncated', `first ${most} items; narrow the filters for the rest`);
    if (name === 'items') {
      await sendTable(
        renderer,
        res,
        'items',
        format,
        ITEM_COLUMNS,
        itemsTable(hits) as unknown as TableRow[],
      );
      return;
    }
    // Whole items are read here, on the store's own connection: page by page, with a
    // pause between pages so health checks and other requests are answered meanwhile.
    const entities = q.entities ? { entities: q.entities } : {};
    const rows: TableRow[] = [];
    for (let i = 0; i < hits.length; i += 100) {
      const items = [];
      for (const h of hits.slice(i, i + 100)) {
        const item = await store.getItem(h.item.id);
        if (item) items.push(item);
      }
      rows.push(...(mentionsTable(items, entities) as unknown as TableRow[]));
      await breathe();
    }
    await sendTable(renderer, res, 'mentions', format, MENTION_COLUMNS, rows);
  });

  r.get('/charts/:kind.:format', async (req, res) => {
    const { kind, format } = req.params;
    if (!isChartKind(kind))
      throw new HttpError(
        404,
        `no chart "${kind}"; try share-by-outlet, coverage-over-time, tone-by-subject or lorenz`,
      );
    if (format !== 'svg' && format !== 'png')
      throw new HttpError(404, 'charts come as .svg or .png');
    const p = chartParams.parse(req.query);
    const tooLarge = chartPixelsError(p.width, p.height);
    if (tooLarge) throw new HttpError(400, tooLarge);
    const filter = toFilter(p, periods);
    const subjectNames = names;
    let data;
    if (kind === 'share-by-outlet') {
      const rows = await store.counts({
        ...filter,
        entityType: p.type ?? 'candidate',
        by: ['entity', 'source'],
      });
      data = {
        rows: rows.map((x) => ({
          outlet: x.source!,
          subject: x.entity!,
          value: p.unit === 'items' ? x.items : x.mentions,
        })),
        subjectNames,
      };
    } else if (kind === 'coverage-over-time') {
      const rows = await store.counts({
        ...filter,
        entityType: p.type ?? 'candidate',
        by: ['entity', 'day'],
      });
      data = {
        rows: rows.map((x) => ({
          date: x.day!,
          subject: x.entity!,
          value: p.unit === 'items' ? x.items : x.mentions,
        })),
        subjectNames,
      };
    } else {
      const report = await metricsOf(p);
      data =
        kind === 'tone-by-subject'
          ? {
              subjects: report.subjects.map((s) => ({ subject: s.entity, ...s.tone })),
              subjectNames,
            }
          : {
              values: report.subjects.map((s) => ({ subject: s.entity, value: s.value })),
              subjectNames,
              unit: p.unit,
            };
    }
    const out = await renderer.call('charts', 'renderChart', kind, data as never, {
      lang: p.labels,
      format,
      width: p.width,
      height: p.height,
    });
    res
      .type(format === 'svg' ? 'image/svg+xml' : 'image/png')
      .attachment(`${kind}.${format}`)
      .send(out);
  });

  return r;
}
