// An imitation of a Telegram channel's public web preview (t.me/s/<channel>): message
// blocks oldest to newest, ~20 a page, and a "load more" link to older posts via ?before=.
// Class names follow the real preview so a crawler written for it parses this page.
import type { DemoPost } from '../corpus.ts';
import { CHANNEL } from '../outlets.ts';
import { esc, utcIso } from './html.ts';

/** Rounded view counts as the preview shows them: 987, 4.5K, 12.3K, 1.2M. */
export function formatViews(n: number): string {
  if (n < 1000) return String(n);
  const [div, suffix] = n < 1_000_000 ? [1000, 'K'] : [1_000_000, 'M'];
  const v = Math.floor((n / div) * 10) / 10;
  return `${v.toFixed(1).replace(/\.0$/, '')}${suffix}`;
}

function postText(p: DemoPost): string {
  const [first, ...rest] = p.paragraphs.map(esc);
  const headline = rest.length > 0 && (first ?? '').length <= 140 ? `<b>${first}</b>` : first;
  return [headline, ...rest].join('<br/><br/>');
}

export function messageBlock(p: DemoPost): string {
  const forwarded = p.forwardedFrom
    ? `<div class="tgme_widget_message_forwarded_from accent_color">Forwarded from <span class="tgme_widget_message_forwarded_from_name"><span dir="auto">${esc(p.forwardedFrom)}</span></span></div>`
    : '';
  const hm = p.date.slice(11, 16);
  return `<div class="tgme_widget_message_wrap js-widget_message_wrap">
<div class="tgme_widget_message text_not_supported_wrap js-widget_message" data-post="${CHANNEL.key}/${p.id}" data-view="v${p.id}">
<div class="tgme_widget_message_user"><a href="${CHANNEL.previewPath}"><i class="tgme_widget_message_user_photo bgcolor2"></i></a></div>
<div class="tgme_widget_message_bubble">
<div class="tgme_widget_message_author accent_color"><a class="tgme_widget_message_owner_name" href="${CHANNEL.previewPath}"><span dir="auto">${esc(CHANNEL.title)}</span></a></div>
${forwarded}<div class="tgme_widget_message_text js-message_text" dir="auto">${postText(p)}</div>
<div class="tgme_widget_message_footer compact js-message_footer">
<div class="tgme_widget_message_info short js-message_info">
<span class="tgme_widget_message_views">${formatViews(p.views)}</span><span class="copyonly"> views</span><span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="${CHANNEL.postPath(p.id)}"><time datetime="${utcIso(p.date)}" class="time">${hm}</time></a></span>
</div>
</div>
</div>
</div>
</div>`;
}

/** Posts older than `before` (all when null), the newest page of them, oldest first. */
export function previewSlice(
  posts: DemoPost[],
  before: number | null,
): { page: DemoPost[]; older: number | null } {
  const pool = posts.filter((p) => before === null || p.id < before).sort((a, b) => b.id - a.id);
  const page = pool.slice(0, CHANNEL.pageSize).reverse();
  const oldest = page[0];
  return { page, older: oldest && pool.length > page.length ? oldest.id : null };
}

function shell(title: string, description: string, inner: string): string {
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta property="og:title" content="${esc(CHANNEL.title)}">
<meta property="og:description" content="${esc(description)}">
<meta name="robots" content="noindex, nofollow">
</head>
<body class="widget_frame_base tgme_webpreview_body">
<header class="tgme_header"><div class="tgme_header_title">${esc(CHANNEL.title)}</div></header>
${inner}
</body>
</html>
`;
}

export function previewPage(posts: DemoPost[], before: number | null): string {
  const { page, older } = previewSlice(posts, before);
  const more =
    older !== null
      ? `<div class="tme_messages_more_wrap js-messages_more_wrap"><a href="${CHANNEL.previewPath}?before=${older}" class="tme_messages_more js-messages_more" data-before="${older}"></a></div>\n`
      : '';
  const info = `<section class="tgme_channel_info">
<div class="tgme_channel_info_header_title"><span dir="auto">${esc(CHANNEL.title)}</span></div>
<div class="tgme_channel_info_header_username"><a href="${CHANNEL.previewPath}">@${CHANNEL.key}</a></div>
<div class="tgme_channel_info_description">${esc(CHANNEL.description)}</div>
<div class="tgme_channel_info_counters"><span class="tgme_channel_info_counter"><span class="counter_value">${CHANNEL.subscribers}</span></span></div>
</section>`;
  const history = `<main class="tgme_main"><div class="tgme_container">
${info}
<section class="tgme_channel_history js-message_history">
${more}${page.map(messageBlock).join('\n')}
</section>
</div></main>`;
  return shell(`${CHANNEL.title} – Telegram`, CHANNEL.description, history);
}

export function postPage(p: DemoPost): string {
  return shell(
    `${CHANNEL.title} – Telegram`,
    p.paragraphs.join('\n'),
    `<main class="tgme_main tgme_single_post">${messageBlock(p)}</main>`,
  );
}
