import { describe, expect, it } from 'vitest';
import { createProblemGroups, problemKind } from '../../../src/cli/output/problem-groups.ts';

describe('problem groups', () => {
  it('treats reasons that differ only in values and numbers as one kind', () => {
    expect(problemKind('publishedAt "2024-13-45" is not a date (line 7)')).toBe(
      problemKind('publishedAt "2024-02-30" is not a date (line 9123)'),
    );
    expect(problemKind('source.kind: expected one of "rss"')).not.toBe(
      problemKind('url: required'),
    );
  });

  it('logs a few examples, then one line per kind with first and last line', () => {
    const logged: string[] = [];
    const g = createProblemGroups({ log: (m) => logged.push(m), file: 'in.jsonl' });
    for (let line = 1; line <= 30_000; line++)
      g.add(line, `source.kind: "x${line % 7}" is not a kind`);
    g.add(30_001, 'url: required');
    expect(logged).toHaveLength(4); // three of the first kind, one of the second
    const summary = g.summary('in.rejects.jsonl');
    expect(summary).toEqual([
      '30,000 lines skipped: source.kind: "x1" is not a kind; first at line 1, last at line 30000',
      '1 line skipped: url: required; at line 30001',
      'every skipped line, with its number and reason: in.rejects.jsonl',
    ]);
    expect(g.count).toBe(30_001);
  });

  it('keeps the output short when every line fails in its own way', () => {
    const logged: string[] = [];
    const g = createProblemGroups({ log: (m) => logged.push(m), file: 'f' });
    const words = [
      'alpha',
      'beta',
      'gamma',
      'delta',
      'epsilon',
      'zeta',
      'eta',
      'theta',
      'iota',
      'kappa',
      'lambda',
      'mu',
    ];
    for (const [i, w] of words.entries()) g.add(i + 1, `field ${w} is wrong`);
    expect(logged).toHaveLength(10);
    const summary = g.summary('r');
    expect(summary).toHaveLength(10); // eight kinds, "4 more lines … 4 other reasons", where
    expect(summary[8]).toBe('4 more lines skipped for 4 other reasons');
  });
});
