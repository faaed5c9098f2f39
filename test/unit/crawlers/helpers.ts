// Shared bits for crawler tests: a fake clock and a fetcher tuned for fixture sites.
import { createFetcher } from '../../../crawlers/http/index.ts';
import type { FetcherOptions } from '../../../crawlers/http/index.ts';

export function fakeClock(startIso = '2026-01-10T12:00:00Z') {
  let t = Date.parse(startIso);
  const sleeps: number[] = [];
  return {
    now: () => new Date(t),
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
    sleeps,
  };
}

export function testFetcher(overrides: Partial<FetcherOptions> = {}) {
  const clock = fakeClock();
  const fetcher = createFetcher({
    userAgent: 'TestMonitor/1.0',
    hostConcurrency: 2,
    hostDelayMs: 0,
    maxBodyBytes: 1024 * 1024,
    timeoutMs: 2000,
    retries: 2,
    now: clock.now,
    sleep: clock.sleep,
    ...overrides,
  });
  return { fetcher, clock };
}
