import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoverageRow, Store } from '../../../src/core/store.ts';
import type { Context } from '../../../src/cli/context.ts';
import {
  ownershipLookup,
  registerImportSegments,
} from '../../../src/cli/commands/import-segments.ts';
import { importSegments } from '../../../src/pipeline/segments.ts';
import { sqliteStore } from '../../../src/store/sqlite/index.ts';
import { loadElection } from '../../../src/tagging/index.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURE = resolve(ROOT, 'test/fixtures/segments/aztv-2024-01.csv');
const election = loadElection(resolve(ROOT, 'dictionaries/az-2024-presidential'));

// Worked out by hand from the fixture (mm:ss and hh:mm:ss converted to seconds).
const EXPECTED: Record<string, { seconds: number; tone: CoverageRow['tone'] }> = {
  aliyev_ilham: { seconds: 185 + 90 + 240 + 200, tone: { positive: 4, neutral: 0, negative: 0 } },
  oruc_zahid: { seconds: 40 + 300, tone: { positive: 0, neutral: 2, negative: 0 } },
  mustafa_fazil: { seconds: 300, tone: { positive: 0, neutral: 1, negative: 0 } },
  nurullayev_razi: { seconds: 295, tone: { positive: 0, neutral: 1, negative: 0 } },
  hasanguliyev_gudrat: { seconds: 25, tone: { positive: 0, neutral: 0, negative: 1 } },
  musayev_elshad: { seconds: 60, tone: { positive: 0, neutral: 0, negative: 1 } },
};

function perEntity(rows: CoverageRow[]) {
  const out: Record<string, { seconds: number; tone: CoverageRow['tone'] }> = {};
  for (const r of rows) {
    const e = (out[r.entity] ??= { seconds: 0, tone: { positive: 0, neutral: 0, negative: 0 } });
    e.seconds += r.seconds;
    for (const t of ['positive', 'neutral', 'negative'] as const) e.tone[t] += r.tone[t];
  }
  return out;
}

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
  vi.restoreAllMocks();
});

describe('coded segments in the store', () => {
  it('give coverage seconds per subject equal to the coded durations, and re-import changes nothing', async () => {
    store = sqliteStore({ path: ':memory:' });
    const csv = readFileSync(FIXTURE, 'utf8');
    const deps = { entities: election.entities, ownershipOf: () => 'state' as const };
    const first = await store.upsertItems(importSegments(csv, deps).items);
    expect(first.map((o) => o.status)).toEqual(Array(10).fill('new'));

    const rows = await store.coverage({});
    expect(perEntity(rows)).toEqual(EXPECTED);
    expect(new Set(rows.map((r) => r.sourceId))).toEqual(new Set(['aztv']));
    expect(rows.every((r) => r.kind === 'transcript' && r.ownership === 'state')).toBe(true);
    expect(await store.countItems({ entities: ['oruc_zahid'], tone: 'neutral' })).toBe(2);

    const again = await store.upsertItems(importSegments(csv, deps).items);
    expect(again.map((o) => o.status)).toEqual(Array(10).fill('unchanged'));

    // A corrected tone is an update of the same item, not a new one.
    const fixed = csv.replace('21:09,40,oruc_zahid,neutral', '21:09,40,oruc_zahid,negative');
    const third = await store.upsertItems(importSegments(fixed, deps).items);
    expect(third.filter((o) => o.status === 'updated')).toHaveLength(1);
    expect(await store.countItems()).toBe(10);
    expect(perEntity(await store.coverage({ entities: ['oruc_zahid'] })).oruc_zahid?.tone).toEqual({
      positive: 0,
      neutral: 1,
      negative: 1,
    });
  });
});

describe('monitor import-segments', () => {
  it('matches channels to the source list by id or name, ignoring case', () => {
    const of = ownershipLookup([
      { id: 'itv', name: 'İctimai Televiziya', ownership: 'public' },
      { id: 'aztv', name: 'AzTV', ownership: 'state' },
    ]);
    expect(of('AZTV', 'whatever')).toBe('state');
    expect(of('ictimai_televiziya', 'İctimai Televiziya')).toBe('public');
    expect(of('kanal_13', 'Kanal 13')).toBeUndefined();
  });

  it('stores the file, reports skipped rows as FILE:ROW and exits with 2', async () => {
    store = sqliteStore({ path: ':memory:' });
    const warned: string[] = [];
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      out.push(String(s));
      return true;
    });
    const s = store;
    const ctx = {
      // The real source list: AzTV is listed there as state-owned.
      config: { sources: 'crawlers/sites/azerbaijan.yaml' },
      log: { debug() {}, info() {}, warn: (m: string) => warned.push(m), error() {} },
      tagger: () => ({ election }),
      store: async () => s,
      close: async () => {},
    } as unknown as Context;
    const run = async () => {
      const program = new Command().exitOverride();
      registerImportSegments(program, () => ctx);
      await program.parseAsync(['node', 'monitor', 'import-segments', FIXTURE]);
    };
    const exitCode = process.exitCode;
    try {
      await run();
      expect(process.exitCode).toBe(2);
      await run();
    } finally {
      process.exitCode = exitCode;
    }
    expect(warned).toEqual([
      expect.stringMatching(/aztv-2024-01\.csv:10: skipped: unknown subject "qurbanov_ali"/),
      expect.stringMatching(/aztv-2024-01\.csv:10: skipped: unknown subject "qurbanov_ali"/),
    ]);
    expect(out).toEqual([
      'imported 10 segments (10 new/0 updated/0 unchanged), 1 rows skipped\n',
      'imported 10 segments (0 new/0 updated/10 unchanged), 1 rows skipped\n',
    ]);
    const rows = await s.coverage({ ownership: ['state'] });
    expect(perEntity(rows)).toEqual(EXPECTED);
  });
});
