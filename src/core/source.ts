// A source is data: one outlet or channel, how to reach it and when.
import { z } from 'zod';
import { LANGS, OWNERSHIPS, SOURCE_KINDS } from './types.ts';

const selectorsSchema = z
  .object({
    title: z.string().optional(),
    body: z.string().optional(),
    date: z.string().optional(),
    author: z.string().optional(),
    remove: z.array(z.string()).optional(),
    links: z.string().optional(),
  })
  .strict();

export const sourceSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'lower-case letters, digits, _ . - (e.g. "apa_az")'),
    name: z.string().min(1),
    /** The outlet's name in English outputs, when it differs (İctimai Televiziya → Public Television). */
    nameEn: z.string().min(1).optional(),
    kind: z.enum(SOURCE_KINDS),
    /** Feeds, listing pages, sitemaps, channel previews, or files for import/transcript. */
    urls: z.array(z.string().min(1)).min(1),
    /** Cron syntax as node-cron reads it (5 or 6 fields). */
    schedule: z.string().default('*/30 * * * *'),
    languages: z.array(z.enum(LANGS)).default([]),
    ownership: z.enum(OWNERSHIPS),
    selectors: selectorsSchema.optional(),
    enabled: z.boolean().default(true),
    /** Allow fetching private or loopback addresses (demo and fixture sites only). */
    allowPrivate: z.boolean().default(false),
    /** Fetch article pages linked from the feed instead of using the feed's summary. */
    fetchArticles: z.boolean().default(true),
    /** Send a browser-like User-Agent (some agencies refuse others). */
    browserUserAgent: z.boolean().default(false),
    notes: z.string().optional(),
  })
  .strict();

export type Source = z.infer<typeof sourceSchema>;
export type SourceInput = z.input<typeof sourceSchema>;

export const sourceListSchema = z.object({
  version: z.union([z.string(), z.number()]).transform(String),
  sources: z.array(sourceSchema),
});
