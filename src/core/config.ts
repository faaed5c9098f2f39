// One configuration schema: each setting beside its environment variable and default.
// Parsed once at start-up; a bad value stops start-up with every problem listed.
import { z } from 'zod';
import { FatalError } from './errors.ts';

const intIn = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** setting name → [environment variable, schema with default, description] */
export const SETTINGS = {
  dataDir: [
    'MONITOR_DATA_DIR',
    z.string().min(1).default('./data'),
    'where the embedded store and raw pages live',
  ],
  store: [
    'MONITOR_STORE',
    z.enum(['sqlite', 'elasticsearch']).default('sqlite'),
    'storage backend',
  ],
  port: [
    'MONITOR_PORT',
    intIn(0, 65535).default(8080),
    'dashboard and API port (0 = any free port)',
  ],
  host: [
    'MONITOR_HOST',
    z.string().min(1).default('127.0.0.1'),
    'address the dashboard listens on',
  ],
  esUrl: [
    'MONITOR_ES_URL',
    z.url().optional(),
    'Elasticsearch URL, required when MONITOR_STORE=elasticsearch',
  ],
  esIndexPrefix: [
    'MONITOR_ES_INDEX_PREFIX',
    z
      .string()
      .regex(/^[a-z0-9_-]+$/)
      .default('monitor'),
    'prefix of Elasticsearch index names',
  ],
  chromiumPath: [
    'MONITOR_CHROMIUM_PATH',
    z.string().min(1).default('/usr/bin/chromium'),
    'Chromium used for script-heavy pages, PDFs and browser tests',
  ],
  sources: [
    'MONITOR_SOURCES',
    z.string().min(1).default('crawlers/sites/azerbaijan.yaml'),
    'source list file',
  ],
  election: [
    'MONITOR_ELECTION',
    z.string().min(1).default('az-2024-presidential'),
    'dictionary folder under dictionaries/',
  ],
  userAgent: [
    'MONITOR_USER_AGENT',
    z
      .string()
      .min(1)
      .default(
        'ElectionMediaMonitor/0.1 (+https://github.com/election-media-monitor; observer research)',
      ),
    'User-Agent sent with every request',
  ],
  maxFailures: [
    'MONITOR_MAX_FAILURES',
    intIn(1, 1000).default(8),
    'consecutive failures after which a source is paused',
  ],
  hostConcurrency: [
    'MONITOR_HOST_CONCURRENCY',
    intIn(1, 16).default(2),
    'parallel requests per host',
  ],
  hostDelayMs: [
    'MONITOR_HOST_DELAY_MS',
    intIn(0, 600000).default(1000),
    'pause between requests to one host (robots.txt Crawl-delay wins if longer)',
  ],
  maxBodyBytes: [
    'MONITOR_MAX_BODY_BYTES',
    intIn(1024, 1 << 30).default(10 * 1024 * 1024),
    'largest page or feed read',
  ],
  requestTimeoutMs: [
    'MONITOR_REQUEST_TIMEOUT_MS',
    intIn(100, 600000).default(30000),
    'timeout of one request',
  ],
  logLevel: [
    'MONITOR_LOG_LEVEL',
    z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    'log verbosity',
  ],
  sessionSecret: [
    'MONITOR_SESSION_SECRET',
    z.string().min(32).optional(),
    'signs dashboard session cookies (default: a random key kept in <dataDir>/session-secret)',
  ],
  requireLogin: [
    'MONITOR_REQUIRE_LOGIN',
    bool.default(false),
    'require a signed-in viewer to read the dashboard (changes always need a coder or admin)',
  ],
  readWorkers: [
    'MONITOR_READ_WORKERS',
    intIn(0, 16).default(2),
    'threads answering searches, counts and metrics from the embedded store (0 = the server thread)',
  ],
  renderWorkers: [
    'MONITOR_RENDER_WORKERS',
    intIn(0, 8).default(2),
    'threads rendering PNG charts, DOCX/HTML reports and CSV/XLSX exports, also the renders at once (0 = the server thread)',
  ],
  pdfPages: [
    'MONITOR_PDF_PAGES',
    intIn(1, 8).default(2),
    'report PDFs printed at once by the one shared Chromium',
  ],
  renderQueue: [
    'MONITOR_RENDER_QUEUE',
    intIn(0, 100).default(8),
    'renders and PDFs waiting at most; more are answered 503 with Retry-After',
  ],
  metricsMaxAgeS: [
    'MONITOR_METRICS_MAX_AGE_S',
    intIn(0, 86_400).default(60),
    'seconds a computed metrics or chart result is reused for the same question (0 = never)',
  ],
  secureCookies: [
    'MONITOR_SECURE_COOKIES',
    bool.default(false),
    'always mark session cookies Secure (HTTPS behind a TLS proxy)',
  ],
  shard: [
    'MONITOR_SHARD',
    z
      .string()
      .regex(/^[1-9]\d*\/[1-9]\d*$/, 'k/n, e.g. 2/3')
      .optional(),
    'this crawler takes share k of n of the sources (several crawler machines, one cluster)',
  ],
  scheduler: [
    'MONITOR_SCHEDULER',
    bool.default(true),
    'run sources on their schedules in `monitor start`',
  ],
} as const;

type Settings = typeof SETTINGS;
export type Config = { [K in keyof Settings]: z.output<Settings[K][1]> };

/** Reads the configuration from an environment; throws FatalError listing every bad setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, [name, schema, description]] of Object.entries(SETTINGS)) {
    const raw = env[name];
    const parsed = (schema as z.ZodType).safeParse(raw === '' ? undefined : raw);
    if (parsed.success) out[key] = parsed.data;
    else {
      const why = parsed.error.issues.map((i) => i.message).join('; ');
      problems.push(`${name}=${JSON.stringify(raw)} is not allowed (${description}): ${why}`);
    }
  }
  const config = out as Config;
  if (problems.length === 0 && config.store === 'elasticsearch' && !config.esUrl) {
    problems.push('MONITOR_STORE=elasticsearch needs MONITOR_ES_URL (e.g. http://127.0.0.1:9200)');
  }
  if (problems.length > 0) {
    throw new FatalError(`Configuration problems:\n  - ${problems.join('\n  - ')}`);
  }
  return config;
}

/** The settings table for --help and the README. */
export function describeSettings(): string {
  return Object.values(SETTINGS)
    .map(([name, schema, description]) => {
      const def = (schema as z.ZodType).safeParse(undefined);
      const shown = def.success && def.data !== undefined ? ` (default: ${String(def.data)})` : '';
      return `  ${name.padEnd(28)} ${description}${shown}`;
    })
    .join('\n');
}
