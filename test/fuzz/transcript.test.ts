// Fuzz: transcript (properties in ./properties/transcript.ts; FUZZ_RUNS sets the runs).
import { describe, it } from 'vitest';
import { assertTarget } from './properties/harness.ts';
import { transcriptTarget } from './properties/transcript.ts';

describe('fuzz: transcript', () => {
  it(`${transcriptTarget.name}: no crash, no hang, only documented errors`, async () => {
    await assertTarget(transcriptTarget);
  });
});
