// Bootstrap confidence intervals for shares of voice. Monitoring samples outlets and
// hours, so items (or stories) are resampled with replacement and shares recomputed.
import type { CoverageRow } from '../core/store.ts';
import { clusterMatrix, dedupeRows, subjectKeyFn } from './contributions.ts';
import { mulberry32 } from './prng.ts';
import type { CoverageUnit, GroupOptions } from './types.ts';

export interface BootstrapOptions extends Omit<GroupOptions, 'unit'> {
  iterations?: number;
  seed?: number;
  /** Confidence level, e.g. 0.95. */
  level?: number;
}

export interface ShareInterval {
  subject: string;
  share: number | null;
  lower: number | null;
  upper: number | null;
}

/** Quantile with linear interpolation between order statistics (type 7). */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

/**
 * Percentile intervals of each subject's share. Deterministic for a given seed.
 * Resamples in which the total is zero carry no share and are left out.
 */
export function bootstrapShareCI(
  rows: CoverageRow[],
  unit: CoverageUnit,
  opts: BootstrapOptions = { by: 'entity' },
): ShareInterval[] {
  const iterations = opts.iterations ?? 1000;
  const level = opts.level ?? 0.95;
  const random = mulberry32(opts.seed ?? 1);
  const group: GroupOptions = { ...opts, unit };
  const kept = dedupeRows(rows, opts.dedupe);
  const keyOf = subjectKeyFn(group);
  const subjects = opts.subjects ?? [...new Set(kept.map(keyOf))];
  const k = subjects.length;
  const { values, clusters: m } = clusterMatrix(kept, group, subjects);

  const full = new Float64Array(k);
  for (let c = 0; c < m; c++) for (let j = 0; j < k; j++) full[j]! += values[c * k + j]!;
  const fullTotal = full.reduce((s, x) => s + x, 0);

  const samples: number[][] = subjects.map(() => []);
  const sums = new Float64Array(k);
  // How often each cluster was drawn, then one sequential pass: far fewer cache misses
  // than adding rows in random order.
  const drawn = new Uint32Array(m);
  for (let it = 0; it < iterations && m > 0; it++) {
    sums.fill(0);
    drawn.fill(0);
    for (let draw = 0; draw < m; draw++) drawn[Math.floor(random() * m)]!++;
    for (let c = 0; c < m; c++) {
      const w = drawn[c]!;
      if (w === 0) continue;
      for (let j = 0; j < k; j++) sums[j]! += w * values[c * k + j]!;
    }
    const total = sums.reduce((s, x) => s + x, 0);
    if (total === 0) continue;
    for (let j = 0; j < k; j++) samples[j]!.push(sums[j]! / total);
  }

  const alpha = (1 - level) / 2;
  return subjects.map((subject, j) => {
    const sorted = samples[j]!.sort((a, b) => a - b);
    return {
      subject,
      share: fullTotal > 0 ? full[j]! / fullTotal : null,
      lower: quantile(sorted, alpha),
      upper: quantile(sorted, 1 - alpha),
    };
  });
}
