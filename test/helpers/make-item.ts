// Builds stored-shape items for store tests without running the tagger.
import type { Item, Mention, SourceRef } from '../../src/core/types.ts';
import { canonicalUrl, itemId } from '../../src/pipeline/canonical-url.ts';
import { contentHash } from '../../src/pipeline/content-hash.ts';
import { countWords } from '../../src/store/item-coverage.ts';

export const SOURCES: Record<string, SourceRef> = {
  state: { id: 'agency', name: 'Dövlət Agentliyi', kind: 'rss', ownership: 'state' },
  private: { id: 'xeber', name: 'Xəbər Portalı', kind: 'html', ownership: 'private' },
  opposition: { id: 'azadsoz', name: 'Azad Söz', kind: 'rss', ownership: 'opposition' },
};

/** A mention of `surface` at its first occurrence in the document. */
export function mentionOf(
  doc: string,
  surface: string,
  entity: string,
  extra: Partial<Mention> = {},
): Mention {
  const start = doc.indexOf(surface);
  if (start < 0) throw new Error(`"${surface}" not in document`);
  return {
    entity,
    type: entity.includes('_') ? 'candidate' : 'party',
    kind: 'name',
    start,
    end: start + surface.length,
    surface,
    position: 'body',
    sentence: doc
      .slice(Math.max(0, doc.lastIndexOf('.', start) + 1), doc.indexOf('.', start) + 1)
      .trim(),
    tone: 'neutral',
    toneSource: 'auto',
    dictionaryVersion: 'test-1',
    ...extra,
  };
}

export function makeItem(
  p: Partial<Item> & { url: string; title: string; text: string },
  mentions: Array<[surface: string, entity: string, extra?: Partial<Mention>]> = [],
): Item {
  const url = canonicalUrl(p.url);
  const doc = `${p.title}\n\n${p.text}`;
  const now = '2024-02-01T10:00:00.000Z';
  return {
    source: SOURCES.state!,
    publishedAt: '2024-01-20T08:00:00.000Z',
    lang: 'az',
    duplicateOf: null,
    storyId: null,
    topics: [],
    ingestedAt: now,
    updatedAt: now,
    ...p,
    url,
    id: itemId(url),
    contentHash: p.contentHash ?? contentHash(p.title, p.text),
    wordCount: countWords(p.text),
    mentions: p.mentions ?? mentions.map(([s, e, x]) => mentionOf(doc, s, e, x)),
  };
}
