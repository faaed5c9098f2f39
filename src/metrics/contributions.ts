// Coverage rows → per-cluster, per-subject values. A cluster is an item (or a story when
// deduplicating); the aggregate sums clusters, and the bootstrap resamples them.
import type { CoverageRow } from '../core/store.ts';
import type { GroupOptions } from './types.ts';

export type SubjectKeyFn = (row: CoverageRow) => string;

export function subjectKeyFn(opts: Pick<GroupOptions, 'by' | 'partyOf'>): SubjectKeyFn {
  switch (opts.by) {
    case 'entity':
      return (r) => r.entity;
    case 'party':
      // Self-nominated candidates have no party: they compete as their own subject.
      return (r) => opts.partyOf?.(r.entity) ?? r.entity;
    case 'outlet':
      return (r) => r.sourceId;
    case 'ownership':
      return (r) => r.ownership;
  }
}

export function clusterOf(row: CoverageRow, dedupe: GroupOptions['dedupe']): string {
  return dedupe === 'story' ? (row.storyId ?? row.itemId) : row.itemId;
}

/** Earliest publication first, then item id: which copy of a story is kept. */
function earlier(a: CoverageRow, b: CoverageRow): boolean {
  const pa = a.publishedAt ?? '\uffff';
  const pb = b.publishedAt ?? '\uffff';
  return pa !== pb ? pa < pb : a.itemId < b.itemId;
}

/**
 * With dedupe='story', keeps for each story only the rows of its earliest item, so a
 * story reposted by ten outlets counts once. 'each' returns the rows unchanged.
 */
export function dedupeRows(rows: CoverageRow[], dedupe: GroupOptions['dedupe']): CoverageRow[] {
  if (dedupe !== 'story') return rows;
  const first = new Map<string, CoverageRow>();
  for (const r of rows) {
    const story = r.storyId ?? r.itemId;
    const cur = first.get(story);
    if (!cur || earlier(r, cur)) first.set(story, r);
  }
  const keep = new Set([...first.values()].map((r) => r.itemId));
  return rows.filter((r) => keep.has(r.itemId));
}

export interface ClusterMatrix {
  /** Row c, column j: value of subject j in cluster c (row-major, m × subjects). */
  values: Float64Array;
  clusters: number;
}

/**
 * Per-cluster values of the given subjects in the chosen unit, as one dense matrix so
 * that resampling is plain array arithmetic. 'items' counts a cluster once per subject.
 */
export function clusterMatrix(
  rows: readonly CoverageRow[],
  opts: GroupOptions,
  subjects: readonly string[],
): ClusterMatrix {
  const keyOf = subjectKeyFn(opts);
  const col = new Map(subjects.map((s, j) => [s, j]));
  const k = subjects.length;
  const rowOf = new Map<string, number>();
  let values = new Float64Array(Math.max(1, 64 * k));
  for (const r of rows) {
    const j = col.get(keyOf(r));
    if (j === undefined) continue;
    const id = clusterOf(r, opts.dedupe);
    let c = rowOf.get(id);
    if (c === undefined) {
      c = rowOf.size;
      rowOf.set(id, c);
      if ((c + 1) * k > values.length) {
        const grown = new Float64Array(values.length * 2);
        grown.set(values);
        values = grown;
      }
    }
    const at = c * k + j;
    values[at] = opts.unit === 'items' ? 1 : values[at]! + r[opts.unit];
  }
  return { values: values.subarray(0, rowOf.size * k), clusters: rowOf.size };
}
