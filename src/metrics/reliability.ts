// Reliability of coding: agreement between monitors who coded the same items (double
// coding) and between the tagger and the monitors who reviewed its tags.
import type { Coding, ReviewRecord } from '../core/types.ts';
import { krippendorffAlpha } from './krippendorff.ts';

export interface AgreementSummary {
  /** Krippendorff's alpha, nominal; null when undefined (see `reason`). */
  alpha: number | null;
  /** The same with tone ranked positive < neutral < negative. */
  alphaOrdinal: number | null;
  reason?: string;
  /** Units (item × entity, or reviewed mention) with two or more values. */
  units: number;
  coders: number;
  /** Pairs of values within those units. */
  pairs: number;
  /** Percentage of those pairs that agree; null without pairs. */
  agreement: number | null;
}

export interface ReliabilityReport {
  /** Independent double codings of tone. */
  tone: AgreementSummary;
  /** Automatic tone against the tone a monitor accepted or corrected. */
  automatic: AgreementSummary;
}

function summarise(units: Array<Array<string | null>>, coders: number): AgreementSummary {
  let pairs = 0;
  let agreeing = 0;
  let pairable = 0;
  for (const u of units) {
    const vals = u.filter((v) => v !== null);
    if (vals.length < 2) continue;
    pairable++;
    for (let i = 0; i < vals.length; i++)
      for (let j = i + 1; j < vals.length; j++) {
        pairs++;
        if (vals[i] === vals[j]) agreeing++;
      }
  }
  const nominal = krippendorffAlpha(units, 'nominal');
  const ordinal = krippendorffAlpha(units, 'ordinal');
  return {
    alpha: nominal.alpha,
    alphaOrdinal: ordinal.alpha,
    ...(nominal.reason ? { reason: nominal.reason } : {}),
    units: pairable,
    coders,
    pairs,
    agreement: pairs ? Math.round((agreeing / pairs) * 1000) / 10 : null,
  };
}

/** Tone units from double codings: one unit per (item, entity), one slot per coder. */
export function codingUnits(codings: readonly Coding[]): {
  units: Array<Array<string | null>>;
  coders: string[];
} {
  const coders = [...new Set(codings.map((c) => c.coder))].sort();
  const slot = new Map(coders.map((c, i) => [c, i]));
  const byUnit = new Map<string, Array<string | null>>();
  for (const c of codings) {
    const key = `${c.itemId}\u0000${c.entity}`;
    const unit = byUnit.get(key) ?? coders.map((): string | null => null);
    unit[slot.get(c.coder)!] = c.tone;
    byUnit.set(key, unit);
  }
  return { units: [...byUnit.values()], coders };
}

/**
 * Automatic-vs-reviewed units: per reviewed mention, the tone the tagger gave (the `before`
 * of its first review) and the tone it has after the last one. Rejected mentions drop out:
 * their tone was never in question, their existence was.
 */
export function reviewUnits(log: readonly ReviewRecord[]): Array<Array<string | null>> {
  const byMention = new Map<string, { auto: string | null; reviewed: string | null }>();
  for (const r of log) {
    if (!r.before) continue;
    const key = `${r.itemId}\u0000${r.before.start}\u0000${r.before.end}`;
    if (r.action === 'reject') {
      byMention.delete(key);
      continue;
    }
    if (!r.after) continue;
    const seen = byMention.get(key) ?? { auto: null, reviewed: null };
    const wasAuto = r.before.toneSource === 'auto' && (r.before.status ?? 'auto') === 'auto';
    if (seen.auto === null && wasAuto) seen.auto = r.before.tone;
    seen.reviewed = r.after.tone;
    byMention.set(key, seen);
  }
  return [...byMention.values()].map((u) => [u.auto, u.reviewed]);
}

export function reliabilityReport(
  codings: readonly Coding[],
  log: readonly ReviewRecord[] = [],
): ReliabilityReport {
  const tone = codingUnits(codings);
  return {
    tone: summarise(tone.units, tone.coders.length),
    // Two "coders": the tagger and the monitors.
    automatic: summarise(reviewUnits(log), 2),
  };
}
