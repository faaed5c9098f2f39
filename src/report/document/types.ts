// The report as plain data: what buildReport finds, what the HTML/PDF/DOCX renderers print.
import type { Ownership, SourceKind, Tone } from '../../core/types.ts';
import type { ChartDataMap, ChartKind } from '../charts/index.ts';
import type { MetricsReport } from '../../metrics/index.ts';

export type ReportKind = 'interim' | 'final';
export type ReportLang = 'az' | 'en';

export interface ReportOptions {
  kind: ReportKind;
  lang: ReportLang;
  /** Overrides the start of the period covered (ISO date or date-time). */
  from?: string;
  /** Overrides the end of the period covered (exclusive for a date-time). */
  to?: string;
  generatedAt?: Date;
}

export interface ReportSource {
  id: string;
  name: string;
  kind: SourceKind;
  ownership: Ownership;
  enabled: boolean;
}

export interface CandidateRow {
  entity: string;
  name: string;
  party: string | null;
  items: number;
  mentions: number;
  /** Share of all candidate mentions; null when there were none. */
  share: number | null;
  tone: Record<Tone, number>;
  toneShares: Record<Tone, number> | null;
}

export interface OutletShares {
  outlet: string;
  outletName: string;
  /** null for an outlet missing from the source list (e.g. imported records). */
  ownership: Ownership | null;
  totalMentions: number;
  /** Candidate id → share of the outlet's candidate mentions (null when it has none). */
  shares: Record<string, number | null>;
  mentions: Record<string, number>;
}

export interface IncumbentFinding {
  entity: string;
  name: string;
  officialMentions: number;
  candidateMentions: number;
  officialShare: number | null;
}

export interface ToneExtreme {
  entity: string;
  name: string;
  mentions: number;
  positiveShare: number;
  negativeShare: number;
  /** positive share − negative share. */
  net: number;
}

export interface OutletFinding {
  outlet: string;
  outletName: string;
  /** null for an outlet missing from the source list (e.g. imported records). */
  ownership: Ownership | null;
  totalMentions: number;
  top: { entity: string; name: string; share: number; mentions: number } | null;
  incumbent: IncumbentFinding | null;
  mostFavourable: ToneExtreme | null;
  leastFavourable: ToneExtreme | null;
  /** Short sentences generated from the numbers above, in the report's language. */
  sentences: string[];
}

export interface SilenceItem {
  itemId: string;
  outlet: string;
  outletName: string;
  publishedAt: string;
  period: 'silence' | 'voting-day';
  title: string;
  url: string;
  entities: string[];
}

export interface SourceCompleteness {
  sourceId: string;
  name: string;
  enabled: boolean;
  fetches: number;
  failures: number;
  lastSuccessAt: string | null;
  lastFetchAt: string | null;
  pausedReason: string | null;
  lastError: string | null;
  items: number;
}

export interface FailureEvent {
  sourceId: string;
  name: string;
  at: string;
  status: number | null;
  error: string | null;
  url: string;
}

export interface ReportChart<K extends ChartKind = ChartKind> {
  kind: K;
  title: string;
  data: ChartDataMap[K];
}

export interface ReportModel {
  kind: ReportKind;
  lang: ReportLang;
  generatedAt: string;
  title: string;
  election: {
    id: string;
    name: string;
    votingDay: string;
    campaignStart: string;
    silenceStart: string;
    incumbent: string | null;
  };
  period: {
    from: string;
    /** Query bound (exclusive). */
    to: string;
    /** Publication time of the newest item inside the period, if any. */
    lastItemAt: string | null;
  };
  methodology: {
    sources: ReportSource[];
    units: Array<{ unit: 'items' | 'mentions' | 'words' | 'seconds'; text: string }>;
    dictionaryVersions: string[];
    mentions: number;
    reviewedMentions: number;
    reviewedShare: number | null;
    paragraphs: string[];
    indicesNote: string;
  };
  coverage: {
    totalItems: number;
    totalMentions: number;
    candidates: CandidateRow[];
    outlets: OutletShares[];
    indices: MetricsReport['indices'];
    notes: string[];
  };
  charts: ReportChart[];
  findings: OutletFinding[];
  silence: { items: SilenceItem[]; total: number };
  completeness: { sources: SourceCompleteness[]; failures: FailureEvent[]; failuresTotal: number };
}
