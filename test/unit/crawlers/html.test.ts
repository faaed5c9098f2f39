import { afterEach, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { htmlCrawler } from '../../../crawlers/html/index.ts';
import { listingLinks, looksLikeArticle } from '../../../crawlers/html/links.ts';
import { createExtractor } from '../../../src/extract/index.ts';
import { decodeHtml } from '../../../src/extract/decode.ts';
import { startFixtureServer } from '../../helpers/fixture-server.ts';
import type { FixtureServer } from '../../helpers/fixture-server.ts';
import { articlePage, crawlAll, makeSource, testFetcher } from './helpers.ts';

let site: FixtureServer;
afterEach(async () => site?.close());

const listing = `<html><body><nav><a href="/">Əsas</a> <a href="/category/siyaset">Siyasət</a>
<a href="/haqqimizda">Haqqımızda</a> <a href="https://other.example/news/123">Kənar</a></nav>
<main><a href="/news/2024/01/20/secki-kampaniyasi-basladi">Seçki kampaniyası başladı</a>
<a href="/xeber/123456">Namizədlər qeydə alındı</a>
<a href="/news/2024/01/20/secki-kampaniyasi-basladi#comments">şərhlər</a>
<a href="/tag/secki">Teq</a><a href="/img/logo.png">logo</a></main></body></html>`;

describe('html crawler', () => {
  it('finds same-site article links by their shape', () => {
    const links = listingLinks(listing, 'https://news.example/');
    expect(links.map((l) => l.url)).toEqual([
      'https://news.example/news/2024/01/20/secki-kampaniyasi-basladi',
      'https://news.example/xeber/123456',
    ]);
    expect(links[0]?.title).toBe('Seçki kampaniyası başladı');
    expect(looksLikeArticle(new URL('https://x.az/az/news/namized-gorus-kecirdi-bakida'))).toBe(
      true,
    );
    expect(looksLikeArticle(new URL('https://x.az/az/siyaset'))).toBe(false);
  });

  it('uses the source selector for links when given', () => {
    const html =
      '<div class="feed"><a href="/a">Bir</a><a href="/b">İki</a></div><a href="/xeber/999999">x</a>';
    const links = listingLinks(html, 'https://news.example/', '.feed');
    expect(links.map((l) => l.url)).toEqual(['https://news.example/a', 'https://news.example/b']);
  });

  it('crawls a listing page, then its article pages', async () => {
    site = await startFixtureServer({
      '/': { body: listing },
      '/news/2024/01/20/secki-kampaniyasi-basladi': {
        body: articlePage('Seçki kampaniyası başladı', 'Kampaniya yanvarın 15-də başladı.'),
      },
      '/xeber/123456': { body: '<html><body><h1>Boş</h1><article></article></body></html>' },
    });
    const { fetcher } = testFetcher();
    const out = await crawlAll(htmlCrawler(), makeSource({ kind: 'html', urls: [site.url('/')] }), {
      fetcher,
    });
    expect(out.items.map((i) => [i.url, i.title, i.text])).toEqual([
      [
        site.url('/news/2024/01/20/secki-kampaniyasi-basladi'),
        'Seçki kampaniyası başladı',
        'Kampaniya yanvarın 15-də başladı.',
      ],
    ]);
    expect(out.skips).toEqual([
      { url: site.url('/xeber/123456'), reason: 'no article text found' },
    ]);
  });

  it('reads news sitemaps and sitemap indexes, newest first', async () => {
    site = await startFixtureServer({});
    const entry = (path: string, date: string, title: string) =>
      `<url><loc>${site.origin}${path}</loc><news:news><news:publication_date>${date}</news:publication_date><news:title>${title}</news:title></news:news></url>`;
    site.route('/sitemap.xml', {
      headers: { 'content-type': 'application/xml' },
      body: `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${site.origin}/news-sitemap.xml</loc></sitemap></sitemapindex>`,
    });
    site.route('/news-sitemap.xml', {
      headers: { 'content-type': 'application/xml' },
      body: `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${entry('/old', '2024-01-01T10:00:00Z', 'Köhnə')}${entry('/new', '2024-01-20T10:00:00Z', 'Yeni')}</urlset>`,
    });
    site.route('/old', { body: articlePage('Köhnə xəbər', 'Köhnə mətn.') });
    site.route('/new', { body: articlePage('Yeni xəbər', 'Yeni mətn.') });
    const { fetcher } = testFetcher();
    const out = await crawlAll(
      htmlCrawler(),
      makeSource({ kind: 'html', urls: [site.url('/sitemap.xml')] }),
      {
        fetcher,
        since: new Date('2024-01-10T00:00:00Z'),
      },
    );
    expect(out.items.map((i) => i.title)).toEqual(['Yeni xəbər']);
    expect(site.hits('/old')).toBe(0);
  });

  it('decodes a windows-1251 article with the real extractor and decoder', async () => {
    const body =
      'Центральная избирательная комиссия Азербайджана зарегистрировала семь кандидатов на пост президента. ' +
      'Голосование назначено на седьмое февраля, агитация продлится до шестого февраля.';
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>ЦИК зарегистрировал кандидатов</title></head><body><h1>ЦИК зарегистрировал кандидатов</h1>
<article><p>${body}</p><p>${body}</p></article></body></html>`;
    site = await startFixtureServer({
      '/': { body: '<a href="/ru/news/987654">ЦИК</a>' },
      '/ru/news/987654': {
        headers: { 'content-type': 'text/html' },
        body: iconv.encode(page, 'windows-1251'),
      },
    });
    const { fetcher } = testFetcher({ decode: decodeHtml });
    const out = await crawlAll(htmlCrawler(), makeSource({ kind: 'html', urls: [site.url('/')] }), {
      fetcher,
      extractor: createExtractor(),
    });
    expect(out.skips).toEqual([]);
    expect(out.items[0]?.title).toBe('ЦИК зарегистрировал кандидатов');
    expect(out.items[0]?.text).toContain('зарегистрировала семь кандидатов');
  });
});
