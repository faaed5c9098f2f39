// The parts every demo news page shares: head, header with menu, ticker, sidebar, footer.
// These hold headlines that name candidates, which an extractor must keep out of the body.
import type { DemoArticle } from '../corpus.ts';
import { LABELS, type NewsOutlet, type PageLang } from '../outlets.ts';
import { displayDate, esc } from './html.ts';

export interface HeadMeta {
  title: string;
  description: string;
  canonical: string;
  feedHref?: string | undefined;
  feedType?: 'rss' | 'atom' | null;
  article?: { published: string; author?: string | undefined; section?: string | undefined };
  alternates?: { lang: string; href: string }[];
  jsonLd?: object;
}

export function head(o: NewsOutlet, lang: PageLang, m: HeadMeta): string {
  const lines = [
    `<meta charset="${o.charset}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(m.title)} | ${esc(o.name)}</title>`,
    `<meta name="description" content="${esc(m.description)}">`,
    `<link rel="canonical" href="${esc(m.canonical)}">`,
    `<meta property="og:site_name" content="${esc(o.name)}">`,
    `<meta property="og:title" content="${esc(m.title)}">`,
    `<meta property="og:url" content="${esc(m.canonical)}">`,
    `<meta property="og:type" content="${m.article ? 'article' : 'website'}">`,
    `<meta property="og:locale" content="${lang}">`,
  ];
  if (m.article) {
    lines.push(`<meta property="article:published_time" content="${m.article.published}">`);
    if (m.article.author) lines.push(`<meta name="author" content="${esc(m.article.author)}">`);
    if (m.article.section) {
      lines.push(`<meta property="article:section" content="${esc(m.article.section)}">`);
    }
  }
  if (m.feedHref) {
    const type = m.feedType === 'atom' ? 'application/atom+xml' : 'application/rss+xml';
    lines.push(`<link rel="alternate" type="${type}" title="${esc(o.name)}" href="${m.feedHref}">`);
  }
  for (const alt of m.alternates ?? []) {
    lines.push(`<link rel="alternate" hreflang="${alt.lang}" href="${esc(alt.href)}">`);
  }
  if (m.jsonLd) {
    lines.push(`<script type="application/ld+json">${JSON.stringify(m.jsonLd)}</script>`);
  }
  lines.push(`<link rel="stylesheet" href="${o.prefix}static/site.css">`);
  return `<head>\n${lines.join('\n')}\n</head>`;
}

export function header(o: NewsOutlet, lang: PageLang, homeHref: string): string {
  const l = LABELS[lang];
  const menu = l.menu
    .map((item, i) => `<li><a href="${homeHref}?cat=${i + 1}">${esc(item)}</a></li>`)
    .join('');
  const editions =
    o.key === 'mxa'
      ? `<div class="lang-switch"><a href="/agency/">AZ</a> <a href="/agency/ru/">RU</a> <a href="/agency/en/">EN</a></div>`
      : '';
  return `<header class="site-header">
<div class="top-bar"><span class="today">Bakı</span>${editions}<a class="login" href="/admin/">Daxil ol</a></div>
<a class="logo" href="${homeHref}">${esc(o.name)}</a>
<nav class="main-menu"><ul><li><a href="${homeHref}">${esc(l.home)}</a></li>${menu}</ul></nav>
</header>`;
}

export function ticker(
  o: NewsOutlet,
  lang: PageLang,
  newest: DemoArticle[],
  href: (a: DemoArticle) => string,
): string {
  const fixed = lang === o.lang ? o.ticker : [];
  const items = [
    ...newest.slice(0, 4).map((a) => `<li><a href="${href(a)}">${esc(a.title)}</a></li>`),
    ...fixed.map((t) => `<li>${esc(t)}</li>`),
  ];
  return `<div class="breaking-ticker" role="marquee"><span class="ticker-label">${esc(LABELS[lang].breaking)}</span><ul>${items.join('')}</ul></div>`;
}

export function headlineList(
  items: DemoArticle[],
  href: (a: DemoArticle) => string,
  lang: PageLang,
): string {
  return items
    .map(
      (a) =>
        `<li><a href="${href(a)}">${esc(a.title)}</a> <span class="date">${displayDate(a.date, lang)}</span></li>`,
    )
    .join('\n');
}

export function sidebar(
  lang: PageLang,
  latest: DemoArticle[],
  href: (a: DemoArticle) => string,
): string {
  const l = LABELS[lang];
  return `<aside class="sidebar">
<section class="widget latest-news"><h3>${esc(l.latest)}</h3>
<ul>
${headlineList(latest, href, lang)}
</ul></section>
<div class="banner ad-slot">Reklam / Advertising 300×250</div>
</aside>`;
}

export function footer(o: NewsOutlet, lang: PageLang): string {
  const l = LABELS[lang];
  return `<footer class="site-footer">
<nav class="footer-menu"><a href="${o.prefix}">${esc(l.home)}</a> · <a href="${o.prefix}about">Haqqımızda / About</a> · <a href="${o.prefix}contact">Əlaqə / Contact</a></nav>
<p class="copyright">© 2024 ${esc(o.name)}. ${esc(l.footer)}</p>
</footer>`;
}
