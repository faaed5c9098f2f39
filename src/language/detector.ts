// Language detection for az, ru, en and tr: letter and word cues first, then franc's
// trigram models restricted to those four languages.
import { franc } from 'franc';
import type { Lang, LanguageDetector } from '../core/types.ts';
import { cueScores, decideByCues } from './cues.ts';

const FRANC: Record<string, Lang> = { azj: 'az', rus: 'ru', eng: 'en', tur: 'tr' };

export function createLanguageDetector(): LanguageDetector {
  return {
    detect(text: string): Lang {
      // The first 800 characters settle the language of an article; more only costs time.
      const sample = text.length > 800 ? text.slice(0, 800) : text;
      const scores = cueScores(sample);
      const byCues = decideByCues(scores);
      if (byCues) return byCues;
      const letters = scores.latin + scores.cyrillic;
      if (letters >= 20) {
        const guess = FRANC[franc(sample, { only: Object.keys(FRANC), minLength: 10 })];
        if (guess) return guess;
      }
      // Short and no clear cue: take the best cue score if any.
      const best = (['az', 'tr', 'en'] as const).reduce((a, b) => (scores[b] > scores[a] ? b : a));
      return scores[best] > 0 ? best : 'und';
    },
  };
}
