import { describe, expect, it } from 'vitest';
import { createSourceWatch } from '../../../src/cli/source-watch.ts';
import { sourceSchema } from '../../../src/core/source.ts';
import type { FetchEvent } from '../../../src/core/store.ts';

const apa = sourceSchema.parse({
  id: 'apa',
  name: 'APA',
  kind: 'rss',
  ownership: 'private',
  urls: ['https://apa.az/rss'],
});
const run = (ok: boolean, error: string | null = null, itemsNew = 0): FetchEvent => ({
  sourceId: 'apa',
  url: 'https://apa.az/rss',
  at: '2024-01-20T10:00:00Z',
  status: ok ? 200 : null,
  ok,
  itemsNew,
  itemsUpdated: 0,
  itemsDuplicate: 0,
  itemsSkipped: 0,
  itemsQueued: 0,
  durationMs: 5,
  error,
});

describe('source watch', () => {
  it('says nothing during the first round, then one line per change of state', () => {
    const lines: string[] = [];
    const watch = createSourceWatch({ log: (l) => lines.push(l), initial: new Map() });
    const dns =
      'cannot reach https://apa.az/rss: getaddrinfo ENOTFOUND apa.az (after 3 attempt(s))';
    watch.ran(apa, run(false, dns), false, '2024-01-20T10:05:00Z');
    expect(lines).toEqual([]);
    watch.settle();
    // Retries that fail the same way are not news.
    watch.ran(apa, run(false, dns), false, '2024-01-20T10:15:00Z');
    watch.ran(apa, run(false, dns), false, '2024-01-20T10:35:00Z');
    expect(lines).toEqual([]);
    watch.ran(apa, run(true, null, 12), false, null);
    watch.ran(apa, run(true, null, 3), false, null);
    watch.ran(
      apa,
      run(false, 'timed out after 30000 ms: https://apa.az/rss'),
      false,
      '2024-01-20T11:00:00Z',
    );
    watch.ran(apa, run(false, 'timed out after 30000 ms: https://apa.az/rss'), true, null);
    expect(lines).toEqual([
      'apa (APA): reachable again; 12 new items',
      'apa (APA): failing (timed out); next attempt 2024-01-20 15:00 Baku time',
      'apa (APA): paused after repeated failures (timed out)',
    ]);
  });
});
