// Fuzz: feed (properties in ./properties/feed.ts; FUZZ_RUNS sets the runs).
import { describe, it } from 'vitest';
import { assertTarget } from './properties/harness.ts';
import { feedTarget, telegramTarget } from './properties/feed.ts';

describe('fuzz: feed', () => {
  it(`${feedTarget.name}: no crash, no hang, only documented errors`, async () => {
    await assertTarget(feedTarget);
  });
  it(`${telegramTarget.name}: no crash, no hang, only documented errors`, async () => {
    await assertTarget(telegramTarget);
  });
});
