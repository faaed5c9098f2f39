// Turns thrown errors into JSON answers that say what was wrong, without stack traces.
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { MonitorError } from '../core/errors.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

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
    } else if (err instanceof SyntaxError && 'status' in err) {
      res.status(400).json({ error: 'malformed JSON body' });
    } else {
      log(`API error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      res.status(500).json({ error: 'internal error; see the server log' });
    }
  };
}
