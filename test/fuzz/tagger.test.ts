// Fuzz: tagger (properties in ./properties/tagger.ts; FUZZ_RUNS sets the runs).
import { describe, it } from 'vitest';
import { assertTarget } from './properties/harness.ts';
import { taggerTarget } from './properties/tagger.ts';

describe('fuzz: tagger', () => {
  it(`${taggerTarget.name}: no crash, no hang, only documented errors`, async () => {
    await assertTarget(taggerTarget);
  });
});
