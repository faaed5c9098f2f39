import type { Source } from '../src/core/source.ts';
import type { CrawlContext } from './types.ts';

/** Crawls each of a source's URLs; one failing URL is reported and the others still run. */
export async function* perUrl<T>(
  source: Source,
  ctx: CrawlContext,
  crawlOne: (url: string) => AsyncIterable<T>,
): AsyncIterable<T> {
  for (const url of source.urls) {
    try {
      yield* crawlOne(url);
    } catch (err) {
      ctx.fail(url, err);
    }
  }
}
