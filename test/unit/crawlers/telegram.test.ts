import { afterEach, describe, expect, it } from 'vitest';
import { telegramCrawler } from '../../../crawlers/telegram/index.ts';
import { parseCount, parseTelegramPage } from '../../../crawlers/telegram/parse.ts';
import { startFixtureServer } from '../../helpers/fixture-server.ts';
import type { FixtureServer } from '../../helpers/fixture-server.ts';
import { crawlAll, makeSource, testFetcher } from './helpers.ts';

let site: FixtureServer;
afterEach(async () => site?.close());

interface P {
  id: number;
  text: string;
  date: string;
  views: string;
  fwd?: string;
}

// The markup of t.me/s/<channel>, reduced to the parts the parser reads.
function channelPage(posts: P[], before: number | null): string {
  const more = before
    ? `<a class="tme_messages_more js-messages_more" data-before="${before}" href="/s/xeberler?before=${before}"></a>`
    : '';
  const body = posts
    .map(
      (
        p,
      ) => `<div class="tgme_widget_message_wrap"><div class="tgme_widget_message" data-post="xeberler/${p.id}">
${p.fwd ? `<div class="tgme_widget_message_forwarded_from">Forwarded from <a class="tgme_widget_message_forwarded_from_name" href="#">${p.fwd}</a></div>` : ''}
<div class="tgme_widget_message_text js-message_text">${p.text}</div>
<div class="tgme_widget_message_footer"><span class="tgme_widget_message_views">${p.views}</span>
<a class="tgme_widget_message_date" href="https://t.me/xeberler/${p.id}"><time datetime="${p.date}">10:00</time></a></div>
</div></div>`,
    )
    .join('\n');
  return `<html><body><section class="tgme_channel_history">${more}${body}</section></body></html>`;
}

describe('telegram', () => {
  it('parses view counts', () => {
    expect(parseCount('12.3K')).toBe(12300);
    expect(parseCount('1.2M')).toBe(1200000);
    expect(parseCount('987')).toBe(987);
    expect(parseCount('')).toBeNull();
    expect(parseCount('many')).toBeNull();
  });

  it('reads posts: id, date, text with line breaks, views, forwarded-from', () => {
    const page = parseTelegramPage(
      channelPage(
        [
          {
            id: 41,
            text: 'Birinci sətir<br>İkinci sətir',
            date: '2024-01-20T06:00:00+00:00',
            views: '12.3K',
            fwd: 'APA',
          },
        ],
        40,
      ),
    );
    expect(page.before).toBe(40);
    expect(page.posts).toEqual([
      {
        post: 'xeberler/41',
        id: 41,
        url: 'https://t.me/xeberler/41',
        publishedAt: '2024-01-20T06:00:00+00:00',
        text: 'Birinci sətir\nİkinci sətir',
        views: 12300,
        forwardedFrom: 'APA',
        author: null,
      },
    ]);
  });

  it('follows older-post pages until known posts, then stops', async () => {
    const mk = (id: number, day: number): P => ({
      id,
      text: `Post ${id}`,
      date: `2024-01-${String(day).padStart(2, '0')}T08:00:00Z`,
      views: `${id}`,
    });
    site = await startFixtureServer({
      '/s/xeberler': { body: channelPage([mk(30, 20), mk(31, 21)], 30) },
      '/s/xeberler?before=30': { body: channelPage([mk(28, 18), mk(29, 19)], 28) },
      '/s/xeberler?before=28': { body: channelPage([mk(26, 16), mk(27, 17)], 26) },
      '/s/xeberler?before=26': { body: channelPage([mk(24, 14), mk(25, 15)], 24) },
    });
    const { fetcher } = testFetcher();
    const source = makeSource({
      kind: 'telegram',
      urls: [site.url('/s/xeberler')],
      ownership: 'social',
    });
    // Posts up to 27 are stored already: page 3 has nothing new, so page 4 is never read.
    const out = await crawlAll(telegramCrawler(), source, {
      fetcher,
      seen: (url) => Number(url.split('/').pop()) <= 27,
    });
    expect(out.items.map((i) => i.url.split('/').pop())).toEqual([
      '31',
      '30',
      '29',
      '28',
      '27',
      '26',
    ]);
    expect(out.items[0]).toMatchObject({
      title: '',
      text: 'Post 31',
      views: 31,
      publishedAt: '2024-01-21T08:00:00.000Z',
    });
    expect(site.hits('/s/xeberler?before=26')).toBe(0);
  });

  it('stops at the since date and at the page limit', async () => {
    const mk = (id: number, day: number): P => ({
      id,
      text: `P${id}`,
      date: `2024-01-${day}T08:00:00Z`,
      views: '1',
    });
    site = await startFixtureServer({
      '/s/xeberler': { body: channelPage([mk(30, 20)], 30) },
      '/s/xeberler?before=30': { body: channelPage([mk(29, 12)], 29) },
      '/s/xeberler?before=29': { body: channelPage([mk(28, 11)], 28) },
    });
    const { fetcher } = testFetcher();
    const source = makeSource({ kind: 'telegram', urls: [site.url('/s/xeberler')] });
    const bySince = await crawlAll(telegramCrawler(), source, {
      fetcher,
      since: new Date('2024-01-15T00:00:00Z'),
    });
    expect(bySince.items.map((i) => i.text)).toEqual(['P30']);
    expect(site.hits('/s/xeberler?before=29')).toBe(0);
    const byPages = await crawlAll(telegramCrawler({ maxPages: 2 }), source, { fetcher });
    expect(byPages.items.map((i) => i.text)).toEqual(['P30', 'P29']);
  });
});
