// Messages between the server thread and the read workers.
import type { WireError } from '../../../core/wire-error.ts';

/** Store methods answered by a worker: the ones that read many rows. */
export const POOLED_READS = ['search', 'counts', 'coverage', 'countItems', 'storyItems'] as const;
export type PooledRead = (typeof POOLED_READS)[number];

export interface ReadRequest {
  id: number;
  method: PooledRead;
  args: unknown[];
}

export type ReadReply = { id: number; result: unknown } | { id: number; error: WireError };
