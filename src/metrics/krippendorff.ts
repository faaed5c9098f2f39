// Krippendorff's alpha for nominal and ordinal data, from the coincidence matrix:
//   alpha = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck
// where o_ck counts ordered pairs of values within a unit, each unit weighted 1/(m_u − 1)
// (m_u = values it got), n_c = Σ_k o_ck and n = Σ n_c. Units with fewer than two values
// are not pairable and drop out; missing values (null) are simply absent. See doc/review.md.

export type AlphaLevel = 'nominal' | 'ordinal';

/** Tone in rank order, for the ordinal metric. */
export const TONE_ORDER = ['positive', 'neutral', 'negative'] as const;

export interface AlphaResult {
  /** null when alpha is undefined; `reason` says why. */
  alpha: number | null;
  reason?: string;
  /** Units with at least two values. */
  units: number;
  /** Values in those units (n). */
  values: number;
}

/**
 * units: one array per unit (item × entity), one slot per coder, null where a coder gave
 * no value. For 'ordinal', `order` ranks the values (default: tone).
 */
export function krippendorffAlpha(
  units: ReadonlyArray<ReadonlyArray<string | null>>,
  level: AlphaLevel = 'nominal',
  order: readonly string[] = TONE_ORDER,
): AlphaResult {
  const coincide = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, w: number) => {
    const row = coincide.get(c) ?? new Map<string, number>();
    row.set(k, (row.get(k) ?? 0) + w);
    coincide.set(c, row);
  };
  let pairable = 0;
  for (const unit of units) {
    const vals = unit.filter((v): v is string => v !== null && v !== undefined);
    const m = vals.length;
    if (m < 2) continue;
    pairable++;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) if (i !== j) add(vals[i]!, vals[j]!, 1 / (m - 1));
  }
  const marginals = new Map<string, number>();
  for (const [c, row] of coincide) {
    let s = 0;
    for (const w of row.values()) s += w;
    marginals.set(c, s);
  }
  const n = [...marginals.values()].reduce((a, b) => a + b, 0);
  const values = Math.round(n);
  if (pairable === 0) {
    return { alpha: null, reason: 'no unit has values from two or more coders', units: 0, values };
  }
  if (marginals.size < 2) {
    return {
      alpha: null,
      reason: 'every value is the same: agreement cannot be told apart from chance',
      units: pairable,
      values,
    };
  }
  const delta2 = distance(level, order, marginals);
  let observed = 0;
  for (const [c, row] of coincide) for (const [k, w] of row) observed += w * delta2(c, k);
  let expected = 0;
  for (const [c, nc] of marginals)
    for (const [k, nk] of marginals) expected += nc * nk * delta2(c, k);
  return { alpha: 1 - ((n - 1) * observed) / expected, units: pairable, values };
}

function distance(
  level: AlphaLevel,
  order: readonly string[],
  marginals: Map<string, number>,
): (c: string, k: string) => number {
  if (level === 'nominal') return (c, k) => (c === k ? 0 : 1);
  const unknown = [...marginals.keys()].filter((v) => !order.includes(v));
  if (unknown.length)
    throw new RangeError(`values not in the ordinal order: ${unknown.join(', ')}`);
  // Ordinal distance: the marginals between the two ranks, the ends counted half.
  const rank = new Map(order.map((v, i) => [v, i]));
  const nOf = order.map((v) => marginals.get(v) ?? 0);
  return (c, k) => {
    if (c === k) return 0;
    const [a, b] = [rank.get(c)!, rank.get(k)!].sort((x, y) => x - y) as [number, number];
    let s = 0;
    for (let g = a; g <= b; g++) s += nOf[g]!;
    s -= (nOf[a]! + nOf[b]!) / 2;
    return s * s;
  };
}
