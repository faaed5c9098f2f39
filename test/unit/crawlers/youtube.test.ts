import { afterEach, describe, expect, it } from 'vitest';
import { youtubeCrawler } from '../../../crawlers/youtube/index.ts';
import { startFixtureServer } from '../../helpers/fixture-server.ts';
import type { FixtureServer } from '../../helpers/fixture-server.ts';
import { crawlAll, makeSource, testFetcher } from './helpers.ts';

let site: FixtureServer;
afterEach(async () => site?.close());

const feed = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
 <title>Kanal</title>
 <entry>
  <id>yt:video:abc123XYZ00</id><yt:videoId>abc123XYZ00</yt:videoId><yt:channelId>UCtest</yt:channelId>
  <title>Namizədlərin debatı</title>
  <link rel="alternate" href="https://www.youtube.com/watch?v=abc123XYZ00"/>
  <author><name>Test Kanal</name></author>
  <published>2024-01-25T18:00:00+00:00</published><updated>2024-01-26T08:00:00+00:00</updated>
  <media:group><media:title>Namizədlərin debatı</media:title>
   <media:description>Dəyirmi masa: yeddi namizəd.
İctimai TV efiri.</media:description>
   <media:community><media:starRating count="10" average="5.00"/><media:statistics views="15234"/></media:community>
  </media:group>
 </entry>
 <entry>
  <id>yt:video:def</id><yt:videoId>def456</yt:videoId><title>Köhnə video</title>
  <link rel="alternate" href="https://www.youtube.com/watch?v=def456"/>
  <published>2023-12-01T10:00:00+00:00</published>
  <media:group><media:description></media:description></media:group>
 </entry>
</feed>`;

describe('youtube crawler', () => {
  it('reads title, description, published date and views from a channel feed', async () => {
    site = await startFixtureServer({
      '/feeds/videos.xml': { headers: { 'content-type': 'application/atom+xml' }, body: feed },
    });
    const { fetcher } = testFetcher();
    const source = makeSource({
      kind: 'youtube',
      urls: [site.url('/feeds/videos.xml?channel_id=UCtest')],
      ownership: 'social',
    });
    const out = await crawlAll(youtubeCrawler(), source, {
      fetcher,
      since: new Date('2024-01-01T00:00:00Z'),
    });
    expect(out.items).toHaveLength(1);
    expect(out.items[0]).toMatchObject({
      url: 'https://www.youtube.com/watch?v=abc123XYZ00',
      title: 'Namizədlərin debatı',
      text: 'Dəyirmi masa: yeddi namizəd.\nİctimai TV efiri.',
      publishedAt: '2024-01-25T18:00:00.000Z',
      views: 15234,
      author: 'Test Kanal',
    });
  });

  it('reports a feed that is not Atom', async () => {
    site = await startFixtureServer({ '/feeds/videos.xml': { body: '<html>consent page</html>' } });
    const { fetcher } = testFetcher();
    const source = makeSource({ kind: 'youtube', urls: [site.url('/feeds/videos.xml')] });
    const out = await crawlAll(youtubeCrawler(), source, { fetcher });
    expect(out.items).toEqual([]);
    expect(String(out.failures[0]?.err)).toMatch(
      /YouTube feed .* of source test_source is unreadable/,
    );
  });
});
