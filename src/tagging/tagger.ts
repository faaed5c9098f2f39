// The tagger: scan → phrase matches → rules → mentions with position, sentence and tone.
import { join } from 'node:path';
import {
  itemDocument,
  type Lang,
  type Mention,
  type Position,
  type TagInput,
  type Tagger,
  type Tone,
} from '../core/types.ts';
import { compileElection } from './compile.ts';
import type { Election } from './election.ts';
import { loadElection } from './load-election.ts';
import { matchPhrases } from './match.ts';
import { withDefinedAbbreviations } from './defined-abbreviations.ts';
import { resolve } from './resolve.ts';
import { emptyHits, scan } from './scan.ts';
import { leadEnd, sentenceAt } from './sentences.ts';
import { loadToneLexicons, sentenceTone, type ToneLexicons } from './tone.ts';
import { compileTopics } from './topics.ts';

export function createTagger(election: Election, tone: ToneLexicons): Tagger {
  const compiled = compileElection(election);
  const topicMatcher = compileTopics(election.topics);
  const hits = emptyHits();
  const toneVersion = [...tone.values()].map((l) => `${l.lang}${l.version}`).join('.');
  const version = toneVersion ? `${election.version}/tone-${toneVersion}` : election.version;
  return {
    version,
    tag(input: TagInput & { lang: Lang }): Mention[] {
      const title = input.title ?? '';
      const doc = itemDocument({ title, text: input.text });
      scan(compiled, doc, hits);
      if (hits.n === 0) return [];
      const refs = withDefinedAbbreviations(
        compiled,
        doc,
        resolve(compiled, doc, matchPhrases(compiled, hits), hits),
      );
      if (refs.length === 0) return [];
      const titleEnd = title ? title.length : 0;
      const lead = leadEnd(doc, title ? titleEnd + 2 : 0);
      // Mentions come in text order: reuse the sentence while the next mention is inside it.
      let sent = { start: -1, end: -1, text: '', tone: 'neutral' as Tone };
      return refs.map((r) => {
        if (r.start < sent.start || r.start >= sent.end) {
          const [s, e] = sentenceAt(doc, r.start);
          const text = doc.slice(s, e);
          sent = {
            start: s,
            end: Math.max(e, s + 1),
            text,
            tone: sentenceTone(tone, input.lang, text),
          };
        }
        const owner = compiled.owners[r.owner]!;
        const position: Position =
          r.start < titleEnd ? 'headline' : r.start < lead ? 'lead' : 'body';
        return {
          entity: owner.id,
          type: owner.type ?? 'candidate',
          kind: r.kind,
          start: r.start,
          end: r.end,
          surface: doc.slice(r.start, r.end),
          position,
          sentence: sent.text,
          tone: sent.tone,
          toneSource: 'auto',
          dictionaryVersion: version,
        };
      });
    },
    topics(input: TagInput & { lang: Lang }): string[] {
      return topicMatcher.topics(itemDocument({ title: input.title ?? '', text: input.text }));
    },
  };
}

/** Loads dictionaries/<electionId> and dictionaries/tone and builds a tagger. */
export function loadTagger(
  dictionariesRoot: string,
  electionId: string,
): Tagger & { election: Election } {
  const election = loadElection(join(dictionariesRoot, electionId));
  const tagger = createTagger(election, loadToneLexicons(join(dictionariesRoot, 'tone')));
  return Object.assign(tagger, { election });
}
