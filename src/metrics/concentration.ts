// Herfindahl–Hirschman index of coverage shares and its normalised form.

/** Shares s_i = x_i / Σx; null when there is nothing to share. */
export function sharesOf(values: readonly number[]): number[] | null {
  const total = values.reduce((s, v) => s + v, 0);
  if (values.length === 0 || total <= 0) return null;
  return values.map((v) => v / total);
}

/** H = Σ s_i² (1/n = equal, 1 = one subject got everything). Null for no coverage. */
export function hhi(values: readonly number[]): number | null {
  const s = sharesOf(values);
  return s === null ? null : s.reduce((acc, x) => acc + x * x, 0);
}

/**
 * H* = (H − 1/n) / (1 − 1/n), 0 = equal, 1 = one subject got everything. Null for no
 * coverage and for a single subject (1 − 1/n = 0: nothing to compare).
 */
export function hhiNormalized(values: readonly number[]): number | null {
  const n = values.length;
  const h = hhi(values);
  if (h === null || n < 2) return null;
  return (h - 1 / n) / (1 - 1 / n);
}
