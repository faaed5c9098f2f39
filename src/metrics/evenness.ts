// Shannon evenness (Pielou's J) of coverage shares.
import { sharesOf } from './concentration.ts';

/**
 * J = −Σ s_i ln s_i / ln n, with 0·ln 0 = 0; 1 = equal, 0 = one subject got everything.
 * Null for no coverage and for a single subject (ln 1 = 0: nothing to compare).
 */
export function shannonEvenness(values: readonly number[]): number | null {
  const n = values.length;
  const s = sharesOf(values);
  if (s === null || n < 2) return null;
  let h = 0;
  for (const p of s) if (p > 0) h -= p * Math.log(p);
  return h / Math.log(n);
}
