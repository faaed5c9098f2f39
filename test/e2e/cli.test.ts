// The command line as users run it: help, configuration errors, tag, ingest exit codes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMonitor } from '../helpers/run-monitor.ts';

const dir = mkdtempSync(join(tmpdir(), 'monitor-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('monitor command line', () => {
  it('has --help for every subcommand', async () => {
    const top = await runMonitor(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('MONITOR_DATA_DIR');
    const commands = [
      'start',
      'serve',
      'crawl',
      'ingest',
      'demo',
      'extract',
      'tag',
      'retag',
      'metrics',
      'migrate',
      'import-segments',
    ];
    for (const c of commands) expect(top.stdout, c).toMatch(new RegExp(`\\n\\s+${c}\\b`));
    const ingest = await runMonitor(['ingest', '--help']);
    expect(ingest.stdout).toMatch(/Exit code: 0 when every line was stored, 2/);
  });

  it('stops on a bad setting, naming it and what is allowed', async () => {
    const r = await runMonitor(['serve'], { env: { MONITOR_STORE: 'mysql' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/MONITOR_STORE="mysql".*sqlite.*elasticsearch/s);
  });

  it('tags JSON Lines from stdin and reports a bad line', async () => {
    const input = [
      JSON.stringify({
        id: 'a',
        title: 'Seçki',
        text: 'Namizəd Razi Nurullayevin görüşü Şəkidə keçib.',
      }),
      '{broken',
      JSON.stringify({ id: 'b', text: 'Кандидат Захид Орудж встретился с избирателями в Гяндже.' }),
    ].join('\n');
    const r = await runMonitor(['tag'], { input, env: { MONITOR_DATA_DIR: dir } });
    expect(r.code).toBe(2);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            id: string;
            lang: string;
            mentions: Array<{ entity: string; surface: string }>;
          },
      );
    expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
    expect(lines[0]).toMatchObject({
      lang: 'az',
      mentions: [{ entity: 'nurullayev_razi', surface: 'Razi Nurullayevin' }],
    });
    expect(lines[1]?.lang).toBe('ru');
    expect(lines[1]?.mentions.map((m) => m.entity)).toEqual(['oruc_zahid']);
    expect(r.stderr).toMatch(/"line":2/);
  });

  it('ingests good lines, reports bad ones by number, and exits 2', async () => {
    const file = join(dir, 'items.jsonl');
    const rec = (n: number) =>
      JSON.stringify({
        url: `https://x.example/${n}`,
        title: `Xəbər ${n}`,
        text: 'Fazil Mustafa seçicilərlə görüşüb.',
        publishedAt: '2024-01-20T10:00:00+04:00',
        source: { id: 'x', name: 'X', kind: 'import', ownership: 'private' },
      });
    writeFileSync(file, [rec(1), 'not json', rec(2)].join('\n'));
    const r = await runMonitor(['ingest', file], { env: { MONITOR_DATA_DIR: join(dir, 'data') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/items\.jsonl:2: skipped: not valid JSON/);
    expect(r.stdout).toMatch(/3 lines, 2 new, 0 updated, 0 unchanged, 0 duplicates, 1 skipped/);
  });
});
