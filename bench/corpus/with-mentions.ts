// Items with the mentions the generator put in, without running the tagger: lets the
// search benchmark build a million-item store in minutes.
import type { Item, Mention, Tone } from '../../src/core/types.ts';
import { itemDocument } from '../../src/core/types.ts';
import { canonicalUrl, itemId } from '../../src/pipeline/canonical-url.ts';
import { contentHash } from '../../src/pipeline/content-hash.ts';
import { countWords } from '../../src/store/item-coverage.ts';
import { generateCorpus, SUBJECT_ENTITIES, type CorpusOptions } from './generate.ts';

const TONES: Tone[] = ['neutral', 'neutral', 'positive', 'negative'];

export function* generateTaggedItems(opts: CorpusOptions): Generator<Item> {
  let n = 0;
  for (const raw of generateCorpus(opts)) {
    const doc = itemDocument(raw);
    const mentions: Mention[] = [];
    for (const [phrase, entity, kind] of SUBJECT_ENTITIES) {
      let at = doc.indexOf(phrase);
      while (at >= 0) {
        // Longer phrases that contain this one are listed too; keep only word-bounded hits.
        const after = doc.charCodeAt(at + phrase.length);
        if (!(after >= 97 && after <= 122) && !mentions.some((m) => m.start <= at && m.end > at)) {
          mentions.push({
            entity,
            type: entity.includes('_') ? 'candidate' : 'party',
            kind,
            start: at,
            end: at + phrase.length,
            surface: phrase,
            position: at < raw.title.length ? 'headline' : 'body',
            sentence: phrase,
            tone: TONES[(n + at) % TONES.length]!,
            toneSource: 'auto',
            dictionaryVersion: 'bench',
          });
        }
        at = doc.indexOf(phrase, at + phrase.length);
      }
    }
    n++;
    const url = canonicalUrl(raw.url);
    yield {
      ...raw,
      url,
      id: itemId(url),
      lang: 'az',
      contentHash: contentHash(raw.title, raw.text),
      duplicateOf: null,
      storyId: null,
      wordCount: countWords(raw.text),
      mentions,
      topics: [],
      ingestedAt: raw.publishedAt!,
      updatedAt: raw.publishedAt!,
    };
  }
}
