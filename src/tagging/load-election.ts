// Loads one election folder, validates every file and checks references across files.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { FatalError } from '../core/errors.ts';
import {
  candidatesFileSchema,
  electionFileSchema,
  partiesFileSchema,
  topicsFileSchema,
} from './dictionary-schema.ts';
import { NO_SURNAME_RULES, type Election, type EntityDef, type NamesakeDef } from './election.ts';
import { readYaml } from './yaml-file.ts';

function fileIn(dir: string, name: string, reuseFrom: string | undefined): string {
  return reuseFrom ? join(dirname(dir), reuseFrom, name) : join(dir, name);
}

export function loadElection(dir: string): Election {
  const root = resolve(dir);
  const electionPath = join(root, 'election.yaml');
  if (!existsSync(electionPath))
    throw new FatalError(`${electionPath}: no election.yaml in ${dir}`);
  const election = readYaml(electionPath, electionFileSchema);
  const e = election.value;
  const candidatesPath = join(root, 'candidates.yaml');
  const candidates = existsSync(candidatesPath)
    ? readYaml(candidatesPath, candidatesFileSchema)
    : null;
  const parties = readYaml(fileIn(root, 'parties.yaml', e.reuse?.parties), partiesFileSchema);
  const topicsPath = fileIn(root, 'topics.yaml', e.reuse?.topics);
  const topics = existsSync(topicsPath) ? readYaml(topicsPath, topicsFileSchema) : null;

  const problems: string[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, where: string) => {
    const before = seen.get(id);
    if (before) problems.push(`${where}: id "${id}" is already used at ${before}`);
    else seen.set(id, where);
  };
  const entities: EntityDef[] = [];
  parties.value.parties.forEach((p, i) => {
    claim(p.id, `${parties.file}:${parties.lineOf(['parties', i, 'id'])}`);
    entities.push({
      ...p,
      type: 'party',
      names: [...p.names, ...p.former],
      initials: [],
      surnames: [],
      surnameRules: NO_SURNAME_RULES,
      titles: [],
      party: null,
      registered: null,
      withdrew: null,
    });
  });
  const partyIds = new Set(parties.value.parties.map((p) => p.id));
  const namesakes: NamesakeDef[] = parties.value.others.map((o) => ({
    ...o,
    initials: [],
    surnames: [],
    surnameRules: NO_SURNAME_RULES,
  }));
  if (candidates) {
    const c = candidates.value;
    c.candidates.forEach((cand, i) => {
      const where = `${candidates.file}:${candidates.lineOf(['candidates', i, 'id'])}`;
      claim(cand.id, where);
      if (cand.party && !partyIds.has(cand.party)) {
        const line = candidates.lineOf(['candidates', i, 'party']);
        problems.push(`${candidates.file}:${line}: party "${cand.party}" is not in parties.yaml`);
      }
      if (cand.names.length + cand.initials.length === 0) {
        problems.push(`${where}: candidate "${cand.id}" needs at least one name`);
      }
      entities.push({
        ...cand,
        type: 'candidate',
        abbreviations: [],
        surnameRules: cand.surnameRules ?? NO_SURNAME_RULES,
      });
    });
    c.namesakes.forEach((n, i) => {
      claim(n.id, `${candidates.file}:${candidates.lineOf(['namesakes', i, 'id'])}`);
      namesakes.push({ ...n, surnameRules: n.surnameRules ?? NO_SURNAME_RULES });
    });
  }
  if (e.incumbent && !entities.some((x) => x.id === e.incumbent && x.type === 'candidate')) {
    problems.push(
      `${election.file}:${election.lineOf(['incumbent'])}: incumbent "${e.incumbent}" is not a candidate`,
    );
  }
  if (problems.length) throw new FatalError(problems.join('\n'));

  const files = [election.file, candidates?.file, parties.file, topics?.file].filter(
    (f): f is string => !!f,
  );
  const hash = createHash('sha256');
  for (const f of files) hash.update(basename(f)).update(readFileSync(f));
  return {
    id: e.id,
    name: e.name,
    names: e.names ?? { az: e.name, en: e.name },
    version: `${e.id}@${e.version}+${hash.digest('hex').slice(0, 8)}`,
    votingDay: e.votingDay,
    campaignStart: e.campaignStart,
    campaignEnd: e.campaignEnd,
    silenceStart: e.silenceStart,
    incumbent: e.incumbent ?? null,
    entities,
    namesakes,
    topics: topics?.value.topics ?? [],
    titleRules: candidates?.value.titleRules ?? {
      foreignBefore: [],
      foreignAfter: [],
      settles: [],
    },
    dir: root,
  };
}
