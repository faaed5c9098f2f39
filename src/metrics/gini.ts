// Gini coefficient of coverage: Σ_i Σ_j |x_i − x_j| / (2 n Σx).
// 0 = equal, (n−1)/n = one subject got everything.

/**
 * Computed from the sorted values as Σ_k (2k − n − 1) x_(k) / (n Σx) (k = 1..n,
 * ascending), which equals the double sum. Conventions: no subjects → null; total zero
 * (nobody covered, so nobody favoured) → 0; one subject → 0.
 */
export function gini(values: readonly number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  const total = values.reduce((s, v) => s + v, 0);
  if (total === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  let acc = 0;
  sorted.forEach((x, i) => {
    acc += (2 * (i + 1) - n - 1) * x;
  });
  return acc / (n * total);
}

export interface LorenzPoint {
  /** Cumulative share of subjects, 0..1. */
  x: number;
  /** Cumulative share of coverage, 0..1. */
  y: number;
}

/** Lorenz curve: subjects from least to most covered; starts at (0,0), ends at (1,1). */
export function lorenzCurve(values: readonly number[]): LorenzPoint[] {
  const n = values.length;
  const total = values.reduce((s, v) => s + v, 0);
  const points: LorenzPoint[] = [{ x: 0, y: 0 }];
  if (n === 0) return points;
  const sorted = [...values].sort((a, b) => a - b);
  let cum = 0;
  sorted.forEach((v, i) => {
    cum += v;
    // All-zero coverage is drawn as the equality line, matching gini = 0.
    points.push({ x: (i + 1) / n, y: total > 0 ? cum / total : (i + 1) / n });
  });
  return points;
}
