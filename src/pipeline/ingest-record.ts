// The JSON Lines record `monitor ingest` accepts: items collected elsewhere.
import { z } from 'zod';
import { LANGS, OWNERSHIPS, SOURCE_KINDS, type RawItem } from '../core/types.ts';

export const ingestRecordSchema = z.object({
  url: z.string().min(1),
  title: z.string().default(''),
  text: z.string().default(''),
  publishedAt: z.string().nullable().default(null),
  source: z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    kind: z.enum(SOURCE_KINDS).default('import'),
    ownership: z.enum(OWNERSHIPS),
  }),
  lang: z.enum([...LANGS, 'und']).optional(),
  author: z.string().nullable().optional(),
  views: z.number().nullable().optional(),
  forwardedFrom: z.string().nullable().optional(),
  cues: z
    .array(
      z.object({
        startSec: z.number(),
        endSec: z.number(),
        charStart: z.number().int(),
        charEnd: z.number().int(),
      }),
    )
    .optional(),
});

/** Parses one line; throws an Error whose message says what is wrong with it. */
export function parseIngestLine(line: string): RawItem {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (err) {
    throw new Error(`not valid JSON (${(err as Error).message})`);
  }
  const r = ingestRecordSchema.safeParse(json);
  if (!r.success) {
    throw new Error(
      r.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; '),
    );
  }
  if (!r.data.title.trim() && !r.data.text.trim()) throw new Error('needs a title or a text');
  return r.data;
}
