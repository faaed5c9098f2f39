// The dictionary format: one folder per election with election.yaml, candidates.yaml,
// parties.yaml and topics.yaml. These schemas are the format's single home; the loader
// maps every problem back to the file and line at fault.
import { z } from 'zod';

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are lower_snake_case');
const folderId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'election ids are lower-case-with-hyphens');
const version = z.union([z.string().min(1), z.number()]).transform(String);
const phrases = z.array(z.string().min(1)).default([]);
const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.union([z.iso.date(), isoDateTime]);

export const electionFileSchema = z.strictObject({
  version,
  id: folderId,
  name: z.string().min(1),
  /** The election's name in each output language (report titles). */
  names: z.strictObject({ az: z.string().min(1), en: z.string().min(1) }).optional(),
  kind: z.string().optional(),
  country: z.string().optional(),
  votingDay: isoDateTime,
  campaignStart: isoDateTime,
  campaignEnd: isoDateTime,
  silenceStart: isoDateTime,
  /** Candidate the official titles (Prezident, dövlət başçısı...) refer to. */
  incumbent: id.optional(),
  /** Take a file from a sibling election folder instead of repeating it. */
  reuse: z.strictObject({ parties: folderId.optional(), topics: folderId.optional() }).optional(),
});

/** Rules for a bare surname, which counts only once context settles who is meant. */
const surnameRules = z.strictObject({
  /** Also an ordinary word (oruc = fasting): must be capitalised. */
  commonWord: z.boolean().default(false),
  /** Also a first name (Mustafa): not when a capitalised word follows. */
  firstNameToo: z.boolean().default(false),
  /** Next words that show another meaning (Oruc ayı). */
  notBefore: phrases,
});

/** The name in English outputs (Ilham Aliyev, New Azerbaijan Party); `name` otherwise. */
const nameEn = z.string().min(1).optional();

const person = {
  id,
  name: z.string().min(1),
  nameEn,
  /** Full names and aliases; they always count. */
  names: phrases,
  /** Initials forms (Z.Oruc, İ.Əliyev); they always count. */
  initials: phrases,
  /** Bare surnames; they count only with context. */
  surnames: phrases,
  surnameRules: surnameRules.optional(),
};

export const titleRulesSchema = z.strictObject({
  /** A title right after these words is someone else's (Türkiyə Prezidenti). */
  foreignBefore: phrases,
  /** A title right before these words is someone else's (Prezident Ərdoğan) or no person (prezident seçkiləri). */
  foreignAfter: phrases,
  /** Words right before a bare surname that settle it as the incumbent (Cumhurbaşkanı Aliyev). */
  settles: phrases,
});

export const candidatesFileSchema = z.strictObject({
  version,
  candidates: z
    .array(
      z.strictObject({
        ...person,
        party: id.nullable().default(null),
        nominatedBy: z.string().optional(),
        registered: isoDate.nullable().default(null),
        withdrew: isoDate.nullable().default(null),
        /** Official-capacity references (incumbent only), reported as kind 'title'. */
        titles: phrases,
      }),
    )
    .default([]),
  /** People who must not be counted but who settle what a bare surname means. */
  namesakes: z.array(z.strictObject(person)).default([]),
  titleRules: titleRulesSchema.optional(),
});

export const partiesFileSchema = z.strictObject({
  version,
  parties: z.array(
    z.strictObject({
      id,
      name: z.string().min(1),
      nameEn,
      names: phrases,
      /** Matched only in upper case (YAP, BQP, REAL), with endings (YAP-ın). */
      abbreviations: phrases,
      former: phrases,
    }),
  ),
  /** Other organisations and phrases that contain a party's words but are not it. */
  others: z.array(z.strictObject({ id, names: phrases })).default([]),
});

export const topicsFileSchema = z.strictObject({
  version,
  topics: z.array(
    z.strictObject({
      id,
      name: z.string().min(1),
      /** Each word is a stem: "seçici görüş" matches "seçicilərlə görüşüb". */
      terms: z.array(z.string().min(1)).min(1),
    }),
  ),
});

export const toneLexiconSchema = z.strictObject({
  version,
  lang: z.enum(['az', 'ru', 'en', 'tr']),
  /** Words that flip the tone of a nearby term (не, not, deyil). */
  negators: phrases,
  /** Whether verbs are negated by an infix (az/tr -ma/-mə): dəstəkləmir. */
  verbNegation: z.boolean().default(false),
  positive: phrases,
  negative: phrases,
});

export type ElectionFile = z.output<typeof electionFileSchema>;
export type CandidatesFile = z.output<typeof candidatesFileSchema>;
export type PartiesFile = z.output<typeof partiesFileSchema>;
export type TopicsFile = z.output<typeof topicsFileSchema>;
export type ToneLexiconFile = z.output<typeof toneLexiconSchema>;
