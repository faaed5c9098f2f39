// robots.txt per origin, cached: fetched once a day, Crawl-delay passed to the pacer.
import robotsParserModule from 'robots-parser';

// robots-parser is CommonJS (module.exports = fn); its typings describe a default export.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

export interface RobotsRules {
  isAllowed(url: string, ua: string): boolean;
  crawlDelayMs(ua: string): number | undefined;
}

const ALLOW_ALL: RobotsRules = { isAllowed: () => true, crawlDelayMs: () => undefined };

export interface RobotsCache {
  rules(origin: string, allowPrivate: boolean): Promise<RobotsRules>;
}

/**
 * `load` fetches `${origin}/robots.txt` and returns its text, or null when there is
 * none (4xx) or it cannot be read (then everything is allowed, as most crawlers do).
 */
export function createRobotsCache(opts: {
  load: (robotsUrl: string, allowPrivate: boolean) => Promise<string | null>;
  now: () => number;
  ttlMs?: number;
}): RobotsCache {
  const ttl = opts.ttlMs ?? 24 * 3600 * 1000;
  const cache = new Map<string, { at: number; rules: Promise<RobotsRules> }>();

  async function fetchRules(origin: string, allowPrivate: boolean): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`;
    let text: string | null;
    try {
      text = await opts.load(robotsUrl, allowPrivate);
    } catch {
      text = null;
    }
    if (text === null) return ALLOW_ALL;
    const robot = robotsParser(robotsUrl, text);
    return {
      isAllowed: (url, ua) => robot.isAllowed(url, ua) !== false,
      crawlDelayMs: (ua) => {
        const s = robot.getCrawlDelay(ua);
        return typeof s === 'number' && s > 0 ? Math.min(s, 120) * 1000 : undefined;
      },
    };
  }

  return {
    rules(origin, allowPrivate) {
      const key = `${allowPrivate ? 'p' : 'g'} ${origin}`;
      const hit = cache.get(key);
      if (hit && opts.now() - hit.at < ttl) return hit.rules;
      const rules = fetchRules(origin, allowPrivate);
      cache.set(key, { at: opts.now(), rules });
      return rules;
    },
  };
}
