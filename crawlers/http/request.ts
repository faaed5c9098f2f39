// One HTTP(S) GET without redirects: SSRF-checked DNS, a deadline for the whole
// exchange, transparent gzip/deflate/br, and a streaming size cap.
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import type { LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { RetryLaterError, SkipItemError } from '../../src/core/errors.ts';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface RequestOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  maxBodyBytes: number;
  allowPrivate: boolean;
  isPrivate: (ip: string) => boolean;
  /** Name → addresses; node's DNS unless given (tests point names at 127.0.0.1). */
  resolve?: ResolveHost;
}

export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

const systemResolve: ResolveHost = (hostname) =>
  new Promise((ok, fail) =>
    dnsLookup(hostname, { all: true }, (err, addresses) => (err ? fail(err) : ok(addresses))),
  );

/** Thrown when the guard refuses an address; never retried. */
export class PrivateAddressError extends SkipItemError {}

function privateRefusal(url: URL, ip: string): PrivateAddressError {
  return new PrivateAddressError(
    `refused ${url.href}: ${url.hostname} is a private or loopback address (${ip}); ` +
      'set allowPrivate only for demo and fixture sites',
  );
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A dns.lookup replacement that refuses private answers (unless allowPrivate), so every
 * connection is checked: the address checked is the address connected to.
 */
function guardedLookup(
  url: URL,
  isPrivate: ((ip: string) => boolean) | null,
  resolve: ResolveHost,
): LookupFunction {
  return (hostname: string, options: LookupOptions, cb: LookupCallback) => {
    resolve(hostname).then(
      (all) => {
        const addresses = options.family ? all.filter((a) => a.family === options.family) : all;
        const bad = isPrivate && addresses.find((a) => isPrivate(a.address));
        if (bad) return cb(privateRefusal(url, bad.address), []);
        if (options.all) return cb(null, addresses);
        const first = addresses[0];
        if (!first) return cb(new Error(`no address for ${hostname}`), []);
        cb(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => cb(err, []),
    );
  };
}

function decoderFor(
  encoding: string | undefined,
): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return null;
  }
}

function flatHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

export function request(url: URL, opts: RequestOptions): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!opts.allowPrivate && isIP(host) && opts.isPrivate(host)) {
      reject(privateRefusal(url, host));
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      reject(new SkipItemError(`refused ${url.href}: only http and https are fetched`));
      return;
    }
    const lib = url.protocol === 'https:' ? https : http;
    let settled = false;
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(err);
    };
    const req = lib.request(url, {
      method: 'GET',
      headers: { 'accept-encoding': 'gzip, deflate, br', ...opts.headers },
      lookup: guardedLookup(
        url,
        opts.allowPrivate ? null : opts.isPrivate,
        opts.resolve ?? systemResolve,
      ),
    });
    const timer = setTimeout(
      () => fail(new RetryLaterError(`timed out after ${opts.timeoutMs} ms: ${url.href}`)),
      opts.timeoutMs,
    );
    req.on('error', (err) => {
      if (err instanceof SkipItemError || err instanceof RetryLaterError) fail(err);
      else fail(new RetryLaterError(`cannot reach ${url.href}: ${err.message}`, { cause: err }));
    });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const headers = flatHeaders(res.headers);
      const finish = (body: Buffer): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status, headers, body });
      };
      // Redirects, 304 and errors: the body is not needed.
      if (status < 200 || status >= 300) {
        res.resume();
        res.on('end', () => finish(Buffer.alloc(0)));
        res.on('error', fail);
        return;
      }
      const declared = Number(headers['content-length']);
      if (Number.isFinite(declared) && declared > opts.maxBodyBytes) {
        fail(tooLarge(url, opts.maxBodyBytes, `declared ${declared} bytes`));
        return;
      }
      const decoder = decoderFor(headers['content-encoding']);
      const stream: Readable = decoder ? res.pipe(decoder) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > opts.maxBodyBytes) {
          decoder?.destroy();
          fail(tooLarge(url, opts.maxBodyBytes, `stopped reading at ${size} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () => finish(Buffer.concat(chunks)));
      stream.on('error', (err) =>
        fail(
          decoder
            ? new SkipItemError(`bad ${headers['content-encoding']} body from ${url.href}`, {
                cause: err,
              })
            : new RetryLaterError(`connection lost while reading ${url.href}`, { cause: err }),
        ),
      );
    });
    req.end();
  });
}

function tooLarge(url: URL, max: number, detail: string): SkipItemError {
  return new SkipItemError(`${url.href} is larger than the ${max}-byte limit (${detail})`);
}
