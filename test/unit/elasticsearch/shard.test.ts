import { describe, expect, it } from 'vitest';
import { parseShard, selectShard, shardOf } from '../../../src/cluster/shard.ts';
import { sourceSchema, type Source } from '../../../src/core/source.ts';

const sources: Source[] = Array.from({ length: 300 }, (_, i) =>
  sourceSchema.parse({
    id: `outlet-${i}`,
    name: `Outlet ${i}`,
    kind: 'rss',
    urls: [`https://o${i}.example/rss`],
    ownership: 'private',
  }),
);

describe('selectShard', () => {
  it('gives every source to exactly one of n shards', () => {
    const parts = [1, 2, 3].map((k) => selectShard(sources, `${k}/3`).map((s) => s.id));
    const all = parts.flat();
    expect(all).toHaveLength(sources.length);
    expect(new Set(all).size).toBe(sources.length);
    for (const p of parts) expect(p.length).toBeGreaterThan(60); // roughly a third each
  });

  it('does not depend on the order or on the other sources', () => {
    const shuffled = [...sources].reverse();
    expect(
      selectShard(shuffled, '2/3')
        .map((s) => s.id)
        .sort(),
    ).toEqual(
      selectShard(sources, '2/3')
        .map((s) => s.id)
        .sort(),
    );
    const one = sources[17]!;
    const k = shardOf(one.id, 3);
    expect(selectShard([one], `${k}/3`)).toEqual([one]);
  });

  it('keeps everything with 1/1 and rejects malformed shards', () => {
    expect(selectShard(sources, '1/1')).toHaveLength(300);
    expect(parseShard(' 2 / 5 ')).toEqual({ index: 2, count: 5 });
    for (const bad of ['0/3', '4/3', '2', 'a/b', '1/0'])
      expect(() => parseShard(bad)).toThrow(/k\/n/);
  });
});
