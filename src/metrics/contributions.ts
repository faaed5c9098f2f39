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

export interface Cluster {
  id: string;
  /** subject → value in the chosen unit. */
  values: Map<string, number>;
}

/** Groups (already deduplicated) rows into clusters of per-subject values. */
export function clusterValues(
  rows: CoverageRow[],
  opts: GroupOptions,
  include: (subject: string) => boolean,
): Cluster[] {
  const keyOf = subjectKeyFn(opts);
  const clusters = new Map<string, Cluster>();
  for (const r of rows) {
    const subject = keyOf(r);
    if (!include(subject)) continue;
    const id = clusterOf(r, opts.dedupe);
    let c = clusters.get(id);
    if (!c) {
      c = { id, values: new Map() };
      clusters.set(id, c);
    }
    const prev = c.values.get(subject) ?? 0;
    // 'items': a cluster counts once per subject however many rows map to it.
    c.values.set(subject, opts.unit === 'items' ? 1 : prev + r[opts.unit]);
  }
  return [...clusters.values()];
}
