import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createProgress, formatDuration, progressText } from '../../../src/cli/output/progress.ts';

/** A stream that keeps what was written, posing as a terminal or not. */
function capture(tty: boolean) {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY: tty, columns: 120, rows: 40 });
  return { stream, chunks };
}

describe('progress', () => {
  it('says count, total, share, rate and time left', () => {
    expect(progressText('ingest a.jsonl', 'items', 2500, 5000, { total: 10_000 })).toBe(
      'ingest a.jsonl  2,500/10,000 items  25%  500 items/s  about 15 s left',
    );
    // A share known from bytes read, with no total: the time left comes from the share.
    expect(
      progressText('ingest -', 'items', 100, 10_000, { fraction: 0.5, detail: '3 skipped' }),
    ).toBe('ingest -  100 items  50%  10 items/s  about 10 s left  3 skipped');
    expect(formatDuration(3725)).toBe('1 h 02 min');
    expect(formatDuration(61)).toBe('1 min 01 s');
  });

  it('writes a plain line at most every interval when the output is not a terminal', () => {
    const { stream, chunks } = capture(false);
    let t = 0;
    const p = createProgress({
      label: 'retag',
      unit: 'items',
      total: 100,
      stream,
      now: () => t,
      plainEveryMs: 10_000,
    });
    for (let i = 1; i <= 100; i++) {
      t += 1000; // one item a second: 100 s in all
      p.update(i);
    }
    p.finish('retagged 100 items');
    const lines = chunks.join('').trim().split('\n');
    // A line every 10 s over 100 s, then the summary; no terminal escapes.
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatch(
      /info {2}retag {2}10\/100 items {2}10% {2}1 items\/s {2}about 1 min 30 s left$/,
    );
    expect(lines.at(-1)).toBe('retagged 100 items');
    expect(chunks.join('')).not.toContain('\u001b[');
  });

  it('redraws one line on a terminal, no more often than the redraw interval', () => {
    const { stream, chunks } = capture(true);
    let t = 0;
    const p = createProgress({
      label: 'migrate',
      unit: 'items',
      total: 1000,
      stream,
      now: () => t,
      redrawMs: 200,
    });
    for (let i = 1; i <= 1000; i++) {
      t += 10; // 10 s in all: at most 50 redraws
      p.update(i);
    }
    p.finish('migrated 1000 items');
    const out = chunks.join('');
    const frames = out.split('migrate  ').length - 1;
    expect(frames).toBe(50);
    // Each later frame erases the one before instead of adding a line.
    expect(out).toContain('\u001b[2K');
    expect(out.endsWith('migrated 1000 items\n')).toBe(true);
  });
});
