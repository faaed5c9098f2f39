// Chi-square goodness-of-fit of coverage against an equal split or a baseline
// (e.g. the legal allocation of free airtime).
import { chiSquareSurvival } from './gamma.ts';

export interface ChiSquareResult {
  statistic: number | null;
  df: number | null;
  p: number | null;
  against: 'equal' | 'baseline';
  reason?: 'fewer-than-two-subjects' | 'no-coverage' | 'bad-baseline';
}

/**
 * Statistic Σ (O_i − E_i)² / E_i with E_i = Σ O · p_i (p_i = 1/n, or the baseline shares
 * rescaled to sum to 1); df = n − 1; p from the chi-square survival function.
 * A subject with expected share 0 and no coverage drops out (df falls by one); one with
 * expected share 0 but some coverage makes the statistic infinite and p = 0.
 * Meant for counts (items, mentions); on words or seconds the value depends on the scale.
 */
export function chiSquareEqual(
  observed: readonly number[],
  expectedShares?: readonly number[],
): ChiSquareResult {
  const against = expectedShares ? 'baseline' : 'equal';
  const n = observed.length;
  const none = (reason: ChiSquareResult['reason']): ChiSquareResult => ({
    statistic: null,
    df: null,
    p: null,
    against,
    reason,
  });
  if (n < 2) return none('fewer-than-two-subjects');
  const total = observed.reduce((s, v) => s + v, 0);
  if (total <= 0) return none('no-coverage');
  let shares: number[];
  if (expectedShares) {
    const sum = expectedShares.reduce((s, v) => s + v, 0);
    if (expectedShares.length !== n || sum <= 0 || expectedShares.some((v) => !(v >= 0))) {
      return none('bad-baseline');
    }
    shares = expectedShares.map((v) => v / sum);
  } else {
    shares = observed.map(() => 1 / n);
  }
  let statistic = 0;
  let cells = 0;
  observed.forEach((o, i) => {
    const e = total * (shares[i] ?? 0);
    if (e === 0) {
      if (o > 0) statistic = Infinity;
      return;
    }
    cells++;
    statistic += ((o - e) * (o - e)) / e;
  });
  const df = cells - 1;
  if (df < 1) return none('fewer-than-two-subjects');
  return { statistic, df, p: chiSquareSurvival(statistic, df), against };
}
