// Reads JSON Lines into the pipeline in batches. A malformed line is reported with its
// number and skipped; every good line is stored.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { RawItem } from '../core/types.ts';
import type { ItemSink, UpsertStatus } from '../core/store.ts';
import { errorMessage } from '../core/errors.ts';
import { parseIngestLine } from './ingest-record.ts';
import { unwrapRejected } from './rejected-line.ts';

export interface IngestSummary {
  lines: number;
  skipped: number;
  byStatus: Record<UpsertStatus, number>;
}

export async function ingestJsonLines(
  input: Readable,
  sink: ItemSink,
  opts: {
    batchSize?: number;
    /** A line that could not be read as an item: its number, the reason and its text. */
    onBadLine?: (line: number, reason: string, text: string) => void;
    /** Each parsed item with its line, before it goes to the sink (to trace later skips). */
    onParsed?: (item: RawItem, line: number, text: string) => void;
    /** After a batch was stored, with the items sent. */
    onBatch?: (s: IngestSummary, sent: readonly RawItem[]) => void;
  } = {},
): Promise<IngestSummary> {
  const batchSize = opts.batchSize ?? 500;
  const summary: IngestSummary = {
    lines: 0,
    skipped: 0,
    byStatus: { new: 0, updated: 0, unchanged: 0, duplicate: 0, queued: 0 },
  };
  let batch: RawItem[] = [];
  // Two batches in flight: the sink may tag one while it stores the other.
  const inflight: Promise<void>[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const sent = batch;
    batch = [];
    const stored = sink(sent).then((outcomes) => {
      for (const o of outcomes) summary.byStatus[o.status]++;
      // The sink drops items the pipeline rejects; count them as skipped.
      summary.skipped += sent.length - outcomes.length;
      opts.onBatch?.(summary, sent);
    });
    // Two batches can fail together (a full disk): the first failure is thrown by the
    // await below; the second must not crash the process as an unhandled rejection.
    stored.catch(() => undefined);
    inflight.push(stored);
    if (inflight.length >= 2) await inflight.shift();
  };
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const read of lines) {
    summary.lines++;
    if (!read.trim()) continue;
    // A line of a rejects file (fixed by hand) is read as the record it holds.
    const line = unwrapRejected(read);
    try {
      const item = parseIngestLine(line);
      opts.onParsed?.(item, summary.lines, line);
      batch.push(item);
    } catch (err) {
      summary.skipped++;
      opts.onBadLine?.(summary.lines, errorMessage(err), line);
      continue;
    }
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await Promise.all(inflight);
  return summary;
}
