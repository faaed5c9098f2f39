// Words of a text, folded (see fold.ts): the one tokenisation that hashes, word counts and
// near-duplicate signatures share, so each item is tokenised once.
import { fold } from '../store/search/fold.ts';

const WORD = /[\p{L}\p{N}]+/gu;

export function foldedWords(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}
