// The demo web's content: one YAML file per outlet under test/fixtures/demo-web/, loaded
// once, validated, and sorted newest first. Pages and feeds are rendered from this data.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

export const DEMO_CONTENT_DIR = fileURLToPath(
  new URL('../../test/fixtures/demo-web/', import.meta.url),
);

/** Baku time; every date in the corpus carries it so feeds and pages agree. */
const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?\+04:00$/, 'ISO date-time with +04:00');

const commentSchema = z.object({ author: z.string().min(1), text: z.string().min(1) }).strict();

export const demoArticleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'slug'),
    title: z.string().min(1),
    date: dateSchema,
    author: z.string().min(1).optional(),
    lang: z.enum(['az', 'ru', 'en']),
    section: z.string().optional(),
    /** Id of the original story this one is another language edition of (agency only). */
    edition: z.string().optional(),
    tags: z.array(z.string()).optional(),
    comments: z.array(commentSchema).optional(),
    paragraphs: z.array(z.string().min(1)).min(1),
  })
  .strict();
export type DemoArticle = z.infer<typeof demoArticleSchema>;

export const demoPostSchema = z
  .object({
    id: z.number().int().positive(),
    date: dateSchema,
    views: z.number().int().nonnegative(),
    forwardedFrom: z.string().optional(),
    paragraphs: z.array(z.string().min(1)).min(1),
  })
  .strict();
export type DemoPost = z.infer<typeof demoPostSchema>;

export const NEWS_OUTLET_KEYS = ['mxa', 'gunxeber', 'novosti', 'azadsoz', 'observer'] as const;
export type NewsOutletKey = (typeof NEWS_OUTLET_KEYS)[number];
export const CHANNEL_KEY = 'seckigundemi';

export interface DemoCorpus {
  articles: Record<NewsOutletKey, DemoArticle[]>;
  /** The Telegram-style channel's posts, newest first. */
  posts: DemoPost[];
}

function readYaml(name: string): unknown {
  return parse(readFileSync(`${DEMO_CONTENT_DIR}${name}.yaml`, 'utf8'));
}

const byDateDesc = <T extends { date: string; id: string | number }>(a: T, b: T): number =>
  Date.parse(b.date) - Date.parse(a.date) || String(b.id).localeCompare(String(a.id));

function loadArticles(key: NewsOutletKey): DemoArticle[] {
  const parsed = z.object({ articles: z.array(demoArticleSchema) }).safeParse(readYaml(key));
  if (!parsed.success) throw new Error(`demo-web/${key}.yaml: ${z.prettifyError(parsed.error)}`);
  const ids = new Set<string>();
  for (const a of parsed.data.articles) {
    if (ids.has(a.id)) throw new Error(`demo-web/${key}.yaml: duplicate id ${a.id}`);
    ids.add(a.id);
  }
  return [...parsed.data.articles].sort(byDateDesc);
}

function loadPosts(): DemoPost[] {
  const parsed = z.object({ posts: z.array(demoPostSchema) }).safeParse(readYaml(CHANNEL_KEY));
  if (!parsed.success) {
    throw new Error(`demo-web/${CHANNEL_KEY}.yaml: ${z.prettifyError(parsed.error)}`);
  }
  return [...parsed.data.posts].sort(byDateDesc);
}

let cached: DemoCorpus | undefined;

/** The whole corpus (read from disk on first call; callers must not mutate it). */
export function demoCorpus(): DemoCorpus {
  if (!cached) {
    const articles = Object.fromEntries(NEWS_OUTLET_KEYS.map((k) => [k, loadArticles(k)]));
    cached = { articles: articles as Record<NewsOutletKey, DemoArticle[]>, posts: loadPosts() };
  }
  return cached;
}
