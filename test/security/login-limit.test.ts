// What auth-routes.test.ts leaves out: one name attacked from many addresses, and the
// limiter's memory staying bounded under a flood of distinct addresses.
import { describe, expect, it } from 'vitest';
import { loginLimiter } from '../../src/api/auth/index.ts';

describe('login limiter', () => {
  it('blocks a name attacked from many addresses by the name key alone', () => {
    const t = { now: 0 };
    const limiter = loginLimiter({ now: () => t.now });
    for (let i = 0; i < 5; i++) {
      const keys = [`ip:203.0.113.${i}`, 'name:aysel'];
      expect(limiter.check(keys).ok).toBe(true);
      limiter.failed(keys);
    }
    // A sixth, fresh address: its own key is clean, the name is not.
    expect(limiter.check(['ip:203.0.113.99', 'name:aysel'])).toMatchObject({ ok: false });
    // Other names from that address are unaffected.
    expect(limiter.check(['ip:203.0.113.99', 'name:rauf']).ok).toBe(true);
  });

  it('remembers at most maxKeys keys, dropping the stalest, so a flood cannot grow memory', () => {
    const limiter = loginLimiter({ maxKeys: 100, maxFailures: 1 });
    limiter.failed(['name:target']);
    for (let i = 0; i < 10_000; i++) limiter.failed([`ip:10.0.${i >> 8}.${i & 255}`]);
    // The oldest entry was pushed out; the newest are still counted.
    expect(limiter.check(['name:target']).ok).toBe(true);
    expect(limiter.check(['ip:10.0.39.15']).ok).toBe(false); // i = 9999
    expect(limiter.check(['ip:10.0.0.0']).ok).toBe(true);
  });

  it('keeps a name attacked steadily in memory (a failure makes its key the freshest)', () => {
    const limiter = loginLimiter({ maxKeys: 50, maxFailures: 3 });
    for (let i = 0; i < 1_000; i++) {
      limiter.failed([`ip:198.51.100.${i % 250}-${i}`]);
      if (i % 20 === 0) limiter.failed(['name:aysel']);
    }
    expect(limiter.check(['name:aysel']).ok).toBe(false);
  });
});
