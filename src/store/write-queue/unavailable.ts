// Is this failure an outage of the store (wait and write later) or a real rejection
// (a mapping error, a bad request: tell someone now)? Follows `cause` chains, since the
// store wraps client errors in its own.
import { RetryLaterError } from '../../core/errors.ts';
import { isOutageStatus } from '../outage.ts';

/** Thrown by a store's own health probe (e.g. a red cluster): always an outage. */
export class StoreUnavailableError extends RetryLaterError {}

/** Client errors that mean no usable answer came. */
const NO_ANSWER = new Set([
  'ConnectionError',
  'TimeoutError',
  'NoLivingConnectionsError',
  'RequestAbortedError',
]);
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);
/** Gateway errors, an overloaded or read-only-until-space cluster, no master, red shards. */
const OUTAGE_STATUS = new Set([429, 502, 503, 504]);

interface Failed {
  status: number | null;
}

function statusOf(err: object): number | null {
  const s = (err as { meta?: { statusCode?: unknown } }).meta?.statusCode;
  return typeof s === 'number' && s > 0 ? s : null;
}

function codeOf(err: object): string | undefined {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export function isUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  if (err instanceof StoreUnavailableError) return true;
  // A bulk write whose every rejected operation failed for want of a cluster.
  const failures = (err as { failures?: unknown }).failures;
  if (Array.isArray(failures) && failures.length) {
    return (failures as Failed[]).every((f) => isOutageStatus(f.status));
  }
  const status = statusOf(err);
  if (status !== null) return OUTAGE_STATUS.has(status);
  const name = (err as { name?: unknown }).name;
  if (typeof name === 'string' && NO_ANSWER.has(name)) return true;
  const code = codeOf(err);
  if (code && SOCKET_CODES.has(code)) return true;
  return isUnavailable((err as { cause?: unknown }).cause, depth + 1);
}

/** A few words for the log: ECONNREFUSED, HTTP 503, timeout. */
export function outageReason(err: unknown, depth = 0): string {
  if (!err || typeof err !== 'object' || depth > 5) return 'no answer';
  if (err instanceof StoreUnavailableError) return err.message;
  const status = statusOf(err);
  if (status !== null) return `HTTP ${status}`;
  const code = codeOf(err);
  if (code) return code;
  const failures = (err as { failures?: Failed[] }).failures;
  if (Array.isArray(failures) && failures[0]) {
    const s = failures[0].status;
    if (s !== null) return `HTTP ${s}`;
  }
  const message = err instanceof Error ? err.message : '';
  const found = /\b(E[A-Z]{3,}|UND_ERR_[A-Z_]+)\b/.exec(message)?.[1];
  if (found) return found;
  // A kept-alive socket cut by the server (undici words it "other side closed").
  if (/other side closed|socket hang up/i.test(message)) return 'connection reset';
  const cause = (err as { cause?: unknown }).cause;
  if (cause) return outageReason(cause, depth + 1);
  const name = (err as { name?: unknown }).name;
  return name === 'TimeoutError' ? 'timeout' : message || 'no answer';
}
