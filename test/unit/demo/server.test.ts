import * as cheerio from 'cheerio';
import iconv from 'iconv-lite';
import robotsParserModule from 'robots-parser';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceSchema } from '../../../src/core/source.ts';
import { demoCorpus } from '../../../src/demo/corpus.ts';
import { startDemoWeb, type DemoWeb } from '../../../src/demo/server.ts';

// robots-parser is CommonJS (module.exports = fn); its typings describe a default export.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

let web: DemoWeb;
const corpus = demoCorpus();

beforeAll(async () => {
  web = await startDemoWeb();
});
afterAll(async () => {
  await web.close();
});

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL(path, web.url), { headers, redirect: 'manual' });
}

/** Decodes a response by the charset its Content-Type names, as a crawler must. */
async function text(res: Response): Promise<string> {
  const charset = /charset=([\w-]+)/i.exec(res.headers.get('content-type') ?? '')?.[1] ?? 'utf-8';
  return iconv.decode(Buffer.from(await res.arrayBuffer()), charset);
}

describe('demo web server', () => {
  it('listens on 127.0.0.1 on an ephemeral port', () => {
    const u = new URL(web.url);
    expect(u.hostname).toBe('127.0.0.1');
    expect(Number(u.port)).toBeGreaterThan(0);
  });

  it('serves valid feeds listing every article of their language', async () => {
    const parser = new Parser();
    const cases = [
      { path: '/agency/rss/az.xml', n: corpus.articles.mxa.filter((a) => a.lang === 'az').length },
      { path: '/agency/rss/ru.xml', n: corpus.articles.mxa.filter((a) => a.lang === 'ru').length },
      { path: '/agency/rss/en.xml', n: corpus.articles.mxa.filter((a) => a.lang === 'en').length },
      { path: '/xeber/rss.xml', n: corpus.articles.gunxeber.length },
      { path: '/novosti/rss.xml', n: corpus.articles.novosti.length },
      { path: '/observer/feed.atom', n: corpus.articles.observer.length },
    ];
    for (const c of cases) {
      const res = await get(c.path);
      expect(res.status, c.path).toBe(200);
      const feed = await parser.parseString(await text(res));
      expect(feed.items.length, c.path).toBe(c.n);
      for (const item of feed.items) {
        expect(item.link?.startsWith(web.url), c.path).toBe(true);
        expect(Number.isNaN(Date.parse(item.isoDate ?? '')), c.path).toBe(false);
      }
    }
  });

  it('renders article pages with the body, metadata and boilerplate around it', async () => {
    const a = corpus.articles.gunxeber.find((x) => x.id === 'debatin-icmali');
    expect(a).toBeDefined();
    const res = await get('/xeber/2024/01/24/debatin-icmali.html');
    const $ = cheerio.load(await text(res));
    expect($('html').attr('lang')).toBe('az');
    expect($('meta[property="og:title"]').attr('content')).toBe(a?.title);
    expect($('meta[property="article:published_time"]').attr('content')).toBe(a?.date);
    expect($('meta[name="author"]').attr('content')).toBe(a?.author);
    expect($('link[rel="canonical"]').attr('href')).toBe(
      `${web.url}/xeber/2024/01/24/debatin-icmali.html`,
    );
    expect(
      $('.entry-content p')
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual(a?.paragraphs);
    const sidebar = $('aside.sidebar');
    expect(sidebar.find('h3').first().text()).toBe('Son xəbərlər');
    expect(sidebar.find('li').length).toBeGreaterThan(3);
    expect($('.related-news h3').text()).toBe('Oxşar xəbərlər');
    expect($('.breaking-ticker li').length).toBeGreaterThan(0);
    expect($('nav.main-menu a').length).toBeGreaterThan(3);
  });

  it('links language editions of agency stories', async () => {
    const $ = cheerio.load(await text(await get('/agency/az/news/ilkin-neticeler.html')));
    const alts = $('link[rel="alternate"][hreflang]')
      .map((_, l) => $(l).attr('hreflang'))
      .get();
    expect(alts.sort()).toEqual(['en', 'ru']);
  });

  it('serves the Russian outlet in windows-1251 with the right header', async () => {
    const a = corpus.articles.novosti.find((x) => x.id === '10342');
    const res = await get('/novosti/news/10342');
    expect(res.headers.get('content-type')).toMatch(/charset=windows-1251/i);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.toString('utf8')).not.toContain(a?.title);
    const $ = cheerio.load(iconv.decode(bytes, 'win1251'));
    expect($('html').attr('lang')).toBe('ru');
    expect($('h1.material-header').text()).toBe(a?.title);
    expect($('aside.sidebar h3').first().text()).toBe('Последние новости');
  });

  it('answers conditional feed requests with 304', async () => {
    const first = await get('/xeber/rss.xml');
    const etag = first.headers.get('etag');
    const modified = first.headers.get('last-modified');
    expect(etag).toBeTruthy();
    expect(modified).toBeTruthy();
    expect((await get('/xeber/rss.xml', { 'If-None-Match': etag ?? '' })).status).toBe(304);
    expect((await get('/xeber/rss.xml', { 'If-Modified-Since': modified ?? '' })).status).toBe(304);
    expect((await get('/xeber/rss.xml', { 'If-None-Match': '"stale"' })).status).toBe(200);
  });

  it('publishes a robots.txt that keeps crawlers out of /admin/ only', async () => {
    const url = `${web.url}/robots.txt`;
    const robots = robotsParser(url, await text(await get('/robots.txt')));
    expect(robots.isAllowed(`${web.url}/agency/`, 'monitor')).toBe(true);
    expect(robots.isAllowed(`${web.url}/t/s/seckigundemi`, 'monitor')).toBe(true);
    expect(robots.isDisallowed(`${web.url}/admin/login`, 'monitor')).toBe(true);
  });

  it('pages through the Telegram-style preview with ?before=', async () => {
    const seen: string[] = [];
    let path: string | undefined = '/t/s/seckigundemi';
    let pages = 0;
    while (path && pages < 10) {
      const $ = cheerio.load(await text(await get(path)));
      const posts = $('.tgme_widget_message[data-post]');
      expect(posts.length).toBeLessThanOrEqual(20);
      posts.each((_, el) => {
        const post = $(el);
        seen.push(post.attr('data-post') ?? '');
        expect(post.find('.tgme_widget_message_text').text().length).toBeGreaterThan(0);
        expect(post.find('.tgme_widget_message_date time').attr('datetime')).toMatch(/^2\d{3}-/);
        expect(post.find('.tgme_widget_message_views').text()).toMatch(/^\d+(\.\d)?[KM]?$/);
      });
      path = $('a.tme_messages_more[data-before]').attr('href');
      pages += 1;
    }
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(new Set(seen).size).toBe(corpus.posts.length);
    expect(seen.every((p) => /^seckigundemi\/\d+$/.test(p))).toBe(true);
  });

  it('shows forwarded-from names and rounded view counts', async () => {
    const $ = cheerio.load(await text(await get('/t/s/seckigundemi')));
    const fwd = $('.tgme_widget_message_forwarded_from_name')
      .map((_, e) => $(e).text())
      .get();
    expect(fwd).toContain('MSK Xəbərləri');
    const last = $('.tgme_widget_message').last();
    const newest = corpus.posts[0];
    expect(last.attr('data-post')).toBe(`seckigundemi/${newest?.id}`);
    expect(
      $('.tgme_widget_message_views')
        .map((_, e) => $(e).text())
        .get(),
    ).toContain('152.3K');
  });

  it('exposes sources that validate and point at live listing pages and feeds', async () => {
    expect(web.sources.map((s) => s.kind).sort()).toEqual([
      'html',
      'rss',
      'rss',
      'rss',
      'rss',
      'telegram',
    ]);
    for (const s of web.sources) {
      expect(sourceSchema.parse(s)).toEqual(s);
      expect(s.allowPrivate).toBe(true);
      for (const u of s.urls) {
        expect(u.startsWith(web.url)).toBe(true);
        expect((await fetch(u)).status, u).toBe(200);
      }
    }
    const html = web.sources.find((s) => s.kind === 'html');
    const $ = cheerio.load(await text(await fetch(html?.urls[0] ?? '')));
    const links = $(html?.selectors?.links ?? 'none')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(links.length).toBe(corpus.articles.azadsoz.length);
  });

  it('returns 404 for unknown pages and 403 under /admin/', async () => {
    expect((await get('/agency/az/news/no-such-story.html')).status).toBe(404);
    expect((await get('/admin/')).status).toBe(403);
  });
});
