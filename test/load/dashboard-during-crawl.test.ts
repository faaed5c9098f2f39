// The dashboard answers while a crawl runs at full speed: the real `monitor start`
// (server and crawler in one process) crawls a fixture news site on 127.0.0.1 with no
// pause between requests, while 50 virtual users load its API. Speed is printed only.
import { describe, expect, it } from 'vitest';
import { loadDuringCrawl } from '../../bench/load/during-crawl.ts';
import { formatLoadReport } from '../../bench/load/run-load.ts';

describe('dashboard during a full-speed crawl', () => {
  it('answers every request, well-formed, while the crawl stores all its items', async () => {
    const r = await loadDuringCrawl({
      site: { outlets: 4, feedsPerOutlet: 2, itemsPerFeed: 40, chars: 1000 },
      users: 50,
      maxRequests: 6000,
      durationMs: 20_000,
    });
    console.log(formatLoadReport(r.report, `API load during a crawl of ${r.articles} articles`));
    console.log(
      `crawl stored ${r.finalItems}/${r.articles} items; ${r.itemsAtStop} when the load stopped; ` +
        `${r.answeredWhileRising} answers while the count was rising; counts seen: ${[...new Set(r.counts.map((c) => c.items))].join(', ')}`,
    );
    expect(r.report.scenarios.flatMap((s) => s.errorMessages)).toEqual([]);
    expect(r.report.errors).toBe(0);
    expect(r.report.requests).toBeGreaterThan(200);
    // The crawl finished: every article the site links was stored, none lost to the load.
    expect(r.target).toBe(r.articles);
    expect(r.finalItems).toBe(r.target);
    // Interleaving: answers came back while the store was part-way filled, and the count
    // was seen at several stages, not only empty and full.
    const partial = new Set(
      r.counts.filter((c) => c.items > 0 && c.items < r.target).map((c) => c.items),
    );
    expect(partial.size).toBeGreaterThanOrEqual(2);
    expect(r.answeredWhileRising).toBeGreaterThan(50);
    // The monitor logged no errors while under load.
    expect(r.stderr).not.toMatch(/error/i);
  }, 60_000);
});
