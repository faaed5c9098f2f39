// Exact duplicates: the same words in the same order, whatever the whitespace, case or
// punctuation around them.
import { createHash } from 'node:crypto';
import { foldedWords } from './words.ts';

export function contentHash(title: string, text: string): string {
  return contentHashOfWords(foldedWords(title), foldedWords(text));
}

export function contentHashOfWords(
  titleWords: readonly string[],
  textWords: readonly string[],
): string {
  return createHash('sha256')
    .update(titleWords.join(' '))
    .update(' ')
    .update(textWords.join(' '))
    .digest('hex');
}
