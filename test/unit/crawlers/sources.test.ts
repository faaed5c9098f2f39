import { describe, expect, it } from 'vitest';
import { loadSources, parseSources } from '../../../crawlers/sites/load.ts';
import { FatalError } from '../../../src/core/errors.ts';

describe('source list', () => {
  it('loads the bundled Azerbaijan list', () => {
    const sources = loadSources('crawlers/sites/azerbaijan.yaml');
    const byId = new Map(sources.map((s) => [s.id, s]));
    expect(byId.get('azertag')).toMatchObject({
      kind: 'rss',
      ownership: 'state',
      browserUserAgent: true,
    });
    expect(byId.get('itv')?.ownership).toBe('public');
    expect(sources.filter((s) => s.kind === 'telegram' && s.enabled).length).toBeGreaterThan(0);
    for (const s of sources.filter((x) => x.enabled)) {
      expect(s.allowPrivate, s.id).toBe(false);
      for (const u of s.urls) expect(u, s.id).toMatch(/^https:\/\//);
    }
  });

  it('names the file and line of every problem', () => {
    const text = `version: 1
sources:
  - id: ok_one
    name: OK
    kind: rss
    urls: [https://a.example/rss]
    ownership: private
  - id: Bad Id
    name: Bad
    kind: fax
    urls: [https://b.example/]
    ownership: private
    schedule: 'every minute'
`;
    try {
      parseSources(text, 'list.yaml');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(FatalError);
      const msg = (err as Error).message;
      expect(msg).toMatch(/list\.yaml:8: sources\.1\.id: lower-case letters/);
      expect(msg).toMatch(/list\.yaml:10: sources\.1\.kind:/);
    }
  });

  it('rejects bad cron schedules, duplicate ids and broken YAML', () => {
    const one = (id: string, schedule: string) =>
      `  - {id: ${id}, name: X, kind: rss, urls: [https://x.example/], ownership: private, schedule: '${schedule}'}\n`;
    expect(() =>
      parseSources(`version: 1\nsources:\n${one('a', 'every minute')}`, 'f.yaml'),
    ).toThrow(/f\.yaml:3: source "a": schedule "every minute" is not valid cron/);
    expect(() =>
      parseSources(
        `version: 1\nsources:\n${one('a', '* * * * *')}${one('a', '* * * * *')}`,
        'f.yaml',
      ),
    ).toThrow(/f\.yaml:4: duplicate source id "a"/);
    expect(() => parseSources('version: 1\nsources: [\n', 'f.yaml')).toThrow(/f\.yaml:\d+: /);
  });
});
