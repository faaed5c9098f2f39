// Coverage per political subject in one unit: value, share of voice, gap to the equal
// share, mention counts and tone split.
import type { CoverageRow } from '../core/store.ts';
import type { Tone } from '../core/types.ts';
import { dedupeRows, subjectKeyFn } from './contributions.ts';
import type { GroupOptions, SubjectCoverage, ToneSplit } from './types.ts';

const TONES: readonly Tone[] = ['positive', 'neutral', 'negative'];

interface Tally {
  value: number;
  /** Distinct items; after story deduplication one per story, so this is the 'items' value. */
  items: Set<string>;
  mentions: number;
  nameMentions: number;
  titleMentions: number;
  tone: Record<Tone, number>;
}

function emptyTally(): Tally {
  return {
    value: 0,
    items: new Set(),
    mentions: 0,
    nameMentions: 0,
    titleMentions: 0,
    tone: { positive: 0, neutral: 0, negative: 0 },
  };
}

export function toneSplit(counts: Record<Tone, number>): ToneSplit {
  const total = TONES.reduce((s, t) => s + counts[t], 0);
  const shares =
    total === 0
      ? null
      : {
          positive: counts.positive / total,
          neutral: counts.neutral / total,
          negative: counts.negative / total,
        };
  return { counts: { ...counts }, shares };
}

/**
 * Sums coverage rows per subject. Without `subjects`, every subject seen is reported,
 * largest first (ties by id); with it, exactly those subjects in that order.
 */
export function aggregateCoverage(rows: CoverageRow[], opts: GroupOptions): SubjectCoverage[] {
  const wanted = opts.subjects ? new Set(opts.subjects) : null;
  const include = (s: string) => wanted === null || wanted.has(s);
  const kept = dedupeRows(rows, opts.dedupe);
  const keyOf = subjectKeyFn(opts);

  const tallies = new Map<string, Tally>();
  for (const s of opts.subjects ?? []) tallies.set(s, emptyTally());
  const tallyOf = (s: string) => {
    let t = tallies.get(s);
    if (!t) tallies.set(s, (t = emptyTally()));
    return t;
  };

  for (const r of kept) {
    const s = keyOf(r);
    if (!include(s)) continue;
    const t = tallyOf(s);
    t.items.add(r.itemId);
    if (opts.unit !== 'items') t.value += r[opts.unit];
    t.mentions += r.mentions;
    t.nameMentions += r.nameMentions;
    t.titleMentions += r.titleMentions;
    for (const tone of TONES) t.tone[tone] += r.tone[tone];
  }

  if (opts.unit === 'items') for (const t of tallies.values()) t.value = t.items.size;
  const total = [...tallies.values()].reduce((s, t) => s + t.value, 0);
  const n = tallies.size;
  const out: SubjectCoverage[] = [...tallies].map(([subject, t]) => {
    const share = total > 0 ? t.value / total : null;
    return {
      subject,
      value: t.value,
      share,
      gapToEqual: share === null ? null : share - 1 / n,
      items: t.items.size,
      mentions: t.mentions,
      nameMentions: t.nameMentions,
      titleMentions: t.titleMentions,
      tone: toneSplit(t.tone),
    };
  });
  if (!opts.subjects) {
    out.sort((a, b) => b.value - a.value || (a.subject < b.subject ? -1 : 1));
  }
  return out;
}
