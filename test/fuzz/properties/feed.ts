// Feed parser (RSS 2.0, Atom, RDF via rss-parser) through the RSS crawler, and the
// Telegram channel preview parser.
import { rssCrawler } from '../../../crawlers/rss/index.ts';
import { parseTelegramPage } from '../../../crawlers/telegram/parse.ts';
import { makeSource } from '../../unit/crawlers/helpers.ts';
import { crawlDocs } from './fake-context.ts';
import { type FuzzTarget, isIsoDate, must, mustBeDocumented } from './harness.ts';
import { hostileText } from './mutate.ts';
import { ATOM_SEED, RSS_SEED, TELEGRAM_SEED } from './seeds.ts';

const FEED_URL = 'https://news.example/feed.xml';
const source = makeSource({ kind: 'rss', urls: [FEED_URL] });
const crawler = rssCrawler();

export const feedTarget: FuzzTarget<string> = {
  name: 'feed',
  arbitrary: hostileText([RSS_SEED, ATOM_SEED]),
  async check(xml) {
    const out = await crawlDocs(crawler, source, { [FEED_URL]: xml });
    // A feed that cannot be read is one failed URL with a SkipItemError, never a crash.
    for (const f of out.failures) mustBeDocumented(f.err);
    for (const s of out.skips) must(s.reason.trim() !== '', 'skip without a reason');
    for (const item of out.items) {
      const u = new URL(item.url);
      must(u.protocol === 'http:' || u.protocol === 'https:', `item URL ${item.url}`);
      must(typeof item.title === 'string' && typeof item.text === 'string', 'title/text strings');
      must(item.title !== '' || item.text !== '', 'item with neither title nor text');
      must(item.publishedAt === null || isIsoDate(item.publishedAt), 'publishedAt is a date');
      must(item.author === null || typeof item.author === 'string', 'author is a string');
    }
  },
};

const TG_URL = 'https://t.me/s/xeberkanal';

export const telegramTarget: FuzzTarget<string> = {
  name: 'telegram',
  arbitrary: hostileText([TELEGRAM_SEED]),
  check(html) {
    let page;
    try {
      page = parseTelegramPage(html, TG_URL);
    } catch (err) {
      mustBeDocumented(err);
      return;
    }
    must(page.before === null || Number.isSafeInteger(page.before), 'before is an integer');
    for (const p of page.posts) {
      must(Number.isInteger(p.id), 'post id is an integer');
      must(typeof p.text === 'string', 'text is a string');
      must(URL.canParse(p.url), `post URL ${p.url}`);
      must(p.views === null || (Number.isFinite(p.views) && p.views >= 0), 'views');
    }
  },
};
