// Local vocabulary of the metrics: what is counted, how subjects are grouped, what comes out.
import type { Tone } from '../core/types.ts';

export type CoverageUnit = 'items' | 'mentions' | 'words' | 'seconds';
export type GroupBy = 'entity' | 'party' | 'outlet' | 'ownership';
export type Dedupe = 'each' | 'story';

export interface GroupOptions {
  unit: CoverageUnit;
  by: GroupBy;
  /**
   * The political subjects compared. When given, the result holds exactly these, in this
   * order (zero coverage included) and rows of anything else are ignored.
   */
  subjects?: string[];
  /** Party of an entity for by='party'; entities without one stand as their own subject. */
  partyOf?: (entity: string) => string | undefined;
  /** 'story' counts each story once per subject (its earliest copy). */
  dedupe?: Dedupe;
}

export interface ToneSplit {
  counts: Record<Tone, number>;
  /** Each tone's part of the subject's toned mentions; null when it has none. */
  shares: Record<Tone, number> | null;
}

export interface SubjectCoverage {
  subject: string;
  value: number;
  /** value / total; null when the total is zero. */
  share: number | null;
  /** share − 1/n; null when share is null. */
  gapToEqual: number | null;
  items: number;
  mentions: number;
  nameMentions: number;
  titleMentions: number;
  tone: ToneSplit;
}
