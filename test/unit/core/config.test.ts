import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/core/config.ts';
import { FatalError } from '../../../src/core/errors.ts';

describe('configuration', () => {
  it('has defaults for every setting', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      dataDir: './data',
      store: 'sqlite',
      port: 8080,
      chromiumPath: '/usr/bin/chromium',
    });
    expect(c.esUrl).toBeUndefined();
  });

  it('reads MONITOR_* variables and coerces numbers', () => {
    const c = loadConfig({
      MONITOR_PORT: '9090',
      MONITOR_DATA_DIR: '/tmp/x',
      MONITOR_SCHEDULER: 'false',
    });
    expect(c.port).toBe(9090);
    expect(c.dataDir).toBe('/tmp/x');
    expect(c.scheduler).toBe(false);
  });

  it('stops with every bad setting named and what is allowed', () => {
    let err: unknown;
    try {
      loadConfig({ MONITOR_STORE: 'mongo', MONITOR_PORT: '70000' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FatalError);
    const msg = (err as Error).message;
    expect(msg).toContain('MONITOR_STORE="mongo"');
    expect(msg).toMatch(/sqlite.*elasticsearch/);
    expect(msg).toContain('MONITOR_PORT="70000"');
  });

  it('needs an Elasticsearch URL when that backend is chosen', () => {
    expect(() => loadConfig({ MONITOR_STORE: 'elasticsearch' })).toThrow(/MONITOR_ES_URL/);
    expect(
      loadConfig({ MONITOR_STORE: 'elasticsearch', MONITOR_ES_URL: 'http://127.0.0.1:9200' }).esUrl,
    ).toBe('http://127.0.0.1:9200');
  });
});
