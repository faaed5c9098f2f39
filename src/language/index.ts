export { createLanguageDetector } from './detector.ts';
export { cueScores, decideByCues } from './cues.ts';
