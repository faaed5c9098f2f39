// Bootstrap confidence intervals for shares of voice. Monitoring samples outlets and
// hours, so items (or stories) are resampled with replacement and shares recomputed.
import type { CoverageRow } from '../core/store.ts';
import { clusterValues, dedupeRows, subjectKeyFn } from './contributions.ts';
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
  const wanted = opts.subjects ? new Set(opts.subjects) : null;
  const kept = dedupeRows(rows, opts.dedupe);
  const clusters = clusterValues(kept, group, (s) => wanted === null || wanted.has(s));

  const keyOf = subjectKeyFn(group);
  const subjects = opts.subjects ?? [
    ...new Set(kept.map(keyOf).filter((s) => wanted === null || wanted.has(s))),
  ];
  const index = new Map(subjects.map((s, i) => [s, i]));
  // Dense per-cluster vectors make the inner loop a plain array add.
  const vectors = clusters.map((c) => {
    const v = new Float64Array(subjects.length);
    for (const [s, x] of c.values) v[index.get(s)!] = x;
    return v;
  });

  const full = new Float64Array(subjects.length);
  for (const v of vectors) for (let j = 0; j < v.length; j++) full[j]! += v[j]!;
  const fullTotal = full.reduce((s, x) => s + x, 0);

  const samples: number[][] = subjects.map(() => []);
  const m = vectors.length;
  const sums = new Float64Array(subjects.length);
  for (let it = 0; it < iterations && m > 0; it++) {
    sums.fill(0);
    for (let k = 0; k < m; k++) {
      const v = vectors[Math.floor(random() * m)]!;
      for (let j = 0; j < v.length; j++) sums[j]! += v[j]!;
    }
    const total = sums.reduce((s, x) => s + x, 0);
    if (total === 0) continue;
    for (let j = 0; j < subjects.length; j++) samples[j]!.push(sums[j]! / total);
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
