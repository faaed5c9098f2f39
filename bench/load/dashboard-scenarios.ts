// What dashboard users ask the API for, as load scenarios: searches for candidates and
// parties in the forms Azerbaijani texts use (case endings, quoted phrases), with the
// dashboard's filters; coverage metrics in every unit and grouping; counts for the
// charts. Each scenario checks that its answer is well-formed.
import type { Scenario } from './run-load.ts';

const QUERIES = [
  'Nurullayev',
  'Nurullayevin',
  'Həsənquliyevə',
  'Zahid Orucun',
  'Mustafanın',
  'İlham Əliyev',
  '"Milli Cəbhə"',
  'Müsavat',
  'Musayevə',
  'seçki kampaniyası',
];
const ENTITIES = [
  'aliyev_ilham',
  'oruc_zahid',
  'mustafa_fazil',
  'hasanguliyev_gudrat',
  'nurullayev_razi',
  'musayev_elshad',
  'yap',
  'musavat',
];
const FILTERS = [
  '',
  'ownership=state',
  'ownership=opposition,private',
  'lang=az',
  'from=2024-01-15&to=2024-02-06',
  'from=2024-01-01&to=2024-01-31&ownership=state',
  'period=campaign',
  'period=campaign&ownership=opposition',
  'tone=negative',
  'dedupe=story',
];
const METRICS = [
  'unit=mentions&by=entity',
  'unit=items&by=entity',
  'unit=words&by=entity',
  'unit=mentions&by=party',
  'unit=items&by=ownership',
  'unit=mentions&by=outlet',
  'unit=mentions&by=entity&type=party',
  'unit=mentions&by=entity&period=campaign',
  'unit=items&by=entity&period=campaign&ownership=state',
  'unit=mentions&by=entity&dedupe=story',
];
const COUNTS = ['by=entity', 'by=entity,day', 'by=source', 'by=entity,week', 'by=entity,source'];

const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)]!;
const join = (...parts: string[]) => parts.filter(Boolean).join('&');
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Search answers: `{ total, hits: [{ item: { id, ... } }] }`. */
export function checkSearch(body: unknown): string | undefined {
  if (!isObject(body)) return 'search answer is not an object';
  if (typeof body.total !== 'number') return 'search answer has no numeric total';
  if (!Array.isArray(body.hits)) return 'search answer has no hits array';
  if (body.total < body.hits.length) return `total ${body.total} < ${body.hits.length} hits`;
  for (const h of body.hits as unknown[]) {
    if (!isObject(h) || !isObject(h.item) || typeof h.item.id !== 'string')
      return 'a search hit has no item id';
  }
  return undefined;
}

/** Metrics answers: subjects with shares that sum to 1 whenever anything was counted. */
export function checkMetrics(body: unknown): string | undefined {
  if (!isObject(body)) return 'metrics answer is not an object';
  if (!Array.isArray(body.subjects)) return 'metrics answer has no subjects array';
  if (typeof body.total !== 'number') return 'metrics answer has no numeric total';
  const subjects = body.subjects as unknown[];
  if (!subjects.every((s) => isObject(s) && typeof s.entity === 'string'))
    return 'a metrics subject has no entity';
  if (body.total > 0) {
    const sum = (subjects as Array<{ share: unknown }>).reduce<number>(
      (s, x) => s + (typeof x.share === 'number' ? x.share : 0),
      0,
    );
    if (Math.abs(sum - 1) > 1e-6) return `shares sum to ${sum}, not 1`;
  }
  return undefined;
}

/** Count answers: an array of rows with numeric items and mentions. */
export function checkCounts(body: unknown): string | undefined {
  if (!Array.isArray(body)) return 'counts answer is not an array';
  for (const row of body as unknown[]) {
    if (!isObject(row) || typeof row.items !== 'number' || typeof row.mentions !== 'number')
      return 'a counts row lacks numeric items or mentions';
  }
  return undefined;
}

export function checkHealth(body: unknown): string | undefined {
  if (!isObject(body) || body.ok !== true || typeof body.items !== 'number')
    return 'health answer lacks ok and items';
  return undefined;
}

export const searchScenario: Scenario = {
  name: 'search',
  weight: 5,
  path: (rnd) =>
    `/api/search?${join(
      `q=${encodeURIComponent(pick(QUERIES, rnd))}`,
      pick(FILTERS, rnd),
      rnd() < 0.3 ? 'sort=relevance' : '',
      rnd() < 0.2 ? `offset=${20 * Math.floor(rnd() * 5)}` : '',
    )}`,
  check: checkSearch,
};

/** The dashboard's browse view: no text query, an entity and a date range. */
export const browseScenario: Scenario = {
  name: 'search-entity',
  weight: 2,
  path: (rnd) =>
    `/api/search?${join(`entity=${pick(ENTITIES, rnd)}`, pick(FILTERS, rnd), 'limit=50')}`,
  check: checkSearch,
};

export const metricsScenario: Scenario = {
  name: 'metrics',
  weight: 3,
  path: (rnd) => `/api/metrics?${pick(METRICS, rnd)}`,
  check: checkMetrics,
};

export const countsScenario: Scenario = {
  name: 'counts',
  weight: 1,
  path: (rnd) => `/api/counts?${join(pick(COUNTS, rnd), rnd() < 0.5 ? 'period=campaign' : '')}`,
  check: checkCounts,
};

export const healthScenario: Scenario = {
  name: 'health',
  weight: 1,
  path: () => '/api/health',
  check: checkHealth,
};

/** The mix a dashboard in use produces. */
export const DASHBOARD_SCENARIOS: Scenario[] = [
  searchScenario,
  browseScenario,
  metricsScenario,
  countsScenario,
];
