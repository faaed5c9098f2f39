// buildReport: everything a report says, as plain data, read from the store through the
// same metrics the dashboard and `monitor metrics` use.
import type { Store } from '../../core/store.ts';
import type { Ownership } from '../../core/types.ts';
import { INDICES_LABEL } from '../../metrics/index.ts';
import type { Election } from '../../tagging/index.ts';
import { chartLabels } from '../charts/index.ts';
import { computeMetrics } from '../coverage-metrics.ts';
import { completeness } from './completeness.ts';
import { outletFinding } from './findings.ts';
import { methodology } from './methodology.ts';
import { reportPeriod } from './period.ts';
import { textsOf } from './texts.ts';
import type {
  CandidateRow,
  OutletShares,
  ReportChart,
  ReportModel,
  ReportOptions,
  SilenceItem,
} from './types.ts';

/** Silence-period items listed in full; the total is always given. */
export const SILENCE_LISTED = 200;

export async function buildReport(
  store: Store,
  election: Election,
  opts: ReportOptions,
): Promise<ReportModel> {
  const now = opts.generatedAt ?? new Date();
  const texts = textsOf(opts.lang);
  const range = reportPeriod(election, opts.kind, now, { from: opts.from, to: opts.to });
  const params = { unit: 'mentions', by: 'entity', type: 'candidate', ...range } as const;
  const overall = await computeMetrics(store, election, params);
  // computeMetrics types its extra fields loosely; these are what it puts there.
  const violations = overall.silenceViolations;

  const entityName = new Map(election.entities.map((e) => [e.id, e.name]));
  const nameOf = (id: string) => entityName.get(id) ?? id;
  const sourceList = await store.listSources();
  const outletInfo = new Map<string, { name: string; ownership: Ownership }>(
    sourceList.map((s) => [s.id, { name: s.name, ownership: s.ownership }]),
  );
  const counted = await store.counts({ ...range, entityType: 'candidate', by: ['source'] });
  const outletIds = [
    ...new Set([...sourceList.map((s) => s.id), ...counted.map((c) => c.source!)]),
  ];

  const candidates: CandidateRow[] = overall.subjects.map((s) => ({
    entity: s.entity,
    name: nameOf(s.entity),
    party: election.entities.find((e) => e.id === s.entity)?.party ?? null,
    items: s.items,
    mentions: s.value,
    share: s.share,
    tone: s.tone,
    toneShares: s.toneShares,
  }));

  const outlets: OutletShares[] = [];
  const findings = [];
  for (const id of outletIds) {
    const m = await computeMetrics(store, election, { ...params, filter: { sources: [id] } });
    const info = outletInfo.get(id);
    const ownership = info?.ownership ?? null;
    const outletName = info?.name ?? id;
    outlets.push({
      outlet: id,
      outletName,
      ownership,
      totalMentions: m.total,
      shares: Object.fromEntries(m.subjects.map((s) => [s.entity, s.share])),
      mentions: Object.fromEntries(m.subjects.map((s) => [s.entity, s.value])),
    });
    findings.push(
      outletFinding(
        {
          outlet: id,
          outletName,
          ownership,
          metrics: m,
          incumbent: m.incumbent,
        },
        opts.lang,
        nameOf,
      ),
    );
  }
  const byName = (a: { outletName: string }, b: { outletName: string }) =>
    a.outletName < b.outletName ? -1 : a.outletName > b.outletName ? 1 : 0;
  outlets.sort(byName);
  findings.sort(byName);

  const silenceItems: SilenceItem[] = [];
  for (const v of violations.slice(0, SILENCE_LISTED)) {
    const item = await store.getItem(v.itemId);
    silenceItems.push({
      itemId: v.itemId,
      outlet: v.sourceId,
      outletName: outletInfo.get(v.sourceId)?.name ?? item?.source.name ?? v.sourceId,
      publishedAt: v.publishedAt,
      period: v.period,
      title: item?.title ?? '',
      url: item?.url ?? '',
      entities: v.entities.map(nameOf),
    });
  }

  const latest = await store.search({ ...range, sort: 'date', limit: 1 });
  const subjectNames = Object.fromEntries(entityName);
  const outletNames = Object.fromEntries(outlets.map((o) => [o.outlet, o.outletName]));
  const days = await store.counts({ ...range, entityType: 'candidate', by: ['entity', 'day'] });
  const titles = chartLabels(opts.lang).titles;
  const charts: ReportChart[] = [
    {
      kind: 'share-by-outlet',
      title: titles.shareByOutlet,
      data: {
        rows: outlets.flatMap((o) =>
          Object.entries(o.mentions).map(([subject, value]) => ({
            outlet: o.outlet,
            subject,
            value,
          })),
        ),
        unit: 'mentions',
        subjectNames,
        outletNames,
      },
    },
    {
      kind: 'coverage-over-time',
      title: titles.coverageOverTime,
      data: {
        rows: days.map((d) => ({ date: d.day!, subject: d.entity!, value: d.mentions })),
        unit: 'mentions',
        subjectNames,
      },
    },
    {
      kind: 'tone-by-subject',
      title: titles.toneBySubject,
      data: {
        subjects: overall.subjects.map((s) => ({ subject: s.entity, ...s.tone })),
        subjectNames,
      },
    },
    {
      kind: 'lorenz',
      title: titles.lorenz,
      data: {
        values: overall.subjects.map((s) => ({ subject: s.entity, value: s.value })),
        unit: 'mentions',
        subjectNames,
      },
    },
  ];

  return {
    kind: opts.kind,
    lang: opts.lang,
    generatedAt: now.toISOString(),
    title: texts.title(opts.kind, election.name),
    election: {
      id: election.id,
      name: election.name,
      votingDay: election.votingDay,
      campaignStart: election.campaignStart,
      silenceStart: election.silenceStart,
      incumbent: election.incumbent,
    },
    period: { ...range, lastItemAt: latest.hits[0]?.item.publishedAt ?? null },
    methodology: await methodology(store, election, range, opts.lang, INDICES_LABEL[opts.lang]),
    coverage: {
      totalItems: await store.countItems({ ...range, entityType: 'candidate' }),
      totalMentions: overall.total,
      candidates,
      outlets,
      indices: overall.indices,
      notes: overall.notes,
    },
    charts,
    findings,
    silence: { items: silenceItems, total: violations.length },
    completeness: await completeness(store),
  };
}
