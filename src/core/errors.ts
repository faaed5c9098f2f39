// Errors say what the caller should do: retry later, skip this item, or stop.

export type ErrorAction = 'retry' | 'skip' | 'stop';

export class MonitorError extends Error {
  readonly action: ErrorAction;
  constructor(message: string, action: ErrorAction, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.action = action;
  }
}

/** A transient failure (timeout, 429, 5xx, dead host): try again later. */
export class RetryLaterError extends MonitorError {
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options?: { cause?: unknown; retryAfterMs?: number }) {
    super(message, 'retry', options);
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/** This one item or page is bad (malformed, too large, forbidden): skip it, keep going. */
export class SkipItemError extends MonitorError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'skip', options);
  }
}

/** Configuration or environment is wrong: stop and tell the user. */
export class FatalError extends MonitorError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'stop', options);
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) {
    const inner = err.cause instanceof Error ? err.cause.message : '';
    // Wrapping errors often quote their cause already; say it once.
    return inner && !err.message.includes(inner) ? `${err.message}: ${inner}` : err.message;
  }
  return String(err);
}
