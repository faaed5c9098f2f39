// A fake Elasticsearch on 127.0.0.1 that can be taken down and brought back on the same
// port: just enough of the API the store's setup, writer and lookups use, with documents
// kept in memory. Unknown requests answer 400, so a test notices what it lacks.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

type Doc = Record<string, unknown>;
type Query = Record<string, unknown>;
interface Stored {
  index: string;
  id: string;
  doc: Doc;
}
/** Decides a bulk index operation's fate: null stores it. */
export type BulkRule = (doc: Doc) => { status: number; type: string; reason: string } | null;

const field = (doc: Doc, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v as Doc | undefined)?.[k], doc);

function matches(s: Stored, q: Query | undefined): boolean {
  if (!q || 'match_all' in q) return true;
  const [kind, arg] = Object.entries(q)[0] ?? [];
  const body = arg as Doc;
  if (kind === 'ids') return (body.values as string[]).includes(s.id);
  if (kind === 'terms' || kind === 'term') {
    const [f, v] = Object.entries(body)[0]!;
    const wanted = kind === 'terms' ? (v as unknown[]) : [(v as Doc)?.value ?? v];
    return wanted.includes(field(s.doc, f));
  }
  if (kind === 'bool') {
    const all = [...((body.must as Query[]) ?? []), ...((body.filter as Query[]) ?? [])];
    const some = (body.should as Query[]) ?? [];
    const none = (body.must_not as Query[]) ?? [];
    return (
      all.every((x) => matches(s, x)) &&
      (!some.length || some.some((x) => matches(s, x))) &&
      !none.some((x) => matches(s, x))
    );
  }
  throw new Error(`fake cluster: unsupported query ${kind}`);
}

export async function fakeCluster() {
  const docs = new Map<string, Stored>();
  const indices = new Set<string>();
  const writesByUrl = new Map<string, number>();
  const state = { health: 'green', bulkRule: null as BulkRule | null };
  /** Called after a bulk request is applied; return false to never answer it. */
  let afterBulk: (() => boolean) | null = null;
  const key = (index: string, id: string) => `${index}\u0000${id}`;
  const inIndex = (target: string) =>
    [...docs.values()].filter((s) => s.index === target || s.index.startsWith(`${target}-`));

  function search(target: string, body: Doc) {
    const found = inIndex(target).filter((s) => matches(s, body.query as Query));
    const hit = (s: Stored) => ({ _index: s.index, _id: s.id, _source: s.doc });
    const collapse = body.collapse as { field: string; inner_hits: { size: number } } | undefined;
    if (!collapse) return { hits: { total: { value: found.length }, hits: found.map(hit) } };
    const groups = new Map<unknown, Stored[]>();
    for (const s of found) {
      const k = field(s.doc, collapse.field);
      groups.set(k, [...(groups.get(k) ?? []), s]);
    }
    const hits = [...groups.values()].map((g) => ({
      ...hit(g[0]!),
      inner_hits: { earliest: { hits: { hits: g.slice(0, collapse.inner_hits.size).map(hit) } } },
    }));
    return { hits: { total: { value: hits.length }, hits } };
  }

  function bulk(text: string) {
    const lines = text
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Doc);
    const items: Doc[] = [];
    for (let i = 0; i < lines.length; i++) {
      const [action, meta] = Object.entries(lines[i]!)[0] as [
        string,
        { _index: string; _id: string },
      ];
      if (action === 'delete') {
        docs.delete(key(meta._index, meta._id));
        items.push({ delete: { ...meta, status: 200 } });
        continue;
      }
      const doc = lines[++i]!;
      const refused = state.bulkRule?.(doc);
      if (refused) {
        const error = { type: refused.type, reason: refused.reason };
        items.push({ index: { ...meta, status: refused.status, error } });
        continue;
      }
      docs.set(key(meta._index, meta._id), { index: meta._index, id: meta._id, doc });
      const url = String(doc.url);
      writesByUrl.set(url, (writesByUrl.get(url) ?? 0) + 1);
      items.push({ index: { ...meta, status: 201, result: 'created' } });
    }
    return { took: 1, errors: items.some((x) => 'error' in (Object.values(x)[0] as Doc)), items };
  }

  function route(method: string, path: string, text: string): [number, unknown] {
    const body = (text && !path.endsWith('/_bulk') ? JSON.parse(text) : {}) as Doc;
    const parts = path.split('/').filter(Boolean);
    if (path === '/') return [200, { version: { number: '8.19.0' } }];
    if (path === '/_cluster/health') return [200, { status: state.health }];
    if (parts[0] === '_index_template') return [200, { acknowledged: true }];
    if (path === '/_bulk') return [200, bulk(text)];
    if (path === '/_mget') {
      const asked = body.docs as Array<{ _index: string; _id: string }>;
      const out = asked.map((d) => {
        const s = docs.get(key(d._index, d._id));
        return s ? { ...d, found: true, _source: s.doc } : { ...d, found: false };
      });
      return [200, { docs: out }];
    }
    if (parts.length === 2 && parts[1] === '_search') return [200, search(parts[0]!, body)];
    if (parts.length === 1 && method === 'HEAD') return [indices.has(parts[0]!) ? 200 : 404, {}];
    if (parts.length === 1 && method === 'PUT') {
      indices.add(parts[0]!);
      return [200, { acknowledged: true }];
    }
    return [400, { error: { type: 'fake_unsupported', reason: `${method} ${path}` } }];
  }

  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      let status: number;
      let reply: unknown;
      try {
        [status, reply] = route(req.method ?? 'GET', path, Buffer.concat(chunks).toString('utf8'));
      } catch (err) {
        [status, reply] = [400, { error: { type: 'fake_error', reason: String(err) } }];
      }
      if (path === '/_bulk' && afterBulk && !afterBulk()) return; // never answered
      res.writeHead(status, {
        'content-type': 'application/json',
        'x-elastic-product': 'Elasticsearch',
      });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify(reply));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    state,
    writesByUrl,
    /** Stored item documents (any index of the prefix), keyed by URL → how many copies. */
    itemCopies(prefix: string) {
      const out = new Map<string, number>();
      for (const s of inIndex(`${prefix}-items`)) {
        const url = String(s.doc.url);
        out.set(url, (out.get(url) ?? 0) + 1);
      }
      return out;
    },
    onBulk(hook: (() => boolean) | null) {
      afterBulk = hook;
    },
    /** Stops listening and cuts every connection: clients get ECONNREFUSED/ECONNRESET. */
    async down() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
    async up() {
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    async close() {
      if (server.listening) await this.down();
    },
  };
}
