// Bulk writes in batches, with exponential back-off on 429, 5xx and connection errors
// (for the whole request and for single rejected items). What still fails is logged and
// appended to the dead-letter file, unless a write queue takes it: never silently dropped.
import type { Client } from '@elastic/elasticsearch';
import { isOutageStatus } from '../outage.ts';
import type { estypes } from '@elastic/elasticsearch';
import type { DeadLetter, DeadLetterEntry } from './dead-letter.ts';

export interface BulkOp {
  action: 'index' | 'delete';
  index: string;
  id: string;
  doc?: unknown;
  /** The item URL, for reports. */
  url?: string;
}

export interface BulkFailure {
  op: BulkOp;
  status: number | null;
  error: string;
}

export interface BulkOptions {
  client: Client;
  refresh: boolean | 'wait_for';
  deadLetter: DeadLetter;
  batchSize?: number;
  /** Attempts after the first. */
  retries?: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  log?: (message: string) => void;
  /**
   * A write queue takes what an outage made fail: such failures are returned but neither
   * dead-lettered nor logged here (the queue keeps the items and says so once).
   */
  queueOutages?: boolean;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const TRANSIENT = new Set(['ConnectionError', 'TimeoutError', 'NoLivingConnectionsError']);

/** Status of a failed request, or null when no answer came. */
function requestStatus(err: unknown): number | null {
  const status = (err as { meta?: { statusCode?: number } }).meta?.statusCode;
  return typeof status === 'number' ? status : null;
}

export function isRetryable(err: unknown): boolean {
  const status = requestStatus(err);
  if (status !== null && status !== 0) return status === 429 || status >= 500;
  return err instanceof Error && TRANSIENT.has(err.name);
}

function operations(ops: BulkOp[]): estypes.BulkRequest['operations'] {
  const out: unknown[] = [];
  for (const op of ops) {
    out.push({ [op.action]: { _index: op.index, _id: op.id } });
    if (op.action === 'index') out.push(op.doc);
  }
  return out as estypes.BulkRequest['operations'];
}

function itemError(item: Partial<Record<estypes.BulkOperationType, estypes.BulkResponseItem>>) {
  const r = Object.values(item)[0];
  if (!r) return null;
  // Deleting a document that is already gone is fine.
  if (!r.error) return null;
  const reason = `${r.error.type}: ${r.error.reason ?? ''}`.trim();
  return { status: r.status, error: reason };
}

async function sendBatch(batch: BulkOp[], opts: BulkOptions): Promise<BulkFailure[]> {
  const retries = opts.retries ?? 5;
  const base = opts.baseDelayMs ?? 250;
  const sleep = opts.sleep ?? wait;
  let pending = batch;
  // Permanent failures accumulate; only retryable ones go round again.
  const failures: BulkFailure[] = [];
  let unanswered = 0;
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= retries;
    try {
      // Our own back-off replaces the client's immediate retries.
      const res = await opts.client.bulk(
        { operations: operations(pending), refresh: opts.refresh },
        { maxRetries: 0 },
      );
      unanswered = 0;
      const again: BulkOp[] = [];
      res.items.forEach((item, i) => {
        const e = itemError(item);
        if (!e) return;
        const op = pending[i]!;
        if (isOutageStatus(e.status) && !last) again.push(op);
        else failures.push({ op, ...e });
      });
      if (!again.length) return failures;
      pending = again;
    } catch (err) {
      // No answer at all (refused, timed out) twice running: the caller's write queue holds
      // the items; more tries would only keep a crawl waiting on a dead cluster.
      const status = requestStatus(err);
      unanswered = status === null || status === 0 ? unanswered + 1 : 0;
      if (!isRetryable(err) || last || unanswered >= 2) {
        const error = err instanceof Error ? err.message : String(err);
        return [...failures, ...pending.map((op) => ({ op, status: requestStatus(err), error }))];
      }
    }
    opts.log?.(
      `Elasticsearch bulk: retrying ${pending.length} operations (attempt ${attempt + 2})`,
    );
    await sleep(base * 2 ** attempt);
  }
}

export async function bulkWrite(ops: BulkOp[], opts: BulkOptions): Promise<BulkFailure[]> {
  const size = opts.batchSize ?? 500;
  const failures: BulkFailure[] = [];
  for (let i = 0; i < ops.length; i += size) {
    failures.push(...(await sendBatch(ops.slice(i, i + size), opts)));
  }
  const queued = opts.queueOutages && failures.every((f) => isOutageStatus(f.status));
  if (failures.length && !queued) {
    const at = new Date().toISOString();
    const entries: DeadLetterEntry[] = failures.map((f) => ({
      at,
      action: f.op.action,
      index: f.op.index,
      id: f.op.id,
      ...(f.op.url ? { url: f.op.url } : {}),
      status: f.status,
      error: f.error,
      ...(f.op.doc !== undefined ? { doc: f.op.doc } : {}),
    }));
    await opts.deadLetter.write(entries);
    const log = opts.log ?? ((m: string) => console.warn(m));
    for (const f of failures) {
      log(
        `Elasticsearch rejected ${f.op.action} ${f.op.id} (${f.op.url ?? f.op.index}): ${f.status ?? 'no answer'} ${f.error}; kept in ${opts.deadLetter.path}`,
      );
    }
  }
  return failures;
}

/**
 * Sends the dead-lettered operations again (those `which` picks; the others stay in the
 * file); what still fails goes back in the file.
 */
export async function replayDeadLetters(
  opts: BulkOptions,
  which: (entry: DeadLetterEntry) => boolean = () => true,
): Promise<{ retried: number; failed: number }> {
  const { entries, finish } = await opts.deadLetter.take();
  const chosen = entries.filter(which);
  await opts.deadLetter.write(entries.filter((e) => !which(e)));
  const ops: BulkOp[] = chosen.map((e) => ({
    action: e.action,
    index: e.index,
    id: e.id,
    ...(e.url ? { url: e.url } : {}),
    ...(e.doc !== undefined ? { doc: e.doc } : {}),
  }));
  const failures = await bulkWrite(ops, opts);
  await finish();
  return { retried: ops.length, failed: failures.length };
}
