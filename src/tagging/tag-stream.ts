// `monitor tag`: JSON Lines in, one JSON line out per input; a bad line is reported on
// the errors stream and processing continues.
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { LANGS, type Lang, type LanguageDetector, type Tagger } from '../core/types.ts';

export interface TagStreamDeps {
  tagger: Tagger;
  detector: LanguageDetector;
  /** Where `{"line": n, "error": "..."}` goes for malformed lines (default: dropped). */
  errors?: NodeJS.WritableStream;
}

const inputSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  title: z.string().optional(),
  lang: z.enum([...LANGS, 'und']).optional(),
});

function write(stream: NodeJS.WritableStream, line: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(line + '\n')) resolve();
    else stream.once('drain', () => resolve());
  });
}

export async function tagStream(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  deps: TagStreamDeps,
): Promise<{ lines: number; errors: number }> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lines = 0;
  let errors = 0;
  for await (const raw of rl) {
    lines++;
    if (raw.trim() === '') continue;
    let item: z.output<typeof inputSchema>;
    try {
      const parsed = inputSchema.safeParse(JSON.parse(raw));
      if (!parsed.success)
        throw new Error(
          parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        );
      item = parsed.data;
    } catch (err) {
      errors++;
      const message = err instanceof Error ? err.message : String(err);
      if (deps.errors) await write(deps.errors, JSON.stringify({ line: lines, error: message }));
      continue;
    }
    const lang: Lang =
      item.lang ?? deps.detector.detect(item.title ? `${item.title}\n\n${item.text}` : item.text);
    const mentions = deps.tagger
      .tag({ title: item.title, text: item.text, lang })
      .map(({ entity, type, kind, start, end, surface, tone }) => ({
        entity,
        type,
        kind,
        start,
        end,
        surface,
        tone,
      }));
    await write(output, JSON.stringify({ id: item.id, lang, mentions }));
  }
  return { lines, errors };
}
