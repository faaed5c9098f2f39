// Shared machinery of the fuzz properties: run counts, the hang guard and the check that a
// thrown error is one of the project's documented ones.
import fc from 'fast-check';
import { MonitorError } from '../../../src/core/errors.ts';

/**
 * Hang detector, not a speed test: one input taking longer than this means a runaway
 * (quadratic regex, pathological nesting), which the property reports as a failure.
 * A truly endless loop never returns; vitest's test timeout catches that case.
 */
export const HANG_LIMIT_MS = 2_000;

/** Runs per property: FUZZ_RUNS, else the small default used by `npm test`. */
export function fuzzRuns(fallback = 25): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export interface FuzzTarget<T> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  /** Runs the code under test on one input; throws when a property does not hold. */
  check(input: T): void | Promise<void>;
}

/** Runs one input under the hang guard; returns its time in ms. */
export async function runTimed<T>(target: FuzzTarget<T>, input: T): Promise<number> {
  const t0 = performance.now();
  await target.check(input);
  const ms = performance.now() - t0;
  if (ms > HANG_LIMIT_MS) {
    throw new Error(
      `${target.name}: one input took ${ms.toFixed(0)} ms (hang limit ${HANG_LIMIT_MS} ms)`,
    );
  }
  return ms;
}

/** fast-check property over a target; the seed is printed by fast-check on failure. */
export function fuzzProperty<T>(target: FuzzTarget<T>) {
  return fc.asyncProperty(target.arbitrary, async (input) => {
    await runTimed(target, input);
  });
}

export async function assertTarget<T>(target: FuzzTarget<T>, numRuns = fuzzRuns()): Promise<void> {
  await fc.assert(fuzzProperty(target), { numRuns });
}

export function must(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`property broken: ${message}`);
}

/** A rejection must be a documented MonitorError of the given action with a message. */
export function mustBeDocumented(err: unknown, action: 'skip' | 'retry' | 'stop' = 'skip'): void {
  if (!(err instanceof MonitorError) || err.action !== action) {
    const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    throw new Error(`expected a ${action} MonitorError, got ${what}`, { cause: err });
  }
  must(err.message.trim().length > 0, 'error message is empty');
}

export const isIsoDate = (s: string) => !Number.isNaN(Date.parse(s));
