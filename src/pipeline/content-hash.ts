// Exact duplicates: the same words in the same order, whatever the whitespace, case or
// punctuation around them.
import { createHash } from 'node:crypto';
import { fold } from '../store/search/fold.ts';

export function contentHash(title: string, text: string): string {
  const words = fold(`${title}\n${text}`).match(/[\p{L}\p{N}]+/gu) ?? [];
  return createHash('sha256').update(words.join(' ')).digest('hex');
}
