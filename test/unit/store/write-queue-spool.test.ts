// The spool on disk: order, numbering across restarts, torn lines, the done marker.
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spoolFile, type SpoolEntry } from '../../../src/store/write-queue/spool.ts';
import { deadLetterFile } from '../../../src/store/elasticsearch/dead-letter.ts';

const path = () => join(mkdtempSync(join(tmpdir(), 'spool-')), 'queue.jsonl');

async function all<T>(batches: AsyncIterable<SpoolEntry<T>[]>): Promise<SpoolEntry<T>[][]> {
  const out: SpoolEntry<T>[][] = [];
  for await (const b of batches) out.push(b);
  return out;
}

describe('spoolFile', () => {
  it('gives entries back in order, in batches, and keeps them across a reopen', async () => {
    const p = path();
    const a = spoolFile<string>(p);
    expect(await a.append('upsert', ['a', 'b', 'c'])).toBe(3);
    expect(await a.append('import', ['d', 'e'])).toBe(5);
    const b = spoolFile<string>(p);
    expect(await b.size()).toBe(5);
    const batches = await all(b.pending(2));
    expect(batches.map((x) => x.map((e) => `${e.seq}:${e.op}:${e.value}`))).toEqual([
      ['1:upsert:a', '2:upsert:b'],
      ['3:upsert:c', '4:import:d'],
      ['5:import:e'],
    ]);
  });

  it('skips what was committed, empties the file at the end and keeps numbering', async () => {
    const p = path();
    const a = spoolFile<number>(p);
    await a.append('upsert', [10, 11, 12]);
    await a.commit(2);
    expect(await a.size()).toBe(1);
    expect(readFileSync(`${p}.done`, 'utf8')).toBe('2');
    // A restart after a partial drain resumes after the marker.
    const b = spoolFile<number>(p);
    expect((await all(b.pending(10))).flat().map((e) => e.value)).toEqual([12]);
    await b.commit(3);
    expect(readFileSync(p, 'utf8')).toBe('');
    // The marker stays at 3: new entries must get higher numbers or they would be skipped.
    const c = spoolFile<number>(p);
    await c.append('upsert', [13]);
    const [[entry]] = (await all(spoolFile<number>(p).pending(10))) as [[SpoolEntry<number>]];
    expect(entry).toMatchObject({ seq: 4, value: 13 });
  });

  it('cuts a line torn by a crash and appends cleanly after it', async () => {
    const p = path();
    const a = spoolFile<string>(p);
    await a.append('upsert', ['one', 'two']);
    appendFileSync(p, '{"seq":3,"op":"upsert","value":"thr');
    const logs: string[] = [];
    const b = spoolFile<string>(p, (m) => void logs.push(m));
    expect(await b.size()).toBe(2);
    expect(logs.join()).toMatch(/half-written/);
    await b.append('upsert', ['three']);
    const entries = (await all(spoolFile<string>(p).pending(10))).flat();
    expect(entries.map((e) => [e.seq, e.value])).toEqual([
      [1, 'one'],
      [2, 'two'],
      [3, 'three'],
    ]);
  });

  it('sets an unreadable line aside instead of dropping it', async () => {
    const p = path();
    writeFileSync(p, '{"seq":1,"op":"upsert","value":"ok"}\nnot json\n');
    const s = spoolFile<string>(p, () => {});
    expect(await s.size()).toBe(1);
    expect(readFileSync(`${p}.unreadable`, 'utf8')).toBe('not json\n');
  });
});

describe('deadLetterFile.take', () => {
  it('keeps taken entries on disk until finish(), so a crash replays them', async () => {
    const p = path();
    const dl = deadLetterFile(p);
    const entry = {
      at: 't',
      action: 'index' as const,
      index: 'i',
      id: '1',
      status: null,
      error: 'x',
    };
    await dl.write([entry]);
    const first = await dl.take();
    expect(first.entries).toEqual([entry]);
    // "Crash": finish() never runs. New failures meanwhile go to a fresh file.
    await dl.write([{ ...entry, id: '2' }]);
    const again = await dl.take();
    expect(again.entries.map((e) => e.id)).toEqual(['1']);
    await again.finish();
    const next = await dl.take();
    expect(next.entries.map((e) => e.id)).toEqual(['2']);
    await next.finish();
    expect(existsSync(`${p}.replaying`)).toBe(false);
    expect((await dl.take()).entries).toEqual([]);
  });
});
