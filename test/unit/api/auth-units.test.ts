// Password hashing, the login limiter, session tokens and the session secret file.
import { mkdtempSync, readFileSync, rmSync, statSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT,
  hashPassword,
  loadSessionSecret,
  loginLimiter,
  passwordProblem,
  verifyPassword,
} from '../../../src/api/auth/index.ts';
import { csrfTokenFor, readSession, signSession } from '../../../src/api/auth/tokens.ts';

describe('password hashing', () => {
  it('hashes with scrypt N=2^15, r=8, p=1 and a 16-byte random salt, and verifies', async () => {
    const hash = await hashPassword('Xəzər-dənizi-2024');
    const [alg, N, r, p, salt, key] = hash.split('$');
    expect([alg, Number(N), Number(r), Number(p)]).toEqual([
      'scrypt',
      DEFAULT_SCRYPT.N,
      DEFAULT_SCRYPT.r,
      DEFAULT_SCRYPT.p,
    ]);
    expect(DEFAULT_SCRYPT.N).toBe(2 ** 15);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(key!, 'base64')).toHaveLength(32);
    expect(await verifyPassword('Xəzər-dənizi-2024', hash)).toBe(true);
    expect(await verifyPassword('Xəzər-dənizi-2025', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts each hash differently and reads the cost from the hash itself', async () => {
    const cheap = { N: 2 ** 10, r: 8, p: 1 };
    const a = await hashPassword('same-password-1', cheap);
    const b = await hashPassword('same-password-1', cheap);
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('same-password-1', b)).toBe(true);
  });

  it('treats composed and decomposed Azerbaijani letters as the same password', async () => {
    const hash = await hashPassword('şəhər-Gəncə-1'.normalize('NFC'), { N: 1024, r: 8, p: 1 });
    expect(await verifyPassword('şəhər-Gəncə-1'.normalize('NFD'), hash)).toBe(true);
  });

  it('says no, without throwing, for malformed or hostile hashes', async () => {
    for (const bad of [
      '',
      'plain',
      'bcrypt$10$abc',
      'scrypt$1000$8$1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==',
      `scrypt$${2 ** 30}$8$1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==`,
      'scrypt$1024$8$1$$',
    ])
      expect(await verifyPassword('anything-at-all', bad), bad).toBe(false);
  });

  it('asks for at least 10 characters with a clear message', () => {
    expect(passwordProblem('123456789')).toBe('the password must be at least 10 characters long');
    expect(passwordProblem('1234567890')).toBeNull();
    expect(passwordProblem('x'.repeat(5000))).toMatch(/at most/);
  });
});

describe('loginLimiter', () => {
  it('blocks a key after 5 failures in 15 minutes and frees it as they age out', () => {
    const clock = { t: 0 };
    const limiter = loginLimiter({ now: () => clock.t });
    const keys = ['ip:10.0.0.1', 'name:aysel'];
    for (let i = 0; i < 4; i++) {
      limiter.failed(keys);
      clock.t += 60_000;
    }
    expect(limiter.check(keys)).toEqual({ ok: true });
    limiter.failed(keys); // 5th failure at t = 4 min
    expect(limiter.check(keys)).toEqual({ ok: false, retryAfterMs: 15 * 60_000 - 4 * 60_000 });
    expect(limiter.check(['ip:10.0.0.2', 'name:rauf'])).toEqual({ ok: true });
    clock.t = 15 * 60_000 + 1; // the first failure has left the window
    expect(limiter.check(keys)).toEqual({ ok: true });
    limiter.failed(keys);
    expect(limiter.check(keys).ok).toBe(false);
  });

  it('forgets a key on reset and keeps at most maxKeys keys', () => {
    const limiter = loginLimiter({ now: () => 0, maxFailures: 1, maxKeys: 3 });
    limiter.failed(['a']);
    expect(limiter.check(['a']).ok).toBe(false);
    limiter.reset(['a']);
    expect(limiter.check(['a']).ok).toBe(true);
    limiter.failed(['k1', 'k2', 'k3', 'k4']);
    expect(limiter.check(['k1']).ok).toBe(true);
    expect(limiter.check(['k4']).ok).toBe(false);
  });
});

describe('session tokens', () => {
  const secret = 'a'.repeat(40);
  const claims = { name: 'aysel', role: 'coder' as const, expiresAt: 1_000_000 };

  it('reads back its own cookie until it expires', () => {
    const cookie = signSession(secret, claims);
    expect(cookie.startsWith('aysel|coder|1000000|')).toBe(true);
    expect(readSession(secret, cookie, 999_999)).toEqual(claims);
    expect(readSession(secret, cookie, 1_000_000)).toBeNull();
  });

  it('rejects a cookie signed with another secret or changed in any part', () => {
    const cookie = signSession(secret, claims);
    expect(readSession('b'.repeat(40), cookie, 0)).toBeNull();
    expect(readSession(secret, cookie.replace('coder', 'admin'), 0)).toBeNull();
    expect(readSession(secret, `${cookie}|x`, 0)).toBeNull();
    expect(
      readSession(secret, signSession(secret, { ...claims, role: 'root' as never }), 0),
    ).toBeNull();
  });

  it('binds the cookie to the password hash without revealing it', () => {
    const cookie = signSession(secret, claims, 'scrypt$hash-one');
    expect(cookie).not.toContain('hash-one');
    expect(readSession(secret, cookie, 0, 'scrypt$hash-one')).toEqual(claims);
    expect(readSession(secret, cookie, 0, 'scrypt$hash-two')).toBeNull();
    expect(readSession(secret, cookie, 0)).toBeNull();
  });

  it('derives different CSRF tokens for different cookies and secrets', () => {
    expect(csrfTokenFor(secret, 'one')).not.toBe(csrfTokenFor(secret, 'two'));
    expect(csrfTokenFor(secret, 'one')).not.toBe(csrfTokenFor('c'.repeat(40), 'one'));
    expect(csrfTokenFor(secret, 'one')).toBe(csrfTokenFor(secret, 'one'));
  });
});

describe('loadSessionSecret', () => {
  const dir = mkdtempSync(join(tmpdir(), 'secret-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes <dataDir>/session-secret with mode 0600 once and reuses it', () => {
    const logs: string[] = [];
    const first = loadSessionSecret({ dataDir: join(dir, 'data'), log: (m) => logs.push(m) });
    const file = join(dir, 'data', 'session-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadSessionSecret({ dataDir: join(dir, 'data') })).toBe(first);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(logs.join('\n')).not.toContain(first);
  });

  it('tightens loose permissions, prefers MONITOR_SESSION_SECRET and refuses a short one', () => {
    const d = join(dir, 'loose');
    const secret = loadSessionSecret({ dataDir: d });
    chmodSync(join(d, 'session-secret'), 0o644);
    expect(loadSessionSecret({ dataDir: d })).toBe(secret);
    expect(statSync(join(d, 'session-secret')).mode & 0o777).toBe(0o600);
    const env = 'e'.repeat(48);
    expect(loadSessionSecret({ dataDir: d, fromEnv: env })).toBe(env);
    expect(() => loadSessionSecret({ dataDir: d, fromEnv: 'short' })).toThrow(/at least 32/);
    writeFileSync(join(d, 'session-secret'), 'tiny', { mode: 0o600 });
    expect(() => loadSessionSecret({ dataDir: d })).toThrow(/delete it/);
  });
});
