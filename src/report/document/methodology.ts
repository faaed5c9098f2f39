// How the figures were made: sources, period, units, dictionary versions and the share of
// mentions a monitor reviewed. Read from the stored items, so it describes this data.
import type { Store } from '../../core/store.ts';
import type { Election } from '../../tagging/index.ts';
import { bakuTime, percent, textsOf } from './texts.ts';
import type { ReportLang, ReportModel, ReportSource } from './types.ts';

export interface ReviewStats {
  mentions: number;
  reviewed: number;
  versions: string[];
}

/** Mentions of the election's entities in items published in [from, to). */
export async function reviewStats(
  store: Store,
  election: Election,
  range: { from: string; to: string },
): Promise<ReviewStats> {
  // Candidates only, so the count matches the coverage tables.
  const ids = new Set(election.entities.filter((e) => e.type === 'candidate').map((e) => e.id));
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  const versions = new Set<string>();
  let mentions = 0;
  let reviewed = 0;
  // The Store has no filtered scan; one pass over all items is fine for a report.
  for await (const batch of store.scanItems(1000)) {
    for (const item of batch) {
      const at = item.publishedAt ? Date.parse(item.publishedAt) : NaN;
      if (!(at >= from && at < to)) continue;
      for (const m of item.mentions) {
        if (!ids.has(m.entity)) continue;
        mentions++;
        if (m.toneSource === 'review') reviewed++;
        versions.add(m.dictionaryVersion);
      }
    }
  }
  return { mentions, reviewed, versions: [...versions].sort() };
}

export async function methodology(
  store: Store,
  election: Election,
  range: { from: string; to: string },
  lang: ReportLang,
  indicesNote: string,
): Promise<ReportModel['methodology']> {
  const t = textsOf(lang).methodology;
  const sources: ReportSource[] = (await store.listSources())
    .map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      ownership: s.ownership,
      enabled: s.enabled,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const stats = await reviewStats(store, election, range);
  const reviewedShare = stats.mentions > 0 ? stats.reviewed / stats.mentions : null;
  const versions = stats.versions.length > 0 ? stats.versions.join(', ') : election.version;
  const units = (['items', 'mentions', 'words', 'seconds'] as const).map((unit) => ({
    unit,
    text: t.unitText[unit],
  }));
  return {
    sources,
    units,
    dictionaryVersions: stats.versions,
    mentions: stats.mentions,
    reviewedMentions: stats.reviewed,
    reviewedShare,
    paragraphs: [
      t.period(bakuTime(range.from), bakuTime(range.to)),
      t.tagging(versions),
      stats.mentions > 0
        ? t.review(stats.reviewed, stats.mentions, percent(reviewedShare, lang))
        : t.noMentions,
      t.tables,
    ],
    indicesNote,
  };
}
