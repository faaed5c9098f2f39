// Fuzz: importers (properties in ./properties/importers.ts; FUZZ_RUNS sets the runs).
import { describe, it } from 'vitest';
import { assertTarget } from './properties/harness.ts';
import { importersTarget, csvTarget } from './properties/importers.ts';

describe('fuzz: importers', () => {
  it(`${importersTarget.name}: no crash, no hang, only documented errors`, async () => {
    await assertTarget(importersTarget);
  });
  it(`${csvTarget.name}: no crash, no hang, only documented errors`, async () => {
    await assertTarget(csvTarget);
  });
});
