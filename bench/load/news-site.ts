// A fixture news web that is fast to crawl and big enough to take a while: `outlets`
// RSS outlets on 127.0.0.1, each with `feedsPerOutlet` feeds of `itemsPerFeed` article
// pages. Texts come from the synthetic corpus (Azerbaijani campaign news naming the
// 2024 candidates), so crawled items get real mentions from the real tagger.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stringify } from 'yaml';
import type { SourceInput } from '../../src/core/source.ts';
import { esc } from '../../src/demo/render/html.ts';
import { generateCorpus } from '../corpus/generate.ts';

export interface NewsSiteOptions {
  outlets?: number;
  feedsPerOutlet?: number;
  /** At most 60: the RSS crawler fetches up to 60 articles per feed and run. */
  itemsPerFeed?: number;
  /** Characters of text per article. */
  chars?: number;
  seed?: number;
}

export interface NewsSite {
  origin: string;
  /** Source list entries for the outlets (private addresses allowed). */
  sources: SourceInput[];
  /** The source list as a YAML file's text, for MONITOR_SOURCES. */
  sourcesYaml(): string;
  /** Articles the site links from its feeds. */
  articles: number;
  /** Requests answered so far. */
  served(): number;
  close(): Promise<void>;
}

const OWNERSHIPS = ['state', 'private', 'opposition', 'public'] as const;

function articleHtml(a: { title: string; text: string; publishedAt: string }): string {
  const paragraphs = a.text
    .split('\n\n')
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="az"><head><meta charset="utf-8"><title>${esc(a.title)}</title>
<meta property="article:published_time" content="${a.publishedAt}"></head>
<body><nav><a href="/">Əsas səhifə</a></nav>
<article><h1>${esc(a.title)}</h1><time datetime="${a.publishedAt}">${a.publishedAt.slice(0, 10)}</time>
${paragraphs}
</article><footer>Yük testi üçün saxta xəbər saytı</footer></body></html>`;
}

function feedXml(title: string, items: Array<{ url: string; title: string; date: string }>) {
  const entries = items
    .map(
      (i) =>
        `<item><title>${esc(i.title)}</title><link>${esc(i.url)}</link><guid>${esc(i.url)}</guid><pubDate>${new Date(i.date).toUTCString()}</pubDate></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>${esc(title)}</title><link>/</link><description>${esc(title)}</description>
${entries}
</channel></rss>`;
}

export async function startNewsSite(opts: NewsSiteOptions = {}): Promise<NewsSite> {
  const outlets = opts.outlets ?? 4;
  const feeds = opts.feedsPerOutlet ?? 2;
  const perFeed = Math.min(opts.itemsPerFeed ?? 50, 60);
  const pages = new Map<string, { type: string; body: string }>();
  let served = 0;
  const server = createServer((req, res) => {
    served++;
    const page = pages.get((req.url ?? '/').split('?')[0]!);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': page.type }).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const total = outlets * feeds * perFeed;
  const feedItems = new Map<string, Array<{ url: string; title: string; date: string }>>();
  let i = 0;
  for (const raw of generateCorpus({
    count: total,
    chars: opts.chars ?? 1200,
    seed: opts.seed ?? 11,
    start: '2024-01-10T04:00:00Z',
    days: 28,
    urlPrefix: origin,
  })) {
    const path = new URL(raw.url).pathname;
    const date = raw.publishedAt!;
    pages.set(path, {
      type: 'text/html; charset=utf-8',
      body: articleHtml({ title: raw.title, text: raw.text, publishedAt: date }),
    });
    const feed = `/o${i % outlets}/feed${Math.floor(i / outlets) % feeds}.xml`;
    feedItems.set(feed, [...(feedItems.get(feed) ?? []), { url: raw.url, title: raw.title, date }]);
    i++;
  }
  for (const [path, items] of feedItems)
    pages.set(path, { type: 'application/rss+xml; charset=utf-8', body: feedXml(path, items) });
  pages.set('/robots.txt', { type: 'text/plain', body: 'User-agent: *\nAllow: /\n' });

  const sources = Array.from({ length: outlets }, (_, k): SourceInput => ({
    id: `load_o${k}`,
    name: `Yük Xəbər ${k}`,
    kind: 'rss',
    urls: Array.from({ length: feeds }, (_, f) => `${origin}/o${k}/feed${f}.xml`),
    languages: ['az'],
    ownership: OWNERSHIPS[k % OWNERSHIPS.length]!,
    schedule: '0 3 * * *',
    allowPrivate: true,
    fetchArticles: true,
  }));
  return {
    origin,
    sources,
    sourcesYaml: () => stringify({ version: 1, sources }),
    articles: total,
    served: () => served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
