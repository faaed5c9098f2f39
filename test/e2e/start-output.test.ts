// `monitor start` with every source unreachable (as on a machine without network): a few
// lines with the dashboard, the store and one summary, not three lines per source.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONITOR_BIN, runMonitor } from '../helpers/run-monitor.ts';

const SOURCES = 25;
let dir: string;

/** A port on 127.0.0.1 that nothing listens on: every connection is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'monitor-start-output-'));
  const port = await closedPort();
  const sources = Array.from({ length: SOURCES }, (_, i) => ({
    id: `outlet_${i}`,
    name: `Outlet ${i}`,
    kind: 'rss',
    ownership: 'private',
    allowPrivate: true,
    urls: [`http://127.0.0.1:${port}/feed/${i}.xml`],
  }));
  writeFileSync(join(dir, 'sources.yaml'), stringify({ version: 1, sources }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = () => ({
  MONITOR_DATA_DIR: join(dir, 'data'),
  MONITOR_SOURCES: join(dir, 'sources.yaml'),
  MONITOR_PORT: '0',
  MONITOR_HOST_DELAY_MS: '0',
  MONITOR_SCHEDULER: 'false',
});

describe('monitor start without reachable sources', () => {
  it('prints a few lines and one summary', { timeout: 120_000 }, async () => {
    const child = spawn(process.execPath, [MONITOR_BIN, 'start'], {
      env: { ...process.env, ...env() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    for (let i = 0; i < 900 && !out.includes('first round done'); i++)
      await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGTERM');
    await exited;
    expect(out).toMatch(
      /first round done in \d+ s: 0 of 25 sources reachable: check the network; 25 failing \(25 connection refused or dropped\)/,
    );
    const lines = out.trim().split('\n');
    expect(lines.length, out).toBeLessThanOrEqual(8);
    expect(out).toContain('Dashboard: http://127.0.0.1:');

    // monitor status tells the same per source, with the reason in words.
    const status = await runMonitor(['status'], { env: env() });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('0 of 25 sources reachable: check the network');
    expect(status.stdout).toMatch(
      /outlet_7 +failing +— +0 +\d{4}-\d\d-\d\d \d\d:\d\d +connection refused or dropped/,
    );
  });
});
