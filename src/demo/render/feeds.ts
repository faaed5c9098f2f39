// RSS 2.0 and Atom feeds of the demo outlets. Every article of the feed's language is
// listed so one crawl collects the whole demo corpus.
import type { DemoArticle } from '../corpus.ts';
import type { PageLang } from '../outlets.ts';
import { esc, lead, rfc822 } from './html.ts';
import type { OutletContext } from './news-pages.ts';

export function rssFeed(ctx: OutletContext, lang: PageLang, selfPath: string): string {
  const o = ctx.outlet;
  const items = ctx.articles.filter((a) => a.lang === lang);
  const newest = items[0];
  const entries = items.map((a) => {
    const link = `${ctx.origin}${o.articlePath(a)}`;
    const creator = a.author ? `\n  <dc:creator>${esc(a.author)}</dc:creator>` : '';
    const category = a.section ? `\n  <category>${esc(a.section)}</category>` : '';
    return `<item>
  <title>${esc(a.title)}</title>
  <link>${link}</link>
  <guid isPermaLink="true">${link}</guid>
  <pubDate>${rfc822(a.date)}</pubDate>${creator}${category}
  <description>${esc(lead(a.paragraphs))}</description>
</item>`;
  });
  return `<?xml version="1.0" encoding="${o.charset}"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${esc(o.name)}</title>
<link>${ctx.origin}${o.prefix}</link>
<description>${esc(o.name)}: ${lang === 'ru' ? 'новости' : lang === 'en' ? 'news' : 'xəbərlər'}</description>
<language>${lang}</language>
<atom:link href="${ctx.origin}${selfPath}" rel="self" type="application/rss+xml"/>
${newest ? `<lastBuildDate>${rfc822(newest.date)}</lastBuildDate>\n` : ''}${entries.join('\n')}
</channel>
</rss>
`;
}

export function atomFeed(ctx: OutletContext, selfPath: string): string {
  const o = ctx.outlet;
  const newest: DemoArticle | undefined = ctx.articles[0];
  const entries = ctx.articles.map((a) => {
    const link = `${ctx.origin}${o.articlePath(a)}`;
    const author = a.author ? `\n  <author><name>${esc(a.author)}</name></author>` : '';
    return `<entry>
  <title>${esc(a.title)}</title>
  <link rel="alternate" type="text/html" href="${link}"/>
  <id>${link}</id>
  <published>${a.date}</published>
  <updated>${a.date}</updated>${author}
  <summary>${esc(lead(a.paragraphs))}</summary>
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${o.lang}">
<title>${esc(o.name)}</title>
<id>${ctx.origin}${o.prefix}</id>
<link rel="alternate" type="text/html" href="${ctx.origin}${o.prefix}"/>
<link rel="self" type="application/atom+xml" href="${ctx.origin}${selfPath}"/>
<updated>${newest?.date ?? '2024-01-01T00:00:00+04:00'}</updated>
${entries.join('\n')}
</feed>
`;
}
