// Language detection for az, ru, en and tr. Links, handles, hashtags and emoji are set
// aside first; then letter, word and ending cues decide when they are clear (src/language/
// cues.ts); otherwise a statistical model restricted to the four languages does.
// The model is ELD's small n-gram database (chosen by measurement against franc and ELD's
// other sizes: bench/language-eval.ts), loaded once per thread on first need; franc's
// trigrams stand in while it loads and for texts long enough to settle it anyway.
import { franc } from 'franc';
import type { Lang, LanguageDetector } from '../core/types.ts';
import { cueScores, decideByCues, letterCounts } from './cues.ts';
import { stripNoise } from './noise.ts';
import { eldSmall } from './eld.ts';

const FRANC: Record<string, Lang> = { azj: 'az', rus: 'ru', eng: 'en', tur: 'tr' };
const LANGS = new Set<string>(['az', 'ru', 'en', 'tr']);

export function createLanguageDetector(): LanguageDetector {
  return {
    detect(text: string): Lang {
      // The first 800 characters settle the language of an article; more only costs time.
      const head = text.length > 800 ? text.slice(0, 800) : text;
      let sample = stripNoise(head);
      // Most articles settle on their letters alone: Cyrillic, or ə, which only
      // Azerbaijani writes.
      const letters = letterCounts(sample);
      if (letters.cyrillic > letters.latin) return 'ru';
      if (letters.schwa >= 3) return 'az';
      let scores = cueScores(sample);
      // Nothing but handles, links and hashtags: the hashtags are all there is to go on.
      if (scores.latin + scores.cyrillic === 0) {
        sample = stripNoise(head, { hashtags: true });
        scores = cueScores(sample);
      }
      const byCues = decideByCues(scores);
      if (byCues) return byCues;
      const model = eldSmall();
      if (model) {
        const guess = model.detect(sample).language;
        if (LANGS.has(guess)) return guess as Lang;
      }
      if (scores.latin + scores.cyrillic >= 20) {
        const guess = FRANC[franc(sample, { only: Object.keys(FRANC), minLength: 10 })];
        if (guess) return guess;
      }
      // Short and no clear cue: take the best cue score if any.
      const best = (['az', 'tr', 'en'] as const).reduce((a, b) => (scores[b] > scores[a] ? b : a));
      return scores[best] > 0 ? best : 'und';
    },
  };
}
