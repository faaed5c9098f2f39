// What a user sees from `monitor ingest` on a long file: a progress line that moves, and
// a few grouped lines (not one per line) when many lines share a defect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MONITOR_BIN, runMonitor } from '../helpers/run-monitor.ts';
import { hasScript, runInTerminal } from '../helpers/run-in-terminal.ts';

const N = 30_000;
let dir: string;

function line(i: number, kind = 'rss'): string {
  return JSON.stringify({
    url: `https://example.az/xeber/${i}`,
    title: `Xəbər ${i}`,
    text: `Zahid Oruc bu gün ${i} seçici ilə görüşdü.`,
    publishedAt: '2024-01-20T09:00:00Z',
    source: { id: 'demo_ingest', name: 'Demo xəbər', kind, ownership: 'private' },
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ingest-output-'));
  writeFileSync(join(dir, 'good.jsonl'), Array.from({ length: N }, (_, i) => line(i)).join('\n'));
  writeFileSync(
    join(dir, 'bad.jsonl'),
    Array.from({ length: N }, (_, i) => line(i, 'newspaper')).join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('monitor ingest output', () => {
  it.skipIf(!hasScript)('redraws a progress line on a terminal', async () => {
    const r = await runInTerminal(
      [process.execPath, MONITOR_BIN, 'ingest', join(dir, 'good.jsonl'), '--batch', '250'],
      {
        env: { MONITOR_DATA_DIR: join(dir, 'data-tty') },
      },
    );
    expect(r.code).toBe(0);
    // Each frame: the label, a growing count, the share of the file read and the rate.
    const frames = [...r.output.matchAll(/ingest \S+good\.jsonl {2}([\d,]+) items {2}(\d+)%/g)];
    expect(frames.length).toBeGreaterThanOrEqual(5);
    const counts = frames.map((f) => Number(f[1]!.replace(/,/g, '')));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(new Set(counts).size).toBeGreaterThanOrEqual(5);
    // Frames replace each other (erase line) instead of scrolling.
    expect(r.output).toContain('\u001b[2K');
    expect(r.output).toContain(`${N} lines, ${N} new`);
  });

  it('groups 30,000 lines with one defect into a few lines and keeps them in a rejects file', async () => {
    const r = await runMonitor(['ingest', join(dir, 'bad.jsonl')], {
      env: { MONITOR_DATA_DIR: join(dir, 'data-bad') },
    });
    expect(r.code).toBe(2);
    const printed = `${r.stdout}${r.stderr}`.trim().split('\n');
    expect(printed.length).toBeLessThanOrEqual(20);
    expect(r.stderr).toMatch(
      /30,000 lines skipped: source\.kind: .*first at line 1, last at line 30000/,
    );
    const rejectsPath = join(dir, 'bad.rejects.jsonl');
    expect(r.stderr).toContain(rejectsPath);
    const rejects = readFileSync(rejectsPath, 'utf8').trim().split('\n');
    expect(rejects).toHaveLength(N);
    const first = JSON.parse(rejects[0]!) as { rejected: { line: number }; item: { url: string } };
    expect(first.rejected.line).toBe(1);
    expect(first.item.url).toBe('https://example.az/xeber/0');

    // Fixed in place, the rejects file is ingested as it stands.
    writeFileSync(
      rejectsPath,
      readFileSync(rejectsPath, 'utf8').replaceAll('"newspaper"', '"rss"'),
    );
    const again = await runMonitor(['ingest', rejectsPath], {
      env: { MONITOR_DATA_DIR: join(dir, 'data-bad') },
    });
    expect(again.stdout).toContain(`${N} lines, ${N} new`);
    expect(again.code).toBe(0);
  });
});
