// Splits sources between crawler processes: with MONITOR_SHARD=k/n on n machines, each
// source belongs to exactly one of them, decided by a hash of its id, so no source is
// fetched twice and adding sources does not move the others.
import { createHash } from 'node:crypto';
import type { Source } from '../core/source.ts';
import { FatalError } from '../core/errors.ts';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(shard: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(shard);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new FatalError(
      `Shard ${JSON.stringify(shard)} is not k/n with 1 ≤ k ≤ n (e.g. MONITOR_SHARD=2/3)`,
    );
  }
  return { index, count };
}

/** Which shard (1-based) of `count` a source id belongs to. */
export function shardOf(sourceId: string, count: number): number {
  const h = createHash('sha256').update(sourceId).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

export function selectShard(sources: Source[], shard: string): Source[] {
  const { index, count } = parseShard(shard);
  if (count === 1) return sources;
  return sources.filter((s) => shardOf(s.id, count) === index);
}
