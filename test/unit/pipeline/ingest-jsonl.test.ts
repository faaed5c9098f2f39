import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { RawItem } from '../../../src/core/types.ts';
import type { UpsertOutcome } from '../../../src/core/store.ts';
import { ingestJsonLines } from '../../../src/pipeline/ingest-jsonl.ts';

const good = (n: number) =>
  JSON.stringify({
    url: `https://x.example/${n}`,
    title: `Xəbər ${n}`,
    text: 'Mətn',
    publishedAt: '2024-01-20T10:00:00Z',
    source: { id: 's', name: 'S', kind: 'import', ownership: 'private' },
  });

describe('ingestJsonLines', () => {
  it('reports malformed lines by number, skips them and stores the rest', async () => {
    const stored: RawItem[] = [];
    const sink = async (items: RawItem[]): Promise<UpsertOutcome[]> => {
      stored.push(...items);
      return items.map((i) => ({ id: i.url, url: i.url, status: 'new' }));
    };
    const bad: Array<[number, string]> = [];
    const input = [
      good(1),
      '{not json',
      good(2),
      JSON.stringify({ url: 'https://x.example/3', source: { id: 's' } }),
      '',
      good(4),
    ].join('\n');
    const summary = await ingestJsonLines(Readable.from([input]), sink, {
      batchSize: 2,
      onBadLine: (l, r) => bad.push([l, r]),
    });
    expect(stored.map((i) => i.url)).toEqual([
      'https://x.example/1',
      'https://x.example/2',
      'https://x.example/4',
    ]);
    expect(bad.map(([l]) => l)).toEqual([2, 4]);
    expect(bad[0]![1]).toMatch(/not valid JSON/);
    expect(bad[1]![1]).toMatch(/source\.name/);
    expect(summary).toMatchObject({ lines: 6, skipped: 2, byStatus: { new: 3 } });
  });

  it('counts items the pipeline rejects as skipped', async () => {
    const sink = async (items: RawItem[]): Promise<UpsertOutcome[]> =>
      items.slice(1).map((i) => ({ id: i.url, url: i.url, status: 'new' }));
    const summary = await ingestJsonLines(Readable.from([`${good(1)}\n${good(2)}\n`]), sink);
    expect(summary.skipped).toBe(1);
    expect(summary.byStatus.new).toBe(1);
  });
});
