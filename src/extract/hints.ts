// Signals from tag names, class/id/role attributes and section headings that tell article
// text from page furniture. Pure data plus tiny predicates; the scorer decides how much
// each one weighs.
import type { Element } from 'domhandler';
import { attr } from './dom.ts';

/** Never part of an article body: dropped with everything inside. */
export const DROP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'button',
  'select',
  'option',
  'textarea',
  'input',
  'nav',
  'aside',
  'footer',
  'marquee',
  'figcaption',
  'dialog',
  'menu',
]);

/** Tags that start a new block of text; everything else flows inline. */
export const BLOCK_TAGS = new Set([
  'html',
  'body',
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'figure',
  'form',
  'fieldset',
  'address',
  'hr',
  'br',
  'center',
]);

const DROP_ROLES =
  /^(navigation|complementary|contentinfo|banner|menu|menubar|search|dialog|alert)$/;

// Furniture that never wraps an article (a page-wide wrapper is not called "comments").
const STRONG_NEGATIVE =
  /(?:^|[\s_-])(?:comments?|commentlist|comment-list|disqus|respond|related|similar|more-news|morenews|read-?more|see-?also|share|sharing|shares|social|socials|ticker|marquee|breaking-line|breadcrumbs?|nav|navbar|navigation|menu|topmenu|footer|masthead|cookies?|consent|newsletter|subscribe|subscription|promo|ads?|advert|adverts|advertisement|reklam|reklamlar|reklama|sponsor|sponsored|outbrain|taboola|most-?read|most-?viewed|recommended|recommendations|tags|tag-list|author-bio|pagination|pager|rating|poll|modal|popup|son-?xeberler|newsline|login|signup|inline-related|captions?|gallery|slideshow|carousel|credits?|byline|dateline)(?:[\s_-]|$)/;

// Furniture names that layout wrappers sometimes carry too ("with-sidebar", "feed").
const WEAK_NEGATIVE =
  /(?:^|[\s_-])(?:sidebar|side-bar|sidebox|widgets?|banner|popular|trending|lenta|feed|latest|last-news|top-news|print)(?:[\s_-]|$)/;

// Page states, not furniture.
const STATE_WORDS =
  /(?:comments-(?:open|closed)|(?:has|no)-(?:comments|sidebar)|sidebar-(?:left|right))/g;

// A class token naming a layout part ("non-ad-column", "content-and-menu") is not furniture.
const LAYOUT_WORDS = /main|column|wrap|container|layout|page|content/;

const WRAPPER_TAGS = new Set(['html', 'body', 'main', 'article']);

const POSITIVE =
  /(?:articlebody|article-?body|article-?text|article-?content|post-?body|post-?content|entry-?content|story-?body|story-?content|news-?text|news-?content|news-?detail|content-?body|main-?content|text-?content|full-?text)/;

const hintCache = new WeakMap<Element, number>();

/**
 * +1 for article containers, -2 for strong furniture (comments, related, share, menus...),
 * -1 for weak furniture (sidebars, widgets), 0 otherwise.
 */
export function classHint(el: Element): number {
  const cached = hintCache.get(el);
  if (cached !== undefined) return cached;
  const id = `${attr(el, 'class')} ${attr(el, 'id')}`.toLowerCase().replace(STATE_WORDS, ' ');
  const tokens = id.split(/\s+/).filter((t) => t && !LAYOUT_WORDS.test(t));
  let hint = 0;
  if (attr(el, 'itemprop') === 'articleBody' || POSITIVE.test(id)) hint = 1;
  else if (DROP_ROLES.test(attr(el, 'role')) || tokens.some((t) => STRONG_NEGATIVE.test(t)))
    hint = -2;
  else if (tokens.some((t) => WEAK_NEGATIVE.test(t))) hint = -1;
  if (hint === -2 && WRAPPER_TAGS.has(el.name)) hint = -1;
  hintCache.set(el, hint);
  return hint;
}

/** Elements the page itself hides, or tags that never carry article text. */
export function isDropped(el: Element): boolean {
  if (DROP_TAGS.has(el.name)) return true;
  if ('hidden' in el.attribs || attr(el, 'aria-hidden') === 'true') return true;
  const style = attr(el, 'style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return DROP_ROLES.test(attr(el, 'role'));
}

/** Headings of "more stories" lists in the languages we monitor. */
export const RELATED_HEADING =
  /^(?:oxşar xəbərlər|oxsar xeberler|digər xəbərlər|diger xeberler|son xəbərlər|son xeberler|ən çox oxunan(?:lar)?|mövzu ilə bağlı|bu mövzuda|həmçinin oxuyun|читайте также|читайте еще|читайте ещё|похожие новости|другие новости|последние новости|новости по теме|по теме|самое читаемое|related(?: news| stories| articles| posts| content)?|read (?:more|also|next)|more (?:news|stories|from|on)|recommended(?: for you)?|you may also like|you might also like|most (?:read|popular|viewed)|latest (?:news|stories)|trending|benzer haberler|ilgili haberler|son dakika)\b/iu;

/** Single lines that are furniture wherever they appear. */
export const BOILERPLATE_LINE =
  /^(?:(?:advertisement|reklam|реклама)(?:\s*:.{0,80})?|sponsored|share(?: this(?: article| story)?)?(?: on \w+)?|paylaş|поделиться|tweet|print|email|(?:photo|image|фото|foto|şəkil)\s*:.{0,60}|tags?\s*:.*|teqlər\s*:.*|теги\s*:.*|(?:click|tap) here.*|sign up.*|subscribe.*|abunə ol.*|подписывайтесь.*|comments?|şərhlər|комментарии)$/iu;
