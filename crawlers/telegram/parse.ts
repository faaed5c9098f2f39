// Parsing t.me/s/<channel> preview pages (login-free web view of public channels).
import { loadHtml } from '../../src/extract/well-formed.ts';
import { CHEERIO_LIMITS, assertParseable } from '../../src/extract/nesting.ts';
import { normaliseSpace } from '../text.ts';

export interface TelegramPost {
  /** "<channel>/<id>" as in data-post. */
  post: string;
  id: number;
  url: string;
  publishedAt: string | null;
  text: string;
  views: number | null;
  forwardedFrom: string | null;
  author: string | null;
}

export interface TelegramPage {
  posts: TelegramPost[];
  /** Value of ?before= for the next (older) page, if the page links one. */
  before: number | null;
}

/** "12.3K" → 12300, "1.2M" → 1200000, "987" → 987; null when unreadable. */
export function parseCount(raw: string | undefined | null): number | null {
  if (!raw) return null;
  const m = /^([\d.,]+)\s*([KkMmBb]?)$/.exec(raw.trim());
  if (!m?.[1]) return null;
  const n = Number(m[1].replace(',', '.'));
  if (!Number.isFinite(n)) return null;
  const mult = { k: 1e3, m: 1e6, b: 1e9 }[(m[2] ?? '').toLowerCase()] ?? 1;
  return Math.round(n * mult);
}

function postUrl(href: string | undefined, post: string, pageUrl: string | undefined): string {
  // The date links to the post; on t.me that is https://t.me/<channel>/<id>.
  if (href) {
    try {
      return new URL(href, pageUrl).href;
    } catch {
      // fall through to the t.me form
    }
  }
  return `https://t.me/${post}`;
}

export function parseTelegramPage(html: string, pageUrl?: string): TelegramPage {
  // cheerio's parser and .text() are quadratic / recursive on pathological nesting.
  assertParseable(html, `Telegram page ${pageUrl ?? ''}`.trim(), CHEERIO_LIMITS);
  const $ = loadHtml(html);
  const posts: TelegramPost[] = [];
  $('.tgme_widget_message[data-post]').each((_i, el) => {
    const msg = $(el);
    const post = msg.attr('data-post') ?? '';
    const id = Number(post.split('/')[1]);
    if (!post || !Number.isInteger(id)) return;
    const textEl = msg.find('.tgme_widget_message_text').first().clone();
    textEl.find('br').replaceWith('\n');
    const datetime = msg.find('.tgme_widget_message_date time').attr('datetime') ?? null;
    const forwarded = msg.find('.tgme_widget_message_forwarded_from_name').first().text().trim();
    const author = msg.find('.tgme_widget_message_from_author').first().text().trim();
    posts.push({
      post,
      id,
      url: postUrl(msg.find('a.tgme_widget_message_date').attr('href'), post, pageUrl),
      publishedAt: datetime,
      text: normaliseSpace(textEl.text()),
      views: parseCount(msg.find('.tgme_widget_message_views').first().text()),
      forwardedFrom: forwarded || null,
      author: author || null,
    });
  });
  const more = $('a.tme_messages_more[data-before]').attr('data-before');
  const fromHref = /[?&]before=(\d+)/.exec($('a.tme_messages_more').attr('href') ?? '')?.[1];
  const beforeRaw = more ?? fromHref;
  const before = beforeRaw ? Number(beforeRaw) : NaN;
  return { posts, before: Number.isSafeInteger(before) && before >= 0 ? before : null };
}
