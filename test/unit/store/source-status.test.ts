// Every source's condition from the store, in words, shared by `monitor status`, the
// dashboard and `monitor start`'s summaries.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteStore, type SqliteStore } from '../../../src/store/sqlite/index.ts';
import { sourceSchema, type SourceInput } from '../../../src/core/source.ts';
import type { FetchEvent } from '../../../src/core/store.ts';
import {
  describeSummary,
  sourceStatuses,
  summariseSources,
  type SourceStatus,
} from '../../../src/store/source-status.ts';
import { failureKind, failureWords } from '../../../src/core/failure-words.ts';

const source = (id: string, enabled = true) =>
  sourceSchema.parse({
    id,
    name: `Outlet ${id}`,
    kind: 'rss',
    ownership: 'private',
    urls: [`https://${id}.az/rss`],
    enabled,
  } satisfies SourceInput);

const fetch = (sourceId: string, at: string, over: Partial<FetchEvent> = {}): FetchEvent => ({
  sourceId,
  url: `https://${sourceId}.az/rss`,
  at,
  status: 200,
  ok: true,
  itemsNew: 0,
  itemsUpdated: 0,
  itemsDuplicate: 0,
  itemsSkipped: 0,
  itemsQueued: 0,
  durationMs: 10,
  error: null,
  ...over,
});

describe('source status', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'source-status-'));
    store = sqliteStore({ path: join(dir, 'm.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names each condition, the reason in words, the next attempt and items today', async () => {
    await store.upsertSources(
      ['ok', 'down', 'slow', 'off', 'new'].map((id) => source(id, id !== 'off')),
    );
    const now = new Date('2024-01-20T12:00:00Z'); // 16:00 in Baku
    // Yesterday (Baku) does not count toward today; 19 Jan 21:00Z is 20 Jan 01:00 in Baku.
    await store.recordFetch(fetch('ok', '2024-01-19T19:00:00Z', { itemsNew: 7 }));
    await store.recordFetch(fetch('ok', '2024-01-19T21:00:00Z', { itemsNew: 3 }));
    await store.recordFetch(fetch('ok', '2024-01-20T10:00:00Z', { itemsNew: 2 }));
    const dns =
      'https://down.az/rss: cannot reach https://down.az/rss: getaddrinfo ENOTFOUND down.az';
    await store.recordFetch(
      fetch('down', '2024-01-20T11:00:00Z', { ok: false, status: null, error: dns }),
    );
    await store.setSourceState('down', {
      consecutiveFailures: 2,
      pausedReason: null,
      nextAttemptAt: '2024-01-20T12:10:00Z',
      validators: {},
    });
    const slow = 'timed out after 30000 ms: https://slow.az/rss';
    await store.recordFetch(
      fetch('slow', '2024-01-20T11:00:00Z', { ok: false, status: null, error: slow }),
    );
    await store.setSourceState('slow', {
      consecutiveFailures: 5,
      pausedReason: `paused after 5 consecutive failures; last error: ${slow}`,
      nextAttemptAt: null,
      validators: {},
    });

    const rows = new Map((await sourceStatuses(store, { now })).map((r) => [r.sourceId, r]));
    expect(rows.get('ok')).toMatchObject({ condition: 'reachable', itemsToday: 5, reason: null });
    expect(rows.get('down')).toMatchObject({
      condition: 'failing',
      failure: 'host-not-found',
      reason: 'host not found',
      nextAttemptAt: '2024-01-20T12:10:00Z',
    });
    expect(rows.get('slow')).toMatchObject({ condition: 'paused', reason: 'timed out' });
    expect(rows.get('off')?.condition).toBe('disabled');
    expect(rows.get('new')?.condition).toBe('untried');
    expect(describeSummary(summariseSources([...rows.values()]))).toBe(
      '1 of 4 sources reachable; 1 failing (1 host not found); 1 paused (1 timed out); 1 not tried yet; 1 disabled',
    );
  });

  it('says to check the network when no source can be found or reached', () => {
    const row = (sourceId: string, error: string): SourceStatus => ({
      sourceId,
      name: sourceId,
      kind: 'rss',
      ownership: 'private',
      enabled: true,
      lastFetchAt: '2024-01-20T10:00:00Z',
      consecutiveFailures: 1,
      pausedReason: null,
      fetches: 1,
      condition: 'failing' as const,
      lastSuccessAt: null,
      lastError: error,
      failure: failureKind(error),
      reason: failureWords(error),
      nextAttemptAt: null,
      itemsToday: 0,
      itemCount: 0,
    });
    const rows = Array.from({ length: 25 }, (_, i) =>
      row(`s${i}`, i < 24 ? 'getaddrinfo ENOTFOUND x.az' : 'connect ECONNREFUSED 1.2.3.4:443'),
    );
    expect(describeSummary(summariseSources(rows))).toBe(
      '0 of 25 sources reachable: check the network; 25 failing (24 host not found, 1 connection refused or dropped)',
    );
    // One site down among reachable ones is that site's problem, not the network's.
    rows[0] = {
      ...row('s0', ''),
      condition: 'reachable' as never,
      lastError: null,
      failure: null,
      reason: null,
    };
    expect(describeSummary(summariseSources(rows))).not.toContain('check the network');
  });

  it('words the usual failures', () => {
    expect(failureWords('forbidden by robots.txt: https://a.az/x')).toBe('refused by robots.txt');
    expect(failureWords('HTTP 503 for https://a.az/rss')).toBe(
      'the site answered with an error (HTTP 503)',
    );
    expect(failureWords('getaddrinfo ENOTFOUND a.az', 'az')).toBe('host tapılmadı');
    expect(failureWords('something odd')).toBe('failed');
  });
});
