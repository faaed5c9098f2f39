// Fuzz benchmark: the same properties as test/fuzz with many more inputs each
// (FUZZ_RUNS, default 2,000), printing per target the runs, failures and the max and
// p99 time per input. Wired into bench/run.ts as BENCH_ONLY=fuzz.
import fc from 'fast-check';
import { type FuzzTarget, runTimed } from '../test/fuzz/properties/harness.ts';
import { feedTarget, telegramTarget } from '../test/fuzz/properties/feed.ts';
import { extractorTarget } from '../test/fuzz/properties/extractor.ts';
import { transcriptTarget } from '../test/fuzz/properties/transcript.ts';
import { csvTarget, importersTarget } from '../test/fuzz/properties/importers.ts';
import { segmentsTarget } from '../test/fuzz/properties/segments.ts';
import { ingestTarget } from '../test/fuzz/properties/ingest.ts';
import { taggerTarget } from '../test/fuzz/properties/tagger.ts';

export interface FuzzFigures {
  target: string;
  runs: number;
  failures: number;
  maxMs: number;
  p99Ms: number;
  firstFailure?: string;
}

const TARGETS: FuzzTarget<never>[] = [
  feedTarget,
  telegramTarget,
  extractorTarget,
  transcriptTarget,
  importersTarget,
  csvTarget,
  segmentsTarget,
  ingestTarget,
  taggerTarget,
] as unknown as FuzzTarget<never>[];

async function benchTarget<T>(target: FuzzTarget<T>, runs: number, seed: number) {
  const times: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  for (const input of fc.sample(target.arbitrary, { numRuns: runs, seed })) {
    const t0 = performance.now();
    try {
      await runTimed(target, input);
    } catch (err) {
      failures++;
      firstFailure ??= err instanceof Error ? err.message : String(err);
    }
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p99 = times[Math.min(times.length - 1, Math.floor(times.length * 0.99))] ?? 0;
  return {
    target: target.name,
    runs,
    failures,
    maxMs: times.at(-1) ?? 0,
    p99Ms: p99,
    firstFailure,
  };
}

export async function benchFuzz(): Promise<void> {
  const runs = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : 2_000;
  const seed = Number(process.env.FUZZ_SEED) || Date.now() % 2 ** 31;
  console.log(`fuzz: ${runs} inputs per target, seed ${seed} (FUZZ_SEED to repeat)`);
  const rows: FuzzFigures[] = [];
  for (const t of TARGETS) {
    const r = await benchTarget(t, runs, seed);
    rows.push(r);
    console.log(
      `  ${r.target.padEnd(11)} runs ${r.runs}  failures ${r.failures}  max ${r.maxMs.toFixed(1)} ms  p99 ${r.p99Ms.toFixed(1)} ms` +
        (r.firstFailure ? `\n    first failure: ${r.firstFailure.slice(0, 300)}` : ''),
    );
  }
  const failed = rows.reduce((n, r) => n + r.failures, 0);
  console.log(`fuzz: ${failed} failures in ${rows.length} targets`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchFuzz();
