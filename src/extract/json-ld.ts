// Reads schema.org JSON-LD blocks and picks the one describing the article.
import type { Document } from 'domhandler';
import { attr, findAll } from './dom.ts';

export type JsonObject = Record<string, unknown>;

const ARTICLE_TYPE = /Article|BlogPosting|NewsArticle|Report|WebPage/;

export function readJsonLd(doc: Document): JsonObject | null {
  const scripts = findAll(
    doc,
    (el) => el.name === 'script' && attr(el, 'type').toLowerCase().includes('ld+json'),
    20,
  );
  let fallback: JsonObject | null = null;
  for (const script of scripts) {
    const raw = scriptText(script.children);
    let data: unknown;
    try {
      data = JSON.parse(raw.replace(/^\s*<!--|-->\s*$/g, ''));
    } catch {
      continue; // Broken JSON-LD is common; the DOM still has the facts.
    }
    for (const obj of flatten(data)) {
      const type = String(obj['@type'] ?? '');
      if (/Article|BlogPosting|Report/.test(type)) return obj;
      if (!fallback && ARTICLE_TYPE.test(type) && (obj.datePublished || obj.articleBody)) {
        fallback = obj;
      }
    }
  }
  return fallback;
}

function scriptText(nodes: { type: string }[]): string {
  return nodes.map((n) => ('data' in n ? String(n.data) : '')).join('');
}

function flatten(data: unknown, depth = 0): JsonObject[] {
  if (depth > 3 || data === null || typeof data !== 'object') return [];
  if (Array.isArray(data)) return data.flatMap((d) => flatten(d, depth + 1));
  const obj = data as JsonObject;
  const graph = obj['@graph'];
  return Array.isArray(graph) ? [obj, ...flatten(graph, depth + 1)] : [obj];
}

/** A name from a string, {name}, or an array of either. */
export function ldName(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(ldName).filter((n): n is string => Boolean(n));
    return names.length > 0 ? names.join(', ') : null;
  }
  if (value && typeof value === 'object' && 'name' in value) return ldName(value.name);
  return null;
}

export function ldString(value: unknown): string | null {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (Array.isArray(value)) return ldString(value[0]);
  return null;
}
