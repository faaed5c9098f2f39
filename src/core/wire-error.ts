// Errors crossing a worker thread: the API maps errors by class (a bad query is a 400,
// a busy store a 503), so the class and its action travel with the message.
import {
  FatalError,
  MonitorError,
  RetryLaterError,
  SkipItemError,
  type ErrorAction,
} from './errors.ts';

export interface WireError {
  name: string;
  message: string;
  action?: ErrorAction;
}

export function toWire(err: unknown): WireError {
  const e = err instanceof Error ? err : new Error(String(err));
  return {
    name: e.name,
    message: e.message,
    ...(err instanceof MonitorError ? { action: err.action } : {}),
  };
}

export function fromWire(e: WireError): Error {
  return e.action === 'skip'
    ? new SkipItemError(e.message)
    : e.action === 'retry'
      ? new RetryLaterError(e.message)
      : e.action === 'stop'
        ? new FatalError(e.message)
        : e.name === 'RangeError'
          ? new RangeError(e.message)
          : e.name === 'TypeError'
            ? new TypeError(e.message)
            : new Error(e.message);
}
