import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FatalError } from '../../../src/core/errors.ts';
import { loadElection } from '../../../src/tagging/index.ts';
import { DICTIONARIES } from './helpers.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the presidential folder with one file changed. */
function copyWith(file: string, edit: (src: string) => string): string {
  const root = mkdtempSync(join(tmpdir(), 'dict-'));
  dirs.push(root);
  const dir = join(root, 'az-2024-presidential');
  cpSync(join(DICTIONARIES, 'az-2024-presidential'), dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

describe('dictionaries', () => {
  it('load both 2024 elections with the shared entity ids', () => {
    const p = loadElection(join(DICTIONARIES, 'az-2024-presidential'));
    expect(p.entities.filter((e) => e.type === 'candidate').map((e) => e.id)).toEqual([
      'aliyev_ilham',
      'oruc_zahid',
      'mustafa_fazil',
      'hasanguliyev_gudrat',
      'nurullayev_razi',
      'musayev_elshad',
      'aliyev_fuad',
    ]);
    expect(p.votingDay).toBe('2024-02-07T08:00:00+04:00');
    const q = loadElection(join(DICTIONARIES, 'az-2024-parliamentary'));
    expect(q.entities.map((e) => e.id)).toContain('yap');
    expect(q.version).not.toBe(p.version);
  });

  it('name the file and line of a schema error', () => {
    const dir = copyWith('candidates.yaml', (s) => s.replace('party: bqp', 'party: 42'));
    const line =
      readFileSync(join(dir, 'candidates.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('party: 42')) + 1;
    const err = errorOf(() => loadElection(dir));
    expect(err).toBeInstanceOf(FatalError);
    expect(err.message).toContain(`candidates.yaml:${line}: candidates.2.party`);
  });

  it('name the line of an unknown party and of a bad date', () => {
    const dir = copyWith('candidates.yaml', (s) => s.replace('party: bqp', 'party: no_such_party'));
    const line =
      readFileSync(join(dir, 'candidates.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('no_such_party')) + 1;
    expect(errorOf(() => loadElection(dir)).message).toContain(
      `candidates.yaml:${line}: party "no_such_party"`,
    );
    const dir2 = copyWith('election.yaml', (s) =>
      s.replace("'2024-01-15T00:00:00+04:00'", 'next week'),
    );
    expect(errorOf(() => loadElection(dir2)).message).toMatch(/election\.yaml:\d+: campaignStart/);
  });

  it('name the line of a YAML syntax error', () => {
    const dir = copyWith('parties.yaml', (s) => s.replace('  - id: musavat', '  - id: [musavat'));
    expect(errorOf(() => loadElection(dir)).message).toMatch(/parties\.yaml:\d+: /);
  });
});
