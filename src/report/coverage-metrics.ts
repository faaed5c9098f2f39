// Coverage metrics over the store for one election: picks the subjects from the
// dictionaries, the rows from the store, and hands both to the pure metrics.
import type { ItemFilter, Store } from '../core/store.ts';
import type { Election } from '../tagging/index.ts';
import {
  electionPeriods,
  incumbentSplit,
  metricsReport,
  silenceViolations,
  type CoverageUnit,
  type Dedupe,
  type GroupBy,
  type MetricsReport,
  type PeriodId,
} from '../metrics/index.ts';

export interface MetricsParams {
  unit: CoverageUnit;
  by: GroupBy;
  type?: 'candidate' | 'party';
  from?: string;
  to?: string;
  period?: PeriodId;
  dedupe?: Dedupe;
  filter?: Omit<ItemFilter, 'from' | 'to' | 'q'>;
  bootstrap?: boolean;
}

export const STATE_EVENT_TOPICS = ['state_event'];

export function periodsOf(election: Election) {
  return electionPeriods({
    campaignStart: election.campaignStart,
    campaignEnd: election.campaignEnd,
    silenceStart: election.silenceStart,
    votingDay: election.votingDay,
  });
}

export async function computeMetrics(
  store: Store,
  election: Election,
  p: MetricsParams,
): Promise<MetricsReport & Record<string, unknown>> {
  let { from, to } = p;
  if (p.period) {
    const period = periodsOf(election).find((x) => x.id === p.period);
    from = period?.start ?? undefined;
    to = period?.end ?? undefined;
  }
  const type = p.type ?? 'candidate';
  const entities = election.entities;
  const subjects =
    p.by === 'entity'
      ? entities.filter((e) => e.type === type).map((e) => e.id)
      : p.by === 'party'
        ? entities.filter((e) => e.type === 'party').map((e) => e.id)
        : undefined;
  const rows = await store.coverage({
    ...p.filter,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(p.by === 'entity' ? { entityType: type } : {}),
  });
  const party = new Map(entities.map((e) => [e.id, e.party ?? undefined]));
  const report = metricsReport(rows, {
    unit: p.unit,
    by: p.by,
    dedupe: p.dedupe ?? 'each',
    from: from ?? null,
    to: to ?? null,
    partyOf: (id) => party.get(id),
    ...(subjects ? { subjects } : {}),
    ...(p.bootstrap ? { bootstrap: { iterations: 500, seed: 1, level: 0.95 } } : {}),
  });
  const candidates = entities.filter((e) => e.type === 'candidate').map((e) => e.id);
  return {
    ...report,
    election: election.id,
    period: p.period ?? null,
    incumbent: election.incumbent
      ? incumbentSplit(rows, election.incumbent, { stateEventTopics: STATE_EVENT_TOPICS })
      : null,
    silenceViolations: silenceViolations(rows, periodsOf(election), candidates),
  };
}
