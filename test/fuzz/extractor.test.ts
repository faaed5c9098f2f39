// Fuzz: extractor (properties in ./properties/extractor.ts; FUZZ_RUNS sets the runs).
import { describe, it } from 'vitest';
import { assertTarget } from './properties/harness.ts';
import { extractorTarget } from './properties/extractor.ts';

describe('fuzz: extractor', () => {
  it(`${extractorTarget.name}: no crash, no hang, only documented errors`, async () => {
    await assertTarget(extractorTarget);
  });
});
