// Turns thrown errors into JSON answers that say what was wrong, without stack traces.
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { MonitorError, RetryLaterError } from '../core/errors.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** body-parser marks its errors with a `type` (entity.too.large, encoding.unsupported, …). */
function bodyParserType(err: unknown): string | undefined {
  const type = err && typeof err === 'object' ? (err as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type : undefined;
}

const megabytes = (bytes: number) =>
  bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;

export function errorHandler(log: (msg: string) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err instanceof ZodError) {
      res.status(400).json({
        error: 'bad parameters',
        issues: err.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    } else if (err instanceof HttpError) {
      res.status(err.status).json({ error: err.message });
    } else if (err instanceof MonitorError && err.action === 'skip') {
      res.status(400).json({ error: err.message });
    } else if (err instanceof MonitorError && err.action === 'retry') {
      // The store is unreachable or busy: say so, so the dashboard can show it.
      if (err instanceof RetryLaterError && err.retryAfterMs !== undefined)
        res.set('Retry-After', String(Math.max(1, Math.ceil(err.retryAfterMs / 1000))));
      res.status(503).json({ error: err.message });
    } else if (err instanceof SyntaxError && 'status' in err) {
      res.status(400).json({ error: 'malformed JSON body' });
    } else if (bodyParserType(err) === 'entity.too.large') {
      const limit = (err as { limit?: unknown }).limit;
      res.status(413).json({
        error:
          `request body too large: the limit is ${typeof limit === 'number' ? megabytes(limit) : 'exceeded'}; ` +
          'split the upload into smaller parts',
      });
    } else if (
      bodyParserType(err) === 'encoding.unsupported' ||
      bodyParserType(err) === 'charset.unsupported'
    ) {
      res
        .status(415)
        .json({ error: 'request bodies must be UTF-8 JSON (Content-Type: application/json)' });
    } else if (bodyParserType(err) === 'request.aborted') {
      res.status(400).json({ error: 'the request body was cut off before its end' });
    } else {
      log(`API error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      res.status(500).json({ error: 'internal error; see the server log' });
    }
  };
}
