import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { rejectedLine, unwrapRejected } from '../../../src/pipeline/rejected-line.ts';
import { ingestJsonLines } from '../../../src/pipeline/ingest-jsonl.ts';
import type { RawItem } from '../../../src/core/types.ts';

const good = {
  url: 'https://example.az/a',
  title: 'Başlıq',
  text: 'Mətn burada.',
  publishedAt: '2024-01-10T10:00:00Z',
  source: { id: 's', name: 'S', kind: 'rss', ownership: 'private' },
};

describe('rejected lines', () => {
  it('keep the record, its line and reason, and give the record back', () => {
    const line = rejectedLine(7, 'source.kind: wrong', JSON.stringify(good));
    expect(JSON.parse(line)).toEqual({
      rejected: { line: 7, reason: 'source.kind: wrong' },
      item: good,
    });
    expect(JSON.parse(unwrapRejected(line))).toEqual(good);
    // A line that was not JSON comes back as the text it was.
    expect(unwrapRejected(rejectedLine(3, 'not JSON', '{"url": broken'))).toBe('{"url": broken');
    expect(unwrapRejected('{"url":"x"}')).toBe('{"url":"x"}');
  });

  it('are ingested as their record, once fixed', async () => {
    const fixed = rejectedLine(1, 'was wrong', JSON.stringify(good));
    const stored: RawItem[] = [];
    const bad: number[] = [];
    const summary = await ingestJsonLines(
      Readable.from([`${fixed}\n{"rejected":{"line":2},"item":"not json"}\n`]),
      async (items) => {
        stored.push(...items);
        return items.map((i) => ({ id: i.url, url: i.url, status: 'new' as const }));
      },
      { onBadLine: (n) => bad.push(n) },
    );
    expect(stored.map((i) => i.url)).toEqual([good.url]);
    expect(bad).toEqual([2]);
    expect(summary.skipped).toBe(1);
  });
});
