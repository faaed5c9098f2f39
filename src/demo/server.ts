// The offline demo news web: fictional outlets served from one node:http server so the
// monitor (and the end-to-end tests) can crawl realistic pages with no internet.
//
// URLs (stable: end-to-end tests rely on them), relative to the returned `url`:
//   /                                   portal listing the outlets
//   /robots.txt                         allows everything except /admin/
//   /agency/  /agency/ru/  /agency/en/  state agency "Mərkəz Xəbər Agentliyi" (az, ru, en)
//   /agency/rss/{az,ru,en}.xml          its RSS 2.0 feeds, one per language edition
//   /agency/{lang}/news/{id}.html       its articles
//   /xeber/  /xeber/rss.xml             private "Günaydın Xəbər" (az)
//   /xeber/{yyyy}/{mm}/{dd}/{id}.html
//   /novosti/  /novosti/rss.xml         private "Каспийская Лента" (ru), all in windows-1251
//   /novosti/news/{id}
//   /azadsoz/                           opposition "Azad Söz" (az), no feed: listing page
//   /azadsoz/xeber/{id}                 (links: ul.xeber-siyahi a.xeber-siyahi__link)
//   /observer/  /observer/feed.atom     international "The Caspian Ledger" (en), Atom
//   /observer/{yyyy}/{mm}/{id}
//   /t/s/seckigundemi[?before=<id>]     Telegram-style preview, 20 posts a page
//   /t/seckigundemi/{id}                one post
// Content lives in test/fixtures/demo-web/*.yaml; every page is deterministic for a given
// origin. All responses carry ETag (and Last-Modified where dated) and answer 304.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { demoSources } from '../../crawlers/sites/demo.ts';
import type { Source } from '../core/source.ts';
import { CHANNEL } from './outlets.ts';
import { buildSite, channelPreview, type Page } from './site.ts';

export interface DemoWeb {
  url: string;
  close(): Promise<void>;
  sources: Source[];
}

interface Encoded {
  bytes: Buffer;
  type: string;
  etag: string;
  lastModified: string | undefined;
}

function encode(page: Page): Encoded {
  const bytes =
    page.charset === 'windows-1251'
      ? iconv.encode(page.body, 'win1251')
      : Buffer.from(page.body, 'utf8');
  const etag = `"${createHash('sha1').update(bytes).digest('hex').slice(0, 20)}"`;
  const lastModified = page.modified ? new Date(page.modified).toUTCString() : undefined;
  return { bytes, type: page.type, etag, lastModified };
}

function notModified(req: IncomingMessage, e: Encoded): boolean {
  const inm = req.headers['if-none-match'];
  if (inm) return inm.split(',').some((t) => t.trim() === e.etag || t.trim() === '*');
  const ims = req.headers['if-modified-since'];
  if (ims && e.lastModified) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Date.parse(e.lastModified) <= since;
  }
  return false;
}

function send(req: IncomingMessage, res: ServerResponse, e: Encoded): void {
  res.setHeader('ETag', e.etag);
  if (e.lastModified) res.setHeader('Last-Modified', e.lastModified);
  res.setHeader('Cache-Control', 'max-age=60');
  if (notModified(req, e)) {
    res.writeHead(304).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': e.type, 'Content-Length': e.bytes.length });
  res.end(req.method === 'HEAD' ? undefined : e.bytes);
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(
    `<!DOCTYPE html><html><head><title>${status}</title></head><body><h1>${text}</h1></body></html>`,
  );
}

export async function startDemoWeb(opts: { port?: number; host?: string } = {}): Promise<DemoWeb> {
  const host = opts.host ?? '127.0.0.1';
  let table = new Map<string, Encoded>();
  const previews = new Map<string, Encoded>();
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed');
    const u = new URL(req.url ?? '/', 'http://demo.invalid');
    const path = u.pathname;
    if (path.startsWith('/admin')) return plain(res, 403, 'Forbidden');
    if (path === CHANNEL.previewPath) {
      const raw = u.searchParams.get('before');
      const before = raw && /^\d+$/.test(raw) ? Number(raw) : null;
      const key = String(before);
      let e = previews.get(key);
      if (!e) previews.set(key, (e = encode(channelPreview(before))));
      return send(req, res, e);
    }
    const hit = table.get(path);
    if (hit) return send(req, res, hit);
    if (table.has(`${path}/`)) {
      res.writeHead(301, { Location: `${path}/` }).end();
      return;
    }
    plain(res, 404, 'Səhifə tapılmadı / Not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  table = new Map([...buildSite(url)].map(([p, page]) => [p, encode(page)]));
  return {
    url,
    sources: demoSources(url),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
