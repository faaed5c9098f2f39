// An election's dictionaries as the tagger uses them.
import type { EntityType } from '../core/types.ts';

export interface SurnameRules {
  commonWord: boolean;
  firstNameToo: boolean;
  notBefore: string[];
}

export interface EntityDef {
  id: string;
  type: EntityType;
  name: string;
  /** The name in English outputs, when it differs. */
  nameEn?: string | undefined;
  party: string | null;
  registered: string | null;
  withdrew: string | null;
  /** Always count (full names, aliases, former names). */
  names: string[];
  initials: string[];
  /** Upper case only, endings allowed (YAP-ın). */
  abbreviations: string[];
  /** Count only when context settles who is meant. */
  surnames: string[];
  surnameRules: SurnameRules;
  titles: string[];
}

/** A person or organisation that is not counted but must not be mistaken for an entity. */
export interface NamesakeDef {
  id: string;
  names: string[];
  initials: string[];
  surnames: string[];
  surnameRules: SurnameRules;
}

export interface TopicDef {
  id: string;
  name: string;
  terms: string[];
}

export interface Election {
  id: string;
  name: string;
  /** The election's name in each output language. */
  names: { az: string; en: string };
  /** Changes whenever any dictionary file changes; recorded on every mention. */
  version: string;
  votingDay: string;
  campaignStart: string;
  campaignEnd: string;
  silenceStart: string;
  incumbent: string | null;
  entities: EntityDef[];
  namesakes: NamesakeDef[];
  topics: TopicDef[];
  titleRules: { foreignBefore: string[]; foreignAfter: string[]; settles: string[] };
  dir: string;
}

export const NO_SURNAME_RULES: SurnameRules = {
  commonWord: false,
  firstNameToo: false,
  notBefore: [],
};
