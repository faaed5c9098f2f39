// Column mapping for platform exports (Facebook / Instagram / TikTok research tools).
// Column names are compared lower-cased with spaces and punctuation folded to "_";
// the first present, non-empty candidate wins. Documented in doc/crawling.md.
import { toIsoDate } from '../dates.ts';

export const COLUMN_CANDIDATES = {
  url: ['url', 'permalink', 'link', 'post_url', 'share_url', 'video_url', 'web_video_url'],
  text: ['text', 'message', 'caption', 'description', 'video_description', 'body', 'content'],
  title: ['title', 'link_text'],
  date: [
    'date',
    'created_time',
    'post_created',
    'timestamp',
    'create_time',
    'created_at',
    'published_at',
    'taken_at',
  ],
  author: [
    'author',
    'page_name',
    'username',
    'account',
    'account_name',
    'channel',
    'user_name',
    'page',
    'from_name',
  ],
  views: ['views', 'view_count', 'play_count', 'plays', 'video_views', 'post_views', 'total_views'],
  reactions: [
    'reactions',
    'total_interactions',
    'reactions_count',
    'likes',
    'like_count',
    'interactions',
  ],
  id: ['id', 'post_id', 'video_id'],
} as const;

export type Row = Record<string, unknown>;

export interface MappedPost {
  url: string;
  title: string;
  text: string;
  publishedAt: string | null;
  author: string | null;
  views: number | null;
}

export const normaliseKey = (k: string) =>
  k
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/** Nested objects (JSON exports) are flattened one level: {from: {name}} → from_name. */
export function normaliseRow(row: Row): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(row)) {
    const key = normaliseKey(k);
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k2, v2] of Object.entries(v as Row)) {
        if (v2 !== null && typeof v2 !== 'object')
          out.set(`${key}_${normaliseKey(k2)}`, String(v2));
      }
    } else if (v !== null && v !== undefined && typeof v !== 'object') {
      out.set(key, String(v));
    }
  }
  return out;
}

function pick(row: Map<string, string>, field: keyof typeof COLUMN_CANDIDATES): string | undefined {
  for (const name of COLUMN_CANDIDATES[field]) {
    const v = row.get(name)?.trim();
    if (v) return v;
  }
  return undefined;
}

function count(raw: string | undefined): number | null {
  if (!raw) return null;
  const n = Number(raw.replace(/[\s,]/g, ''));
  return Number.isFinite(n) && n >= 0 ? Math.round(n) : null;
}

/** Maps one row, or returns the reason it cannot be used. */
export function mapRow(row: Row, now: Date): MappedPost | string {
  const r = normaliseRow(row);
  let url = pick(r, 'url');
  const author = pick(r, 'author') ?? null;
  const id = pick(r, 'id');
  // TikTok research exports carry an id and a username, not a link.
  if (!url && id && author && r.has('video_description')) {
    url = `https://www.tiktok.com/@${author}/video/${id}`;
  }
  if (!url) return `no URL (looked for ${COLUMN_CANDIDATES.url.join(', ')})`;
  try {
    url = new URL(url).href;
  } catch {
    return `not a URL: ${url.slice(0, 80)}`;
  }
  const text = pick(r, 'text') ?? '';
  const title = pick(r, 'title') ?? '';
  if (!text && !title) return `no text (looked for ${COLUMN_CANDIDATES.text.join(', ')})`;
  return {
    url,
    title,
    text,
    publishedAt: toIsoDate(pick(r, 'date'), now),
    author,
    views: count(pick(r, 'views')) ?? count(pick(r, 'reactions')),
  };
}
