// Every page of the demo web, rendered once per server origin into a path → page table.
import { demoCorpus, NEWS_OUTLET_KEYS } from './corpus.ts';
import { CHANNEL, feedPaths, homePaths, OUTLETS } from './outlets.ts';
import { atomFeed, rssFeed } from './render/feeds.ts';
import { esc } from './render/html.ts';
import { articlePage, listingPage, type OutletContext } from './render/news-pages.ts';
import { postPage, previewPage } from './render/telegram.ts';

export interface Page {
  body: string;
  type: string;
  charset: 'utf-8' | 'windows-1251';
  /** Newest content date on the page, for Last-Modified. */
  modified?: string;
}

export const ROBOTS_TXT = 'User-agent: *\nDisallow: /admin/\n';

const CSS = 'body{font-family:sans-serif;margin:0}.layout{display:flex;gap:2em}.sidebar{width:30%}';

function portal(): string {
  const links = NEWS_OUTLET_KEYS.map((k) => {
    const o = OUTLETS[k];
    const feeds = feedPaths(o)
      .map((f) => ` <a href="${f}">feed</a>`)
      .join('');
    return `<li><a href="${o.prefix}">${esc(o.name)}</a> (${o.lang}, ${o.ownership})${feeds}</li>`;
  });
  links.push(
    `<li><a href="${CHANNEL.previewPath}">${esc(CHANNEL.title)}</a> (Telegram preview)</li>`,
  );
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Demo news web</title></head>
<body><h1>Demo news web (fictional outlets)</h1><ul>
${links.join('\n')}
</ul></body></html>
`;
}

export function buildSite(origin: string): Map<string, Page> {
  const corpus = demoCorpus();
  const pages = new Map<string, Page>();
  const html = (charset: Page['charset']) => `text/html; charset=${charset}`;
  pages.set('/', { body: portal(), type: html('utf-8'), charset: 'utf-8' });
  pages.set('/robots.txt', {
    body: ROBOTS_TXT,
    type: 'text/plain; charset=utf-8',
    charset: 'utf-8',
  });
  for (const key of NEWS_OUTLET_KEYS) {
    const outlet = OUTLETS[key];
    const ctx: OutletContext = { outlet, articles: corpus.articles[key], origin };
    const cs = outlet.charset;
    const newest = ctx.articles[0]?.date;
    for (const h of homePaths(outlet)) {
      pages.set(h.path, {
        body: listingPage(ctx, h.lang),
        type: html(cs),
        charset: cs,
        modified: newest,
      });
    }
    for (const a of ctx.articles) {
      pages.set(outlet.articlePath(a), {
        body: articlePage(ctx, a),
        type: html(cs),
        charset: cs,
        modified: a.date,
      });
    }
    for (const f of feedPaths(outlet)) {
      const lang =
        key === 'mxa' ? (f.match(/\/(az|ru|en)\.xml$/)?.[1] as 'az' | 'ru' | 'en') : outlet.lang;
      const atom = outlet.feed === 'atom';
      const body = atom ? atomFeed(ctx, f) : rssFeed(ctx, lang, f);
      const type = atom ? 'application/atom+xml' : 'application/rss+xml';
      const modified = ctx.articles.find((a) => a.lang === lang)?.date;
      pages.set(f, { body, type: `${type}; charset=${cs}`, charset: cs, modified });
    }
    pages.set(`${outlet.prefix}static/site.css`, {
      body: CSS,
      type: 'text/css; charset=utf-8',
      charset: 'utf-8',
    });
  }
  for (const p of corpus.posts) {
    pages.set(CHANNEL.postPath(p.id), {
      body: postPage(p),
      type: html('utf-8'),
      charset: 'utf-8',
      modified: p.date,
    });
  }
  return pages;
}

/** The channel preview; `before` pages are computed per request like the real one. */
export function channelPreview(before: number | null): Page {
  const posts = demoCorpus().posts;
  return {
    body: previewPage(posts, before),
    type: 'text/html; charset=utf-8',
    charset: 'utf-8',
    modified: posts[0]?.date,
  };
}
