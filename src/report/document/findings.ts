// Per-outlet findings: the numbers of one outlet, and short sentences that state them.
import type { MetricsReport, IncumbentSplit } from '../../metrics/index.ts';
import { percent, points, textsOf } from './texts.ts';
import type { OutletFinding, ReportLang, ToneExtreme } from './types.ts';

/** A candidate needs this many toned mentions in an outlet before its tone is compared. */
export const MIN_TONE_MENTIONS = 3;

export interface OutletInput {
  outlet: string;
  outletName: string;
  ownership: OutletFinding['ownership'];
  metrics: Pick<MetricsReport, 'subjects' | 'total'>;
  incumbent: IncumbentSplit | null;
}

function toneExtremes(
  subjects: MetricsReport['subjects'],
  nameOf: (id: string) => string,
): { best: ToneExtreme | null; worst: ToneExtreme | null; toned: number } {
  const scored: ToneExtreme[] = [];
  for (const s of subjects) {
    const toned = s.tone.positive + s.tone.neutral + s.tone.negative;
    if (toned < MIN_TONE_MENTIONS) continue;
    const positiveShare = s.tone.positive / toned;
    const negativeShare = s.tone.negative / toned;
    scored.push({
      entity: s.entity,
      name: nameOf(s.entity),
      mentions: toned,
      positiveShare,
      negativeShare,
      net: positiveShare - negativeShare,
    });
  }
  if (scored.length === 0) return { best: null, worst: null, toned: 0 };
  // Ties go to the candidate with more mentions, then the id, so output is stable.
  const order = (a: ToneExtreme, b: ToneExtreme) =>
    b.net - a.net || b.mentions - a.mentions || (a.entity < b.entity ? -1 : 1);
  scored.sort(order);
  return {
    best: scored[0] ?? null,
    worst: scored[scored.length - 1] ?? null,
    toned: scored.length,
  };
}

export function outletFinding(
  input: OutletInput,
  lang: ReportLang,
  nameOf: (id: string) => string,
): OutletFinding {
  const t = textsOf(lang).findings;
  const total = input.metrics.total;
  const ranked = [...input.metrics.subjects].sort(
    (a, b) => b.value - a.value || (a.entity < b.entity ? -1 : 1),
  );
  const first = ranked[0];
  const top =
    first && first.share !== null && first.value > 0
      ? {
          entity: first.entity,
          name: nameOf(first.entity),
          share: first.share,
          mentions: first.value,
        }
      : null;
  const inc = input.incumbent;
  const incumbent = inc
    ? {
        entity: inc.entity,
        name: nameOf(inc.entity),
        officialMentions: inc.official.mentions,
        candidateMentions: inc.candidate.mentions,
        officialShare: inc.officialMentionShare,
      }
    : null;
  const { best, worst, toned } = toneExtremes(input.metrics.subjects, nameOf);

  const sentences: string[] = [];
  if (!top) sentences.push(t.noMentions);
  else {
    const tied = ranked.filter((x) => x.value === top.mentions);
    const pct = percent(top.share, lang);
    sentences.push(
      tied.length > 1
        ? t.topTied(
            input.outletName,
            tied.map((x) => nameOf(x.entity)).join(', '),
            pct,
            top.mentions,
            total,
          )
        : t.top(input.outletName, top.name, pct, top.mentions, total),
    );
    if (incumbent) {
      const n = incumbent.officialMentions + incumbent.candidateMentions;
      sentences.push(
        n === 0
          ? t.noIncumbent(incumbent.name)
          : t.incumbent(
              incumbent.name,
              n,
              incumbent.officialMentions,
              percent(incumbent.officialShare, lang),
              incumbent.candidateMentions,
            ),
      );
    }
    if (best && worst && best.entity !== worst.entity && best.net === worst.net) {
      sentences.push(t.toneEven(toned, points(best.net, lang)));
    } else if (best && worst && best.entity !== worst.entity) {
      sentences.push(
        t.tone(best.name, points(best.net, lang), worst.name, points(worst.net, lang)),
      );
    } else if (best) {
      sentences.push(t.toneSame(best.name, points(best.net, lang)));
    }
  }
  return {
    outlet: input.outlet,
    outletName: input.outletName,
    ownership: input.ownership,
    totalMentions: total,
    top,
    incumbent,
    mostFavourable: best,
    leastFavourable: worst,
    sentences,
  };
}
