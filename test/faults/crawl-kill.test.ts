// Kills `monitor crawl --once` with SIGKILL in the middle of a crawl of a slow fixture
// site, then crawls again: every article ends up stored exactly once with its whole body,
// and the file passes an integrity check. The feeds send ETag and Last-Modified and answer
// 304 to a matching If-None-Match, so if validators were saved for a feed whose items
// were not all stored, the second run would get 304 and the missing items would be lost.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { MONITOR_BIN, runMonitor } from '../helpers/run-monitor.ts';
import { articleText } from './texts.ts';

const FEEDS = 6;
const PER_FEED = 40; // under the RSS crawler's 60 articles per feed and run
const ARTICLES = FEEDS * PER_FEED;
const PAGE_DELAY_MS = 4;

const paragraphs = (n: number) => [articleText(n, 50), articleText(n + 10_000, 50)];
const bodyOf = (n: number) => paragraphs(n).join('\n\n');

function articlePage(n: number): string {
  return `<!doctype html><html lang="az"><head><meta charset="utf-8"><title>Xəbər ${n}</title></head>
<body><header><nav><a href="/">Əsas səhifə</a></nav></header><main><article>
<h1>Xəbər ${n}</h1><time datetime="2024-01-20T10:00:00+04:00">20.01.2024</time>
${paragraphs(n)
  .map((p) => `<p>${p}</p>`)
  .join('\n')}
</article></main><footer>© Sınaq saytı</footer></body></html>`;
}

function feedXml(origin: string, f: number): string {
  const items = Array.from({ length: PER_FEED }, (_v, k) => {
    const n = f * PER_FEED + k + 1;
    return `<item><title>Xəbər ${n}</title><link>${origin}/news/${n}</link><pubDate>Sat, 20 Jan 2024 06:00:00 GMT</pubDate></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Lent ${f}</title><link>${origin}/</link>${items.join('')}</channel></rss>`;
}

describe('a crawl killed part-way resumes without losing or duplicating items', () => {
  let dir: string;
  let site: FixtureServer;
  /** Per run, what each feed was answered. */
  const feedAnswers: { run: number; feed: number; status: number }[] = [];
  let run = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'monitor-crawl-kill-'));
    site = await startFixtureServer();
    for (let f = 0; f < FEEDS; f++) {
      const etag = `"lent-${f}-v1"`;
      site.route(`/feed/${f}.xml`, (req, res) => {
        const fresh = req.headers['if-none-match'] === etag;
        feedAnswers.push({ run, feed: f, status: fresh ? 304 : 200 });
        if (fresh) return void res.writeHead(304, { etag }).end();
        res
          .writeHead(200, {
            'content-type': 'application/rss+xml; charset=utf-8',
            etag,
            'last-modified': 'Sat, 20 Jan 2024 06:00:00 GMT',
          })
          .end(feedXml(site.origin, f));
      });
    }
    for (let n = 1; n <= ARTICLES; n++) {
      site.route(`/news/${n}`, async (_req, res) => {
        await new Promise((r) => setTimeout(r, PAGE_DELAY_MS));
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(n));
      });
    }
    const feedUrls = (from: number) =>
      Array.from({ length: FEEDS / 2 }, (_v, k) => `      - ${site.url(`/feed/${from + k}.xml`)}`);
    writeFileSync(
      join(dir, 'sources.yaml'),
      [
        'version: 1',
        'sources:',
        ...[0, 1].flatMap((s) => [
          `  - id: lent_${s}`,
          `    name: Sınaq lenti ${s}`,
          '    kind: rss',
          '    ownership: private',
          '    allowPrivate: true',
          '    urls:',
          ...feedUrls(s * (FEEDS / 2)),
        ]),
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const dbFile = () => join(dir, 'data', 'monitor.sqlite');
  const env = () => ({
    MONITOR_DATA_DIR: join(dir, 'data'),
    MONITOR_SOURCES: join(dir, 'sources.yaml'),
    MONITOR_HOST_DELAY_MS: '0',
    MONITOR_HOST_CONCURRENCY: '2',
    MONITOR_LOG_LEVEL: 'error',
  });

  function storedUrls(): string[] {
    try {
      const db = new Database(dbFile(), { readonly: true, fileMustExist: true });
      try {
        return (db.prepare('SELECT url FROM items').all() as { url: string }[]).map((r) => r.url);
      } finally {
        db.close();
      }
    } catch {
      return []; // not created yet, or the schema is not there yet
    }
  }

  it('stores every article exactly once with its whole body', { timeout: 120_000 }, async () => {
    run = 1;
    const child = spawn(process.execPath, [MONITOR_BIN, 'crawl', '--once'], {
      env: { ...process.env, ...env() },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let killedAt = 0;
    for (let i = 0; i < 1200 && child.exitCode === null; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const n = storedUrls().length;
      if (n >= 40) {
        child.kill('SIGKILL');
        killedAt = n;
        break;
      }
    }
    await exited;
    expect(stderr).toBe('');
    expect(killedAt, 'the crawl was killed part-way').toBeGreaterThan(0);
    const afterKill = new Set(storedUrls());
    expect(afterKill.size).toBeLessThan(ARTICLES);

    run = 2;
    const second = await runMonitor(['crawl', '--once'], { env: env(), timeoutMs: 100_000 });
    expect(second.code, second.stdout + second.stderr).toBe(0);

    const db = new Database(dbFile(), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db
      .prepare('SELECT i.url, t.text FROM items i JOIN item_texts t ON t.rowid = i.rowid')
      .all() as { url: string; text: string }[];
    const total = db.prepare('SELECT count(*) AS n FROM items').get() as { n: number };
    db.close();
    expect(total.n).toBe(ARTICLES);
    const byUrl = new Map(rows.map((r) => [r.url, r.text]));
    expect(byUrl.size).toBe(ARTICLES); // no URL twice
    for (let n = 1; n <= ARTICLES; n++) expect(byUrl.get(site.url(`/news/${n}`))).toBe(bodyOf(n));

    // A feed may answer 304 on the second run only if every one of its articles was
    // already stored (its source finished before the kill); no article was fetched twice
    // after it was stored.
    for (const a of feedAnswers.filter((x) => x.run === 2 && x.status === 304)) {
      for (let k = 1; k <= PER_FEED; k++)
        expect(afterKill.has(site.url(`/news/${a.feed * PER_FEED + k}`))).toBe(true);
    }
    expect(feedAnswers.filter((x) => x.run === 2)).toHaveLength(FEEDS);
    for (const url of afterKill) {
      const path = new URL(url).pathname;
      expect(site.hits(path), `${path} fetched again after it was stored`).toBe(1);
    }
    expect(second.stdout).toContain('2/2 sources ok');
  });
});
