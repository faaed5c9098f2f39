// Reviewed mentions outlive re-tagging and re-crawling: fresh automatic mentions that
// overlap a reviewed one are dropped, and so are fresh mentions of an entity a monitor
// rejected at that place. Used by retag and by both stores' upserts.
import type { Mention, RejectedSpan } from '../core/types.ts';

const overlaps = (a: RejectedSpan, b: Mention) => a.start < b.end && b.start < a.end;

export function mergeReviewed(
  fresh: Mention[],
  previous: Mention[],
  rejected: readonly RejectedSpan[] = [],
): Mention[] {
  // Fresh reviewed mentions (a re-imported human coding) replace stored ones in place.
  const freshReviewed = fresh.filter((m) => m.toneSource === 'review');
  const reviewed = previous.filter(
    (m) => m.toneSource === 'review' && !freshReviewed.some((f) => overlaps(f, m)),
  );
  // A rejection says "this is not entity X here"; another entity at the place may stand.
  const kept = fresh.filter(
    (m) =>
      m.toneSource === 'review' ||
      (!reviewed.some((r) => overlaps(r, m)) &&
        !rejected.some((r) => r.entity === m.entity && overlaps(r, m))),
  );
  return [...kept, ...reviewed].sort((a, b) => a.start - b.start);
}

/** Reviewed mentions still pointing at the same words of a (possibly edited) document. */
export function stillInPlace(reviewed: Mention[], doc: string): Mention[] {
  return reviewed.filter((m) => doc.slice(m.start, m.end) === m.surface);
}
