// Article and listing pages of the demo news outlets.
import type { DemoArticle } from '../corpus.ts';
import { feedPaths, homePaths, LABELS, type NewsOutlet, type PageLang } from '../outlets.ts';
import { footer, head, header, headlineList, sidebar, ticker } from './chrome.ts';
import { displayDate, esc, lead } from './html.ts';

export interface OutletContext {
  outlet: NewsOutlet;
  /** This outlet's articles, newest first. */
  articles: DemoArticle[];
  /** Absolute origin of the server, e.g. http://127.0.0.1:41234 */
  origin: string;
}

const href = (o: NewsOutlet) => (a: DemoArticle) => o.articlePath(a);

function sameLang(ctx: OutletContext, lang: PageLang): DemoArticle[] {
  return ctx.articles.filter((a) => a.lang === lang);
}

function homeFor(o: NewsOutlet, lang: PageLang): string {
  return homePaths(o).find((h) => h.lang === lang)?.path ?? o.prefix;
}

function feedFor(o: NewsOutlet, lang: PageLang): string | undefined {
  const feeds = feedPaths(o);
  return o.key === 'mxa' ? feeds.find((f) => f.includes(`/${lang}.xml`)) : feeds[0];
}

/** The four stories closest in time, as a simple "related" heuristic. */
function related(all: DemoArticle[], a: DemoArticle): DemoArticle[] {
  const t = Date.parse(a.date);
  return all
    .filter((x) => x.id !== a.id)
    .map((x) => ({ x, d: Math.abs(Date.parse(x.date) - t) }))
    .sort((p, q) => p.d - q.d || p.x.id.localeCompare(q.x.id))
    .slice(0, 4)
    .map((p) => p.x);
}

/** Other language editions of the same agency story (both directions). */
function editions(ctx: OutletContext, a: DemoArticle): DemoArticle[] {
  const root = a.edition ?? a.id;
  return ctx.articles.filter((x) => x.id !== a.id && (x.id === root || x.edition === root));
}

function commentsBlock(a: DemoArticle, lang: PageLang): string {
  if (!a.comments?.length) return '';
  const items = a.comments
    .map(
      (c, i) =>
        `<li class="comment" id="c${i + 1}"><b class="comment-author">${esc(c.author)}</b><p>${esc(c.text)}</p></li>`,
    )
    .join('\n');
  return `<section class="comments"><h3>${esc(LABELS[lang].comments)} (${a.comments.length})</h3>
<ol class="comment-list">
${items}
</ol></section>`;
}

export function articlePage(ctx: OutletContext, a: DemoArticle): string {
  const o = ctx.outlet;
  const lang = a.lang;
  const l = LABELS[lang];
  const pool = sameLang(ctx, lang);
  const url = `${ctx.origin}${o.articlePath(a)}`;
  const alts = editions(ctx, a).map((e) => ({
    lang: e.lang,
    href: `${ctx.origin}${o.articlePath(e)}`,
  }));
  const jsonLd =
    o.key === 'observer'
      ? {
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: a.title,
          datePublished: a.date,
          author: a.author ? { '@type': 'Person', name: a.author } : undefined,
          mainEntityOfPage: url,
        }
      : undefined;
  const meta = head(o, lang, {
    title: a.title,
    description: lead(a.paragraphs),
    canonical: url,
    feedHref: feedFor(o, lang),
    feedType: o.feed,
    article: { published: a.date, author: a.author, section: a.section },
    alternates: alts,
    jsonLd,
  });
  const body = a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
  const tags = a.tags?.length
    ? `<div class="tags">${esc(l.tags)}: ${a.tags.map((t) => `<a href="${homeFor(o, lang)}?tag=${encodeURIComponent(t)}">${esc(t)}</a>`).join(' ')}</div>`
    : '';
  const byline = a.author ? ` <span class="author">${esc(a.author)}</span>` : '';
  const main = `<main class="content">
<div class="breadcrumbs"><a href="${homeFor(o, lang)}">${esc(l.home)}</a> / <span>${esc(a.section ?? l.menu[1] ?? '')}</span></div>
<article class="${o.markup.article}">
<h1 class="${o.markup.title}">${esc(a.title)}</h1>
<div class="${o.markup.meta}"><time datetime="${a.date}">${displayDate(a.date, lang)}</time>${byline}</div>
<div class="${o.markup.body}">
${body}
</div>
${tags}
<div class="share-buttons">${esc(l.share)}: <a href="#fb">Facebook</a> <a href="#x">X</a> <a href="#wa">WhatsApp</a> <a href="#tg">Telegram</a></div>
</article>
<section class="related-news"><h3>${esc(l.related)}</h3>
<ul>
${headlineList(related(pool, a), href(o), lang)}
</ul></section>
${commentsBlock(a, lang)}
</main>`;
  const side = sidebar(lang, pool.filter((x) => x.id !== a.id).slice(0, 8), href(o));
  const columns = o.markup.sidebarFirst ? `${side}\n${main}` : `${main}\n${side}`;
  return `<!DOCTYPE html>
<html lang="${lang}">
${meta}
<body class="article-page">
${header(o, lang, homeFor(o, lang))}
${ticker(o, lang, pool, href(o))}
<div class="layout">
${columns}
</div>
${footer(o, lang)}
</body>
</html>
`;
}

export function listingPage(ctx: OutletContext, lang: PageLang): string {
  const o = ctx.outlet;
  const l = LABELS[lang];
  const pool = sameLang(ctx, lang);
  const home = homeFor(o, lang);
  const meta = head(o, lang, {
    title: l.home,
    description: o.name,
    canonical: `${ctx.origin}${home}`,
    feedHref: feedFor(o, lang),
    feedType: o.feed,
  });
  const cls = o.markup.list;
  const items = pool
    .map(
      (a) => `<li class="${cls}__item">
<a class="${cls}__link" href="${o.articlePath(a)}">${esc(a.title)}</a>
<time datetime="${a.date}">${displayDate(a.date, lang)}</time>
<p class="${cls}__teaser">${esc(lead(a.paragraphs, 160))} <a href="${o.articlePath(a)}">${esc(l.readMore)}</a></p>
</li>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${lang}">
${meta}
<body class="home-page">
${header(o, lang, home)}
${ticker(o, lang, pool, href(o))}
<div class="layout">
<main class="content"><h2>${esc(l.latest)}</h2>
<ul class="${cls}">
${items}
</ul></main>
${sidebar(lang, pool.slice(0, 5), href(o))}
</div>
${footer(o, lang)}
</body>
</html>
`;
}
