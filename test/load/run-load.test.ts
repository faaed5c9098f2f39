// The load generator itself: nearest-rank percentiles against hand-worked values, the
// weighted pick, and the bounds (request budget, duration, timeout, abort) on a fixture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentile, summarize } from '../../bench/load/percentiles.ts';
import { pickScenario, runLoad, type Scenario } from '../../bench/load/run-load.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';

describe('percentile (nearest rank)', () => {
  it('matches hand-worked values', () => {
    const xs = [15, 20, 35, 40, 50];
    // rank = ceil(p/100 · 5): p5 → 1, p30 → 2 (1.5), p40 → 2, p50 → 3 (2.5), p100 → 5
    expect(percentile(xs, 5)).toBe(15);
    expect(percentile(xs, 30)).toBe(20);
    expect(percentile(xs, 40)).toBe(20);
    expect(percentile(xs, 50)).toBe(35);
    expect(percentile(xs, 100)).toBe(50);
    expect(percentile(xs, 0)).toBe(15);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    // 0.07 · 100 is 7.000000000000001 in floating point; the rank is still 7.
    expect(percentile(hundred, 7)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile(xs, 101)).toThrow(RangeError);
  });

  it('summarizes unsorted latencies', () => {
    // sorted 1 2 3 10: p50 → rank 2, p95 → rank 4 (3.8), mean 16/4
    expect(summarize([3, 10, 1, 2])).toEqual({
      count: 4,
      p50: 2,
      p95: 10,
      p99: 10,
      max: 10,
      mean: 4,
    });
  });
});

describe('pickScenario', () => {
  const a: Scenario = { name: 'a', weight: 1, path: () => '/a' };
  const b: Scenario = { name: 'b', weight: 3, path: () => '/b' };
  const never: Scenario = { name: 'never', weight: 0, path: () => '/never' };
  it('picks by weight', () => {
    expect([0, 0.24, 0.25, 0.5, 0.9999].map((r) => pickScenario([a, never, b], r).name)).toEqual([
      'a',
      'a',
      'b',
      'b',
      'b',
    ]);
    expect(() => pickScenario([never], 0.5)).toThrow(RangeError);
  });
});

describe('runLoad', () => {
  let site: FixtureServer;
  beforeAll(async () => {
    site = await startFixtureServer({
      '/ok': { headers: { 'content-type': 'application/json' }, body: '{"ok":true}' },
      '/wrong': { headers: { 'content-type': 'application/json' }, body: '{"ok":false}' },
      '/fail': { status: 500, headers: { 'content-type': 'text/plain' }, body: 'boom' },
      '/slow': (_req, res) => {
        setTimeout(() => res.writeHead(200).end('late'), 40);
      },
      '/hang': () => {}, // never answers
    });
  });
  afterAll(() => site.close());

  const to = (path: string, weight = 1, check?: Scenario['check']): Scenario => ({
    name: path.slice(1),
    weight,
    path: () => path,
    ...(check ? { check } : {}),
  });
  const okCheck: Scenario['check'] = (body) =>
    (body as { ok?: boolean }).ok === true ? undefined : 'ok is not true';

  it('spends exactly the request budget and counts bad answers as errors', async () => {
    const r = await runLoad({
      baseUrl: site.origin,
      users: 7,
      maxRequests: 90,
      durationMs: 10_000,
      scenarios: [to('/ok', 2, okCheck), to('/wrong', 1, okCheck), to('/fail')],
    });
    expect(r.requests).toBe(90);
    expect(site.hits('/ok') + site.hits('/wrong') + site.hits('/fail')).toBe(90);
    const by = Object.fromEntries(r.scenarios.map((s) => [s.name, s]));
    expect(by.ok!.errors).toBe(0);
    expect(by.ok!.requests).toBe(site.hits('/ok'));
    expect(by.wrong!.errors).toBe(by.wrong!.requests);
    expect(by.wrong!.errorMessages[0]).toBe('/wrong: ok is not true');
    expect(by.fail!.errors).toBe(by.fail!.requests);
    expect(by.fail!.errorMessages[0]).toMatch(/^\/fail: HTTP 500 boom/);
    expect(by.fail!.errorMessages.length).toBeLessThanOrEqual(5);
    expect(r.errors).toBe(by.wrong!.errors + by.fail!.errors);
    expect(by.ok!.p50).toBeLessThanOrEqual(by.ok!.p95);
  });

  it('pauses each user between requests when given a think time', async () => {
    const before = site.hits('/ok');
    // A pause longer than the run: each user asks once, then waits out the clock.
    const r = await runLoad({
      baseUrl: site.origin,
      users: 4,
      maxRequests: 1_000,
      durationMs: 400,
      thinkMs: 60_000,
      seed: 3,
      scenarios: [to('/ok', 1, okCheck)],
    });
    expect(r.requests).toBe(4);
    expect(site.hits('/ok') - before).toBe(4);
    expect(r.errors).toBe(0);
  });

  it('spreads the users’ starts over the ramp-up time', async () => {
    const starts: number[] = [];
    const t0 = performance.now();
    const r = await runLoad({
      baseUrl: site.origin,
      users: 6,
      maxRequests: 1_000,
      durationMs: 600,
      rampUpMs: 400,
      // One request each: the pause after it outlasts the run.
      thinkMs: 60_000,
      seed: 5,
      scenarios: [to('/ok', 1, okCheck)],
      onResponse: (x) => starts.push(x.endedAt - x.ms - t0),
    });
    expect(r.requests).toBe(6);
    // Six random starts in 0..400 ms are not all in the first instant.
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThan(20);
    expect(Math.max(...starts)).toBeLessThan(600);
  });

  it('stops at the duration and abandons requests after the timeout', async () => {
    const t0 = performance.now();
    const r = await runLoad({
      baseUrl: site.origin,
      users: 3,
      maxRequests: 1_000_000,
      durationMs: 300,
      timeoutMs: 150,
      scenarios: [to('/slow', 3), to('/hang', 1)],
    });
    // Hang guard: bounded by duration + one timeout, not by the request budget.
    expect(performance.now() - t0).toBeLessThan(5000);
    const hang = r.scenarios.find((s) => s.name === 'hang')!;
    const slow = r.scenarios.find((s) => s.name === 'slow')!;
    expect(slow.requests).toBeGreaterThan(0);
    expect(slow.errors).toBe(0);
    expect(hang.errors).toBe(hang.requests);
    expect(hang.requests).toBeGreaterThan(0);
    expect(hang.errorMessages[0]).toMatch(/no answer within 150 ms/);
  });

  it('warms one connection per user up first, outside the budget', async () => {
    const before = site.hits('/ok');
    const slowBefore = site.hits('/slow');
    const r = await runLoad({
      baseUrl: site.origin,
      users: 5,
      maxRequests: 10,
      durationMs: 10_000,
      warmupPath: '/slow',
      scenarios: [to('/ok', 1, okCheck)],
    });
    expect(r.requests).toBe(10);
    expect(site.hits('/ok') - before).toBe(10);
    expect(site.hits('/slow') - slowBefore).toBe(5);
  });

  it('stops early when aborted', async () => {
    const stop = new AbortController();
    let seen = 0;
    const r = await runLoad({
      baseUrl: site.origin,
      users: 4,
      maxRequests: 100_000,
      durationMs: 10_000,
      scenarios: [to('/ok', 1, okCheck)],
      signal: stop.signal,
      onResponse: () => {
        if (++seen === 20) stop.abort();
      },
    });
    // Requests already in flight (at most one per user) still finish.
    expect(r.requests).toBeGreaterThanOrEqual(20);
    expect(r.requests).toBeLessThanOrEqual(24);
  });
});
