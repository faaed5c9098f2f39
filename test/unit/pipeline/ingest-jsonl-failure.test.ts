// When the store fails, both batches in flight fail: the first failure is the one
// reported, and the second is not left as an unhandled rejection (which would end the
// process with a stack trace instead of the store's message).
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { ingestJsonLines } from '../../../src/pipeline/ingest-jsonl.ts';

const line = (i: number) =>
  JSON.stringify({
    url: `https://example.az/${i}`,
    title: 't',
    text: 'Mətn.',
    publishedAt: '2024-01-10T10:00:00Z',
    source: { id: 's', name: 'S', kind: 'rss', ownership: 'private' },
  });

describe('ingest when the store fails', () => {
  it('reports the first failure and leaves no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      let calls = 0;
      const input = Readable.from([Array.from({ length: 10 }, (_, i) => line(i)).join('\n')]);
      const run = ingestJsonLines(
        input,
        async () => {
          const n = ++calls;
          // The first batch fails after the second has started and failed too.
          await new Promise((r) => setTimeout(r, n === 1 ? 30 : 5));
          throw new Error(`disk full (batch ${n})`);
        },
        { batchSize: 2 },
      );
      await expect(run).rejects.toThrow('disk full (batch 1)');
      await new Promise((r) => setTimeout(r, 50));
      expect(calls).toBe(2);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
