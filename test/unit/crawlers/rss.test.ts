import { afterEach, describe, expect, it } from 'vitest';
import { SkipItemError } from '../../../src/core/errors.ts';
import { rssCrawler } from '../../../crawlers/rss/index.ts';
import { startFixtureServer } from '../../helpers/fixture-server.ts';
import type { FixtureServer } from '../../helpers/fixture-server.ts';
import { articlePage, crawlAll, makeSource, testFetcher } from './helpers.ts';

let site: FixtureServer;
afterEach(async () => site?.close());

const xml = (body: string) => ({
  headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
  body,
});

// Modelled on what agencies publish: one guid repeated on every item (qafqazinfo),
// double-escaped entities in titles (modern.az), no guid (azertag), dates in odd forms.
const wildRss = (origin: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Xəbərlər</title><link>${origin}/</link>
<item><title>Seçki &amp;quot;MSK&amp;quot; açıqlaması</title><link>${origin}/news/1001</link>
  <guid>${origin}/</guid><pubDate>Sat, 20 Jan 2024 10:00:00 +0400</pubDate>
  <description><![CDATA[<p>Mərkəzi Seçki Komissiyası <b>namizədləri</b> qeydə aldı.</p>]]></description></item>
<item><title>Namizəd görüş keçirdi</title><link>${origin}/news/1002</link>
  <guid>${origin}/</guid><pubDate>20.01.2024 11:30</pubDate>
  <description>Görüş Bakıda oldu.</description></item>
<item><title>Tarixsiz xəbər</title><link>${origin}/news/1003</link>
  <pubDate>sabah axşam</pubDate><description>Mətn.</description></item>
<item><title>Gələcək tarix</title><link>/news/1004</link>
  <pubDate>Mon, 01 Jan 2090 10:00:00 +0000</pubDate><description>Mətn 4.</description></item>
<item><title>Linksiz</title><description>Bu elementin linki yoxdur.</description></item>
</channel></rss>`;

describe('rss crawler', () => {
  it('keeps every item of a feed with repeated guids, bad dates and escaped titles', async () => {
    site = await startFixtureServer({});
    site.route('/rss', xml(wildRss(site.origin)));
    const { fetcher } = testFetcher();
    const source = makeSource({ kind: 'rss', urls: [site.url('/rss')], fetchArticles: false });
    const out = await crawlAll(rssCrawler(), source, { fetcher });
    expect(out.items.map((i) => i.url)).toEqual(
      [1001, 1002, 1003, 1004].map((n) => site.url(`/news/${n}`)),
    );
    expect(out.items[0]?.title).toBe('Seçki "MSK" açıqlaması');
    expect(out.items[0]?.text).toBe('Mərkəzi Seçki Komissiyası namizədləri qeydə aldı.');
    expect(out.items[0]?.publishedAt).toBe('2024-01-20T06:00:00.000Z');
    expect(out.items[1]?.publishedAt).toBe('2024-01-20T07:30:00.000Z'); // Baku time
    expect(out.items[2]?.publishedAt).toBeNull();
    expect(out.items[3]?.publishedAt).toBeNull(); // 2090 is a wrong date
    expect(out.items[0]?.source.id).toBe('test_source');
    expect(out.skips).toHaveLength(1);
    expect(out.skips[0]?.reason).toMatch(/without a link: "Linksiz"/);
  });

  it('reads Atom (even with an unreadable date) and RDF feeds', async () => {
    site = await startFixtureServer({});
    site.route(
      '/atom',
      xml(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Atom bir</title><link rel="alternate" href="${site.origin}/a/1"/><id>x1</id>
<published>not a date</published><content type="html">&lt;p&gt;Birinci&lt;/p&gt;</content></entry>
<entry><title>Atom iki</title><link href="${site.origin}/a/2"/><id>x2</id>
<updated>2024-02-01T09:00:00Z</updated><summary>İkinci</summary></entry></feed>`),
    );
    site.route(
      '/rdf',
      xml(`<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="${site.origin}/"><title>R</title></channel>
<item rdf:about="${site.origin}/r/1"><title>RDF xəbəri</title><link>${site.origin}/r/1</link>
<description>RDF mətni</description><dc:date>2024-02-02T08:00:00Z</dc:date></item></rdf:RDF>`),
    );
    const { fetcher } = testFetcher();
    const source = makeSource({
      kind: 'rss',
      urls: [site.url('/atom'), site.url('/rdf')],
      fetchArticles: false,
    });
    const out = await crawlAll(rssCrawler(), source, { fetcher });
    expect(out.failures).toEqual([]);
    expect(out.items.map((i) => [i.title, i.text, i.publishedAt])).toEqual([
      ['Atom bir', 'Birinci', null],
      ['Atom iki', 'İkinci', '2024-02-01T09:00:00.000Z'],
      ['RDF xəbəri', 'RDF mətni', '2024-02-02T08:00:00.000Z'],
    ]);
  });

  it('skips an item whose title or text nests too deep for the HTML helpers, keeps the rest', async () => {
    site = await startFixtureServer({});
    const deep = (n: number) => `${'&lt;b&gt;'.repeat(n)}dərin${'&lt;/b&gt;'.repeat(n)}`;
    site.route(
      '/rss',
      xml(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>${deep(5000)}</title><link>${site.origin}/n/1</link><description>ok</description></item>
<item><title>Adi xəbər</title><link>${site.origin}/n/2</link><description>${deep(5000)}</description></item>
<item><title>Yaxşı xəbər</title><link>${site.origin}/n/3</link><description>Mətn.</description></item>
</channel></rss>`),
    );
    const { fetcher } = testFetcher();
    const source = makeSource({ kind: 'rss', urls: [site.url('/rss')], fetchArticles: false });
    const out = await crawlAll(rssCrawler(), source, { fetcher });
    expect(out.items.map((i) => i.title)).toEqual(['Yaxşı xəbər']);
    expect(out.skips.map((s) => s.url)).toEqual([site.url('/n/1'), site.url('/n/2')]);
    expect(out.skips[0]?.reason).toMatch(/^feed item title nests HTML tags more than 1000 deep/);
    expect(out.skips[1]?.reason).toMatch(/^feed item text nests HTML tags more than 1000 deep/);
    expect(out.failures).toEqual([]);
  });

  it('repairs bare ampersands and control characters; reports hopeless XML clearly', async () => {
    site = await startFixtureServer({});
    site.route(
      '/fixable',
      xml(`<?xml version="1.0"?><rss version="2.0"><channel><title>T & C</title>
<item><title>Xəbər & şərh\u0001</title><link>${site.origin}/n/1?a=1&b=2</link><description>ok</description></item>
</channel></rss>`),
    );
    site.route('/broken', xml('<rss><channel><item><title>open</title></channel>'));
    site.route('/html', { body: '<!doctype html><html><body>Not found</body></html>' });
    const { fetcher } = testFetcher();
    const source = makeSource({
      kind: 'rss',
      urls: [site.url('/broken'), site.url('/fixable'), site.url('/html')],
      fetchArticles: false,
    });
    const out = await crawlAll(rssCrawler(), source, { fetcher });
    expect(out.items.map((i) => i.title)).toEqual(['Xəbər & şərh']);
    expect(out.items[0]?.url).toBe(site.url('/n/1?a=1&b=2'));
    expect(out.failures.map((f) => f.url)).toEqual([site.url('/broken'), site.url('/html')]);
    const [broken, html] = out.failures.map((f) => f.err as Error);
    expect(broken).toBeInstanceOf(SkipItemError);
    expect(broken?.message).toContain(
      `feed ${site.url('/broken')} of source test_source is not valid XML`,
    );
    expect(html?.message).toContain('got an HTML page, not a feed');
  });

  it('fetches linked article pages, skipping stored ones and pages robots.txt forbids', async () => {
    site = await startFixtureServer({
      '/robots.txt': {
        headers: { 'content-type': 'text/plain' },
        body: 'User-agent: *\nDisallow: /closed/\n',
      },
      '/news/1': { body: articlePage('Birinci xəbər', 'Tam mətn bir.') },
      '/news/2': { body: articlePage('İkinci xəbər', 'Tam mətn iki.') },
      '/closed/3': { body: articlePage('Qapalı', 'Gizli.') },
      '/news/4': { status: 404, body: 'gone' },
    });
    site.route(
      '/rss',
      xml(`<rss version="2.0"><channel><title>x</title>
${[1, 2, 4].map((n) => `<item><title>Feed ${n}</title><link>${site.origin}/news/${n}</link></item>`).join('')}
<item><title>Feed 3</title><link>${site.origin}/closed/3</link></item></channel></rss>`),
    );
    const { fetcher } = testFetcher();
    const source = makeSource({ kind: 'rss', urls: [site.url('/rss')] });
    const out = await crawlAll(rssCrawler(), source, {
      fetcher,
      seen: (url) => url.endsWith('/news/2'),
    });
    expect(out.items.map((i) => [i.title, i.text])).toEqual([['Birinci xəbər', 'Tam mətn bir.']]);
    expect(out.items[0]?.rawHash).toMatch(/^[0-9a-f]{64}$/);
    expect(site.hits('/news/2')).toBe(0);
    expect(site.hits('/closed/3')).toBe(0);
    expect(out.skips.map((s) => s.reason)).toEqual([
      `HTTP 404 for ${site.url('/news/4')}`,
      `forbidden by robots.txt: ${site.url('/closed/3')}`,
    ]);
  });
});
