// Fuzz: segments (properties in ./properties/segments.ts; FUZZ_RUNS sets the runs).
import { describe, it } from 'vitest';
import { assertTarget } from './properties/harness.ts';
import { segmentsTarget } from './properties/segments.ts';

describe('fuzz: segments', () => {
  it(`${segmentsTarget.name}: no crash, no hang, only documented errors`, async () => {
    await assertTarget(segmentsTarget);
  });
});
