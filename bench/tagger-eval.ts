// Scores the tagger on the hand-labelled set in test/fixtures/tagger-eval/*.jsonl.
// Each line: {"id","lang","title"?,"text","expect":{entity: count},"titles"?:{entity: count}}.
// `expect` counts name mentions (kind 'name', headline included); `titles` counts
// official-capacity mentions (kind 'title'), scored separately and not gated.
// Run: npx tsx bench/tagger-eval.ts (exits 1 when a target is missed).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../src/core/types.ts';
import { loadTagger } from '../src/tagging/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(here, '../test/fixtures/tagger-eval');
const DICTIONARIES = join(here, '../dictionaries');
export const TARGETS = { precision: 0.97, recall: 0.95 };

interface Case {
  id: string;
  lang: Lang;
  title?: string;
  text: string;
  expect: Record<string, number>;
  titles?: Record<string, number>;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  cases: number;
  candidates: Score;
  parties: Score;
  overall: Score;
  titles: Score;
  perEntity: Record<string, Score>;
  /** Cases where the counts differ: id → entity → [expected, got]. */
  misses: Record<string, Record<string, [number, number]>>;
  pass: boolean;
}

function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export function loadCases(dir = FIXTURES): Case[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Case),
    );
}

export function evaluateTagger(electionId = 'az-2024-presidential'): Evaluation {
  const tagger = loadTagger(DICTIONARIES, electionId);
  const typeOf = new Map(tagger.election.entities.map((e) => [e.id, e.type]));
  const cases = loadCases();
  const counts = new Map<string, [number, number, number]>();
  const add = (key: string, tp: number, fp: number, fn: number) => {
    const c = counts.get(key) ?? [0, 0, 0];
    counts.set(key, [c[0] + tp, c[1] + fp, c[2] + fn]);
  };
  const misses: Evaluation['misses'] = {};
  for (const c of cases) {
    const got: Record<string, number> = {};
    const gotTitles: Record<string, number> = {};
    for (const m of tagger.tag({ title: c.title, text: c.text, lang: c.lang })) {
      const bucket = m.kind === 'title' ? gotTitles : got;
      bucket[m.entity] = (bucket[m.entity] ?? 0) + 1;
    }
    for (const [bucket, want, prefix] of [
      [got, c.expect, ''],
      [gotTitles, c.titles ?? {}, 'title:'],
    ] as const) {
      for (const e of new Set([...Object.keys(want), ...Object.keys(bucket)])) {
        const w = want[e] ?? 0;
        const g = bucket[e] ?? 0;
        add(prefix + e, Math.min(w, g), Math.max(0, g - w), Math.max(0, w - g));
        if (w !== g) (misses[c.id] ??= {})[prefix + e] = [w, g];
      }
    }
  }
  const sum = (pred: (key: string) => boolean): Score => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [k, [a, b, c]] of counts) if (pred(k)) [tp, fp, fn] = [tp + a, fp + b, fn + c];
    return score(tp, fp, fn);
  };
  const perEntity: Record<string, Score> = {};
  for (const [k, [a, b, c]] of [...counts].sort()) perEntity[k] = score(a, b, c);
  const candidates = sum((k) => typeOf.get(k) === 'candidate');
  const parties = sum((k) => typeOf.get(k) === 'party');
  const ok = (s: Score) => s.precision >= TARGETS.precision && s.recall >= TARGETS.recall;
  return {
    cases: cases.length,
    candidates,
    parties,
    overall: sum((k) => !k.startsWith('title:')),
    titles: sum((k) => k.startsWith('title:')),
    perEntity,
    misses,
    pass: ok(candidates) && ok(parties),
  };
}

function row(name: string, s: Score): string {
  const f = (x: number) => x.toFixed(3);
  return `${name.padEnd(34)} P ${f(s.precision)}  R ${f(s.recall)}  F1 ${f(s.f1)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = evaluateTagger();
  console.log(`tagger evaluation: ${r.cases} labelled texts (az, ru, en, tr)\n`);
  for (const [k, s] of Object.entries(r.perEntity)) console.log(row(k, s));
  console.log('');
  console.log(row('CANDIDATES', r.candidates));
  console.log(row('PARTIES', r.parties));
  console.log(row('OVERALL (names)', r.overall));
  console.log(row('TITLES (kind title, not gated)', r.titles));
  if (Object.keys(r.misses).length) {
    console.log('\ndifferences (expected, got):');
    for (const [id, m] of Object.entries(r.misses)) console.log(`  ${id} ${JSON.stringify(m)}`);
  }
  console.log(
    `\ntargets: precision >= ${TARGETS.precision}, recall >= ${TARGETS.recall}: ${r.pass ? 'PASS' : 'FAIL'}`,
  );
  process.exitCode = r.pass ? 0 : 1;
}
