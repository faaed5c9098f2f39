// Fuzz: ingest (properties in ./properties/ingest.ts; FUZZ_RUNS sets the runs).
import { describe, it } from 'vitest';
import { assertTarget } from './properties/harness.ts';
import { ingestTarget } from './properties/ingest.ts';

describe('fuzz: ingest', () => {
  it(`${ingestTarget.name}: no crash, no hang, only documented errors`, async () => {
    await assertTarget(ingestTarget);
  });
});
