// transcript: WebVTT / SRT caption files (TV news) → one item per file, cues kept so
// that airtime can be measured in seconds.
import type { RawItem } from '../../src/core/types.ts';
import type { Source } from '../../src/core/source.ts';
import type { CrawlContext, Crawler } from '../types.ts';
import { toIsoDate } from '../dates.ts';
import { perUrl } from '../per-url.ts';
import { readInputs } from '../read-input.ts';
import { sourceRef } from '../source-ref.ts';
import { sha256 } from '../text.ts';
import { cuesToText, parseCaptions } from './parse-cues.ts';

/** "aztv-xeberler-2024-01-20-2100.vtt" → 2024-01-20T21:00 Baku time. */
export function dateFromName(name: string, now: Date): string | null {
  const m = /(\d{4})-?(\d{2})-?(\d{2})(?:[-_T ]?(\d{2})[:-]?(\d{2}))?/.exec(name);
  if (!m) return null;
  const [, y, mo, d, hh, mm] = m;
  return toIsoDate(`${d}.${mo}.${y}${hh ? ` ${hh}:${mm}` : ''}`, now);
}

function titleFromName(source: Source, name: string): string {
  const base = name
    .replace(/\.(vtt|srt)$/i, '')
    .replace(/[_-]+/g, ' ')
    .trim();
  return `${source.name}: ${base}`;
}

export function transcriptCrawler(): Crawler {
  async function* crawlLocation(source: Source, location: string, ctx: CrawlContext) {
    for await (const file of readInputs(location, /\.(vtt|srt)$/i, ctx)) {
      const parsed = parseCaptions(file.text);
      if (parsed.length === 0) {
        ctx.skip(file.url, 'no readable cues (not WebVTT or SRT?)');
        continue;
      }
      const now = ctx.now();
      const { text, cues } = cuesToText(parsed);
      const item: RawItem = {
        url: file.url,
        title: titleFromName(source, file.name),
        text,
        cues,
        publishedAt: dateFromName(file.name, now),
        fetchedAt: now.toISOString(),
        source: sourceRef(source),
        rawHash: sha256(file.text),
      };
      yield item;
    }
  }
  return {
    kind: 'transcript',
    crawl: (source, ctx) => perUrl(source, ctx, (loc) => crawlLocation(source, loc, ctx)),
  };
}
