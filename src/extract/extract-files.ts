// `monitor extract FILE...`: one JSON line per file, errors reported in-line so that one
// unreadable file does not hide the others.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { Extractor } from '../core/types.ts';
import { errorMessage } from '../core/errors.ts';
import { decodeHtml } from './decode.ts';

export interface ExtractFilesDeps {
  extractor: Extractor;
  /** Used when the page does not declare its language. */
  detectLanguage?: (text: string) => string;
}

export async function extractFiles(
  files: string[],
  out: NodeJS.WritableStream,
  deps: ExtractFilesDeps,
): Promise<{ ok: number; failed: number }> {
  let ok = 0;
  let failed = 0;
  for (const file of files) {
    let line: Record<string, unknown>;
    try {
      const bytes = await readFile(file);
      const html = decodeHtml(isGzip(bytes) ? gunzipSync(bytes) : bytes);
      const r = deps.extractor.extract(html);
      const lang = r.lang ?? (deps.detectLanguage && r.text ? deps.detectLanguage(r.text) : null);
      line = {
        file,
        title: r.title,
        text: r.text,
        publishedAt: r.publishedAt,
        author: r.author,
        lang,
      };
      ok++;
    } catch (err) {
      line = { file, error: errorMessage(err) };
      failed++;
    }
    out.write(`${JSON.stringify(line)}\n`);
  }
  return { ok, failed };
}

function isGzip(bytes: Buffer): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}
