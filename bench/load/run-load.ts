// A small, bounded HTTP load generator: `users` virtual users loop over weighted
// scenarios against one base URL until the time is up, the request budget is spent or
// the caller aborts. Keep-alive sockets (node:http), a timeout on every request, and a
// per-scenario summary: requests, errors (with the first messages), requests/s, latency.
import http from 'node:http';
import { mulberry32 } from '../../src/metrics/prng.ts';
import { summarize, type LatencySummary } from './percentiles.ts';

export interface Scenario {
  name: string;
  /** Relative frequency; scenarios with weight 0 are never picked. */
  weight: number;
  /** Path and query to request, e.g. '/api/search?q=Oruc'; `rnd` is uniform in [0, 1). */
  path(rnd: () => number): string;
  /** Checks a JSON body; returns what is wrong, or undefined when it is well-formed. */
  check?(body: unknown): string | undefined;
}

export interface LoadOptions {
  baseUrl: string;
  users: number;
  /** Stop sending after this long. */
  durationMs: number;
  /** Stop sending after this many requests in all. */
  maxRequests: number;
  scenarios: Scenario[];
  /** A request that takes longer is abandoned and counted as an error (default 10 s). */
  timeoutMs?: number;
  seed?: number;
  /**
   * Each user first requests this (not counted) and only then does the clock start, so
   * the measured requests run on open keep-alive connections, as from dashboards already
   * open. Without it, connections opened while the server is saturated can wait seconds
   * to be served (Node serves established connections first).
   */
  warmupPath?: string;
  /**
   * Each user pauses a random time up to this between answers, as someone reading the
   * page does (default 0: every user asks again at once, a saturation test).
   */
  thinkMs?: number;
  /** Users start at random times within this (default 0: all at once). */
  rampUpMs?: number;
  /** Stops sending early (requests in flight still finish). */
  signal?: AbortSignal;
  /** Sees every answer as it completes, e.g. to track progress of something else. */
  onResponse?(r: ResponseRecord): void;
}

export interface ResponseRecord {
  scenario: string;
  path: string;
  /** HTTP status, or 0 when no answer came (timeout, refused, reset). */
  status: number;
  ms: number;
  /** performance.now() when the answer was complete. */
  endedAt: number;
  body: unknown;
  error?: string;
}

export interface ScenarioStats extends LatencySummary {
  name: string;
  requests: number;
  errors: number;
  /** The first few error messages, each with its path. */
  errorMessages: string[];
  requestsPerSecond: number;
}

export interface LoadReport {
  users: number;
  elapsedMs: number;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  scenarios: ScenarioStats[];
}

const KEEP_MESSAGES = 5;

interface Answer {
  status: number;
  body: unknown;
  error?: string;
}

function get(url: URL, agent: http.Agent, timeoutMs: number, retry = true): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent, headers: { accept: 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (err) => resolve({ status: 0, body: null, error: err.message }));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        let body: unknown = text;
        if (/json/.test(res.headers['content-type'] ?? '')) {
          try {
            body = JSON.parse(text);
          } catch (err) {
            resolve({ status, body: text, error: `invalid JSON: ${(err as Error).message}` });
            return;
          }
        }
        const ok = status >= 200 && status < 300;
        resolve(
          ok ? { status, body } : { status, body, error: `HTTP ${status} ${text.slice(0, 200)}` },
        );
      });
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (err: NodeJS.ErrnoException) => {
      // The server closed an idle keep-alive socket just as we reused it; browsers resend
      // such a GET once on a new connection, and so do we.
      if (retry && req.reusedSocket && err.code === 'ECONNRESET')
        return void get(url, agent, timeoutMs, false).then(resolve);
      resolve({ status: 0, body: null, error: err.message });
    });
  });
}

/** Picks a scenario by weight; `r` is uniform in [0, 1). */
export function pickScenario(scenarios: readonly Scenario[], r: number): Scenario {
  const total = scenarios.reduce((s, x) => s + Math.max(0, x.weight), 0);
  if (!(total > 0)) throw new RangeError('load scenarios need a positive weight in all');
  let at = r * total;
  for (const s of scenarios) {
    at -= Math.max(0, s.weight);
    if (at < 0) return s;
  }
  return scenarios.findLast((s) => s.weight > 0)!;
}

export async function runLoad(opts: LoadOptions): Promise<LoadReport> {
  if (opts.users < 1) throw new RangeError('runLoad needs at least one user');
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.users });
  const rnd = mulberry32(opts.seed ?? 1);
  const latencies = new Map<string, number[]>(opts.scenarios.map((s) => [s.name, []]));
  const errors = new Map<string, { count: number; messages: string[] }>(
    opts.scenarios.map((s) => [s.name, { count: 0, messages: [] }]),
  );
  if (opts.warmupPath) {
    const url = new URL(opts.warmupPath, opts.baseUrl);
    await Promise.all(Array.from({ length: opts.users }, () => get(url, agent, timeoutMs)));
  }
  const started = performance.now();
  const deadline = started + opts.durationMs;
  let issued = 0;

  const more = () =>
    issued < opts.maxRequests && performance.now() < deadline && !opts.signal?.aborted;

  const user = async () => {
    if (opts.rampUpMs) {
      const wait = rnd() * opts.rampUpMs;
      if (wait >= deadline - performance.now()) return;
      await new Promise((r) => setTimeout(r, wait));
    }
    while (more()) {
      issued++;
      const scenario = pickScenario(opts.scenarios, rnd());
      const path = scenario.path(rnd);
      const t0 = performance.now();
      const answer = await get(new URL(path, opts.baseUrl), agent, timeoutMs);
      const endedAt = performance.now();
      const ms = endedAt - t0;
      const error = answer.error ?? scenario.check?.(answer.body);
      latencies.get(scenario.name)!.push(ms);
      if (error) {
        const e = errors.get(scenario.name)!;
        e.count++;
        if (e.messages.length < KEEP_MESSAGES) e.messages.push(`${path}: ${error}`);
      }
      opts.onResponse?.({
        scenario: scenario.name,
        path,
        status: answer.status,
        ms,
        endedAt,
        body: answer.body,
        ...(error ? { error } : {}),
      });
      if (opts.thinkMs) {
        const pause = rnd() * opts.thinkMs;
        // A pause past the end is the end for this user (timers may fire a little early).
        if (pause >= deadline - performance.now()) break;
        await new Promise((r) => setTimeout(r, pause));
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: opts.users }, user));
  } finally {
    agent.destroy();
  }
  const elapsedMs = performance.now() - started;
  const perSecond = (n: number) => (elapsedMs > 0 ? (n * 1000) / elapsedMs : 0);
  const scenarios = opts.scenarios.map((s): ScenarioStats => {
    const times = latencies.get(s.name)!;
    const e = errors.get(s.name)!;
    return {
      name: s.name,
      requests: times.length,
      errors: e.count,
      errorMessages: e.messages,
      requestsPerSecond: perSecond(times.length),
      ...summarize(times),
    };
  });
  const requests = scenarios.reduce((n, s) => n + s.requests, 0);
  return {
    users: opts.users,
    elapsedMs,
    requests,
    errors: scenarios.reduce((n, s) => n + s.errors, 0),
    requestsPerSecond: perSecond(requests),
    scenarios,
  };
}

/** The report as a small table, one line per scenario. */
export function formatLoadReport(r: LoadReport, title = 'load'): string {
  const ms = (v: number) => (Number.isNaN(v) ? '-' : v.toFixed(1));
  const lines = [
    `${title}: ${r.users} users, ${r.requests} requests in ${(r.elapsedMs / 1000).toFixed(1)} s = ${r.requestsPerSecond.toFixed(0)} req/s, ${r.errors} errors`,
    `  ${'scenario'.padEnd(16)} ${'requests'.padStart(8)} ${'errors'.padStart(6)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}`,
  ];
  for (const s of r.scenarios) {
    lines.push(
      `  ${s.name.padEnd(16)} ${String(s.requests).padStart(8)} ${String(s.errors).padStart(6)} ${s.requestsPerSecond.toFixed(1).padStart(7)} ${ms(s.p50).padStart(8)} ${ms(s.p95).padStart(8)} ${ms(s.p99).padStart(8)} ${ms(s.max).padStart(8)}`,
    );
    for (const m of s.errorMessages) lines.push(`    error: ${m}`);
  }
  return lines.join('\n');
}
