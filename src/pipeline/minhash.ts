// Near-duplicate detection for reposts ("...-ya istinadən"): MinHash over 5-word shingles
// of the folded text, banded for lookup. Two items whose signatures agree on most
// positions share most of their wording.
import { foldedWords } from './words.ts';

export const SIGNATURE_SIZE = 64;
const BAND_ROWS = 4;
const SHINGLE = 5;
/** Texts with fewer shingles than this are too short to call reposts. */
const MIN_SHINGLES = 12;

// Fixed odd multipliers and offsets for the 64 hash permutations (from a seeded LCG).
const MUL = new Uint32Array(SIGNATURE_SIZE);
const ADD = new Uint32Array(SIGNATURE_SIZE);
{
  let s = 0x9e3779b9;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    MUL[i] = next() | 1;
    ADD[i] = next();
  }
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The MinHash signature of a text, or null when it is too short to compare. */
export function signature(text: string): number[] | null {
  return signatureOfWords(foldedWords(text));
}

export function signatureOfWords(words: readonly string[]): number[] | null {
  const count = words.length - SHINGLE + 1;
  if (count < MIN_SHINGLES) return null;
  // Hash each word once; a shingle's hash combines its words' hashes in order.
  const wh = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wh[i] = fnv1a(words[i]!);
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < SHINGLE; j++) h = Math.imul(h ^ wh[i + j]!, 0x01000193) >>> 0;
    h ^= h >>> 15;
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const v = (Math.imul(h, MUL[k]!) + ADD[k]!) >>> 0;
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return [...sig];
}

/**
 * Lookup keys, one per band of rows; similar texts share at least one with high odds.
 * Integers (band hash × 64 + band number) keep the lookup index small and fast.
 */
export function bandKeys(sig: readonly number[]): number[] {
  const keys: number[] = [];
  for (let b = 0; b * BAND_ROWS < sig.length; b++) {
    let h = 0x811c9dc5;
    for (let r = b * BAND_ROWS; r < (b + 1) * BAND_ROWS; r++)
      h = Math.imul(h ^ sig[r]!, 0x01000193) >>> 0;
    keys.push(h * 64 + b);
  }
  return keys;
}

/** Estimated Jaccard similarity of the shingle sets. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / Math.max(a.length, 1);
}

/** Items at least this similar are the same story. */
export const SAME_STORY = 0.5;
