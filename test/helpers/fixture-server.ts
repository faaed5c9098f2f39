// A tiny fixture site on 127.0.0.1, port 0. Routes match the path with its query
// first, then the path alone; anything else is 404. No test ever leaves this machine.
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RouteSpec {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
export type Route = RouteSpec | RouteHandler;

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  /** Requests seen for a path (with query if the route was registered with one). */
  hits(path: string): number;
  /** Request headers of every request, in order. */
  requests: { path: string; headers: http.IncomingHttpHeaders }[];
  route(path: string, route: Route): void;
  close(): Promise<void>;
}

export async function startFixtureServer(
  routes: Record<string, Route> = {},
): Promise<FixtureServer> {
  const table = new Map<string, Route>(Object.entries(routes));
  const counts = new Map<string, number>();
  const requests: FixtureServer['requests'] = [];
  const server = http.createServer((req, res) => {
    const full = req.url ?? '/';
    const path = full.split('?')[0] ?? '/';
    const key = table.has(full) ? full : path;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    requests.push({ path: full, headers: req.headers });
    const route = table.get(key);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (typeof route === 'function') {
      Promise.resolve(route(req, res)).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(err));
      });
      return;
    }
    res.writeHead(
      route.status ?? 200,
      route.headers ?? { 'content-type': 'text/html; charset=utf-8' },
    );
    res.end(route.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    hits: (path) => counts.get(path) ?? 0,
    requests,
    route: (path, route) => void table.set(path, route),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
