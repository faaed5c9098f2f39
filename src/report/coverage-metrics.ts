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
  type IncumbentSplit,
  type SilenceViolation,
} from '../metrics/index.ts';
import { intersectBounds } from '../store/time.ts';

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

export interface CoverageMetrics extends MetricsReport {
  election: string;
  period: PeriodId | null;
  incumbent: IncumbentSplit | null;
  silenceViolations: SilenceViolation[];
}

export async function computeMetrics(
  store: Store,
  election: Election,
  p: MetricsParams,
): Promise<CoverageMetrics> {
  const period = p.period ? periodsOf(election).find((x) => x.id === p.period) : undefined;
  const { from, to } = period
    ? intersectBounds(
        { from: p.from, to: p.to },
        { from: period.start ?? undefined, to: period.end ?? undefined },
      )
    : { from: p.from, to: p.to };
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
