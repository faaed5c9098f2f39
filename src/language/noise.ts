// What says nothing about a post's language: links, @handles, #hashtags, emoji and digits.
// A Russian tweet with four handles and a link has more Latin letters than Cyrillic ones.
const URL_RE =
  /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|az|ru|org|net|ly|be|co|io|me|tr)\/\S*/giu;
const HANDLE_RE = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_.]+/gu;
const HASHTAG_RE = /(^|[^\p{L}\p{N}_])#[\p{L}\p{N}_.]+/gu;
const NON_LETTERS_RE = /[^\p{L}\p{M}'’\s-]+/gu;

/** The post without its noise; hashtags are kept (as words) only when asked. */
export function stripNoise(text: string, opts: { hashtags?: boolean } = {}): string {
  const bare = text.replace(URL_RE, ' ').replace(HANDLE_RE, '$1 ');
  return (opts.hashtags ? bare : bare.replace(HASHTAG_RE, '$1 '))
    .replace(NON_LETTERS_RE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
