// Request bodies are JSON only: a form, a multipart upload or raw CSV gets a 415 that says
// what to send, instead of a confusing "bad parameters" about a body express never read.
import type { RequestHandler } from 'express';

const WRITING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** True when the request carries a body (a length above 0 or a chunked stream). */
function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = Number(headers['content-length'] ?? 0);
  return length > 0 || headers['transfer-encoding'] !== undefined;
}

export function requireJsonBody(): RequestHandler {
  return (req, res, next) => {
    if (!WRITING.has(req.method) || !hasBody(req.headers)) return next();
    if (req.is('application/json')) return next();
    const sent = (req.get('content-type') ?? 'no Content-Type').split(';')[0];
    res.status(415).json({
      error:
        `request bodies must be JSON (Content-Type: application/json), not ${sent}; ` +
        'send CSV as the text of a "csv" field: {"csv": "channel,programme,…"}',
    });
  };
}
