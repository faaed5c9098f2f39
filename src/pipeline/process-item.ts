// The stages every item passes, whether crawled, imported or ingested: canonical URL,
// language, tags, topics, hashes. Stages are passed in; this file only orders them.
import type { Item, LanguageDetector, RawItem, Tagger } from '../core/types.ts';
import type { ItemSink, Store } from '../core/store.ts';
import { SkipItemError } from '../core/errors.ts';
import { canonicalUrl, itemId } from './canonical-url.ts';
import { contentHashOfWords } from './content-hash.ts';
import { signatureOfWords } from './minhash.ts';
import { foldedWords } from './words.ts';

export interface PipelineDeps {
  detector: LanguageDetector;
  tagger: Tagger;
  now?: () => Date;
}

export function processItem(raw: RawItem, deps: PipelineDeps): Item {
  if (!raw.url?.trim()) throw new SkipItemError('item has no URL');
  const title = (raw.title ?? '').trim();
  const text = (raw.text ?? '').trim();
  if (!title && !text) throw new SkipItemError(`item ${raw.url} has neither title nor text`);
  const url = canonicalUrl(raw.url);
  const lang =
    raw.lang && raw.lang !== 'und' ? raw.lang : deps.detector.detect(`${title}\n${text}`);
  const doc = { title, text, lang };
  const now = (deps.now?.() ?? new Date()).toISOString();
  const textWords = foldedWords(text);
  return {
    ...raw,
    url,
    title,
    text,
    id: itemId(url),
    lang,
    contentHash: contentHashOfWords(foldedWords(title), textWords),
    duplicateOf: null,
    storyId: null,
    wordCount: textWords.length,
    mentions: deps.tagger.tag(doc),
    topics: deps.tagger.topics?.(doc) ?? [],
    signature: signatureOfWords(textWords),
    ingestedAt: now,
    updatedAt: now,
  };
}

/** An ItemSink that runs the pipeline and writes to the store; bad items are skipped. */
export function pipelineSink(
  store: Store,
  deps: PipelineDeps & { onSkip?: (raw: RawItem, err: unknown) => void },
): ItemSink {
  return async (raws) => {
    const items: Item[] = [];
    for (const raw of raws) {
      try {
        items.push(processItem(raw, deps));
      } catch (err) {
        deps.onSkip?.(raw, err);
      }
    }
    return items.length ? store.upsertItems(items) : [];
  };
}
