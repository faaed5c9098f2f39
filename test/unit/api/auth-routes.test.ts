// Login, sessions, CSRF, roles and the admin's user routes, in-process over HTTP.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../src/api/auth/index.ts';
import { Browser, startHarness, type Harness } from './auth-harness.ts';

const PASSWORDS = {
  admin: 'Qala-admin-2024!',
  coder: 'Gəncə-coder-77x',
  viewer: 'viewer-Lənkəran-5',
  created: 'created-by-admin-99',
  wrong: 'not-the-password-1',
};
/** Every log line of every test, checked at the end for passwords. */
const allLogs: string[] = [];

describe('auth routes', () => {
  let hx: Harness;
  let browser: Browser;

  beforeEach(async () => {
    hx = await startHarness();
    await hx.addUser('admin', 'admin', PASSWORDS.admin);
    await hx.addUser('aysel', 'coder', PASSWORDS.coder);
    await hx.addUser('rauf', 'viewer', PASSWORDS.viewer);
    browser = new Browser(hx.base);
  });
  afterEach(async () => {
    allLogs.push(...hx.logs);
    await hx.close();
  });

  afterAll(() => {
    expect(allLogs.length).toBeGreaterThan(10);
    for (const line of allLogs)
      for (const pw of Object.values(PASSWORDS)) expect(line).not.toContain(pw);
  });

  it('logs in with the right password and reports the session with its role', async () => {
    const anon = await browser.get('/api/session');
    expect(anon.body).toMatchObject({ user: null });
    expect(anon.headers.get('cache-control')).toBe('no-store');
    const res = await browser.login('Aysel ', PASSWORDS.coder);
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ name: 'aysel', role: 'coder' });
    const set = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).toMatch(/Path=\//);
    expect(set).toMatch(/Max-Age=43200/);
    expect(set).not.toMatch(/Secure/);
    expect((await browser.get('/api/session')).body.user).toEqual({ name: 'aysel', role: 'coder' });
    expect(hx.logs.some((l) => l.includes('login: aysel (coder)'))).toBe(true);
  });

  it('marks cookies Secure when told to', async () => {
    await hx.close();
    hx = await startHarness({ secureCookies: true });
    await hx.addUser('aysel', 'coder', PASSWORDS.coder);
    browser = new Browser(hx.base);
    const res = await browser.login('aysel', PASSWORDS.coder);
    expect(res.headers.getSetCookie().every((c) => /; Secure/.test(c))).toBe(true);
  });

  it('answers a wrong password and an unknown name alike: 401, generic message', async () => {
    const wrong = await browser.login('aysel', PASSWORDS.wrong);
    const unknown = await browser.login('nobody', PASSWORDS.wrong);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({ error: 'wrong name or password' });
    expect(unknown.body).toEqual(wrong.body);
    expect((await browser.get('/api/session')).body.user).toBeNull();
    // A password typed into the name field is not logged.
    await browser.login(PASSWORDS.admin, PASSWORDS.admin);
    expect(hx.logs.some((l) => l.includes('failed login for an unknown name'))).toBe(true);
  });

  it('refuses the 6th attempt after 5 failures with 429 and Retry-After, until the window passes', async () => {
    for (let i = 0; i < 5; i++)
      expect((await browser.login('aysel', `${PASSWORDS.wrong}${i}`)).status).toBe(401);
    const blocked = await browser.login('aysel', PASSWORDS.coder);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBe(15 * 60);
    expect(blocked.body.error).toMatch(/too many failed logins/);
    // The name is blocked from another address too (per-name key), and so is the address
    // for other names (per-IP key): both keys saw 5 failures here.
    expect((await browser.login('rauf', PASSWORDS.viewer)).status).toBe(429);
    hx.clock.t += 10 * 60_000;
    const later = await browser.login('aysel', PASSWORDS.coder);
    expect(Number(later.headers.get('retry-after'))).toBe(5 * 60);
    hx.clock.t += 5 * 60_000 + 1;
    expect((await browser.login('aysel', PASSWORDS.coder)).status).toBe(200);
  });

  it('treats a tampered, forged or expired session cookie as not logged in', async () => {
    await browser.login('rauf', PASSWORDS.viewer);
    const good = browser.jar.get(SESSION_COOKIE)!;
    const [name, , expiry, sig] = decodeURIComponent(good).split('|');
    const forged = [
      `${name}|admin|${expiry}|${sig}`,
      `admin|viewer|${expiry}|${sig}`,
      `${name}|viewer|${Number(expiry) + 1}|${sig}`,
      `${name}|viewer|${expiry}|${sig!.slice(0, -2)}AA`,
      'garbage',
    ];
    for (const value of forged) {
      browser.jar.set(SESSION_COOKIE, encodeURIComponent(value));
      const s = await browser.get('/api/session');
      expect(s.body.user, value).toBeNull();
      // The bad cookie is cleared, so the next request is plainly anonymous.
      expect(browser.jar.has(SESSION_COOKIE)).toBe(false);
    }
    browser.jar.set(SESSION_COOKIE, good);
    expect((await browser.get('/api/session')).body.user).toEqual({ name: 'rauf', role: 'viewer' });
    hx.clock.t += 12 * 60 * 60 * 1000;
    expect((await browser.get('/api/session')).body.user).toBeNull();
  });

  it('needs the right X-CSRF-Token on unsafe methods: missing or wrong 403, right passes', async () => {
    await browser.login('aysel', PASSWORDS.coder);
    const missing = await browser.request('POST', '/api/reviews', {});
    expect(missing.status).toBe(403);
    expect(missing.body.error).toMatch(/missing CSRF token.*X-CSRF-Token/);
    const wrong = await browser.request('POST', '/api/reviews', {}, 'AAAA');
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toMatch(/wrong CSRF token/);
    // A token from another session (another browser) does not fit this one.
    const other = new Browser(hx.base);
    await other.login('admin', PASSWORDS.admin);
    const stolen = await browser.request('POST', '/api/reviews', {}, await other.token());
    expect(stolen.status).toBe(403);
    const right = await browser.send('POST', '/api/reviews', {});
    expect(right.status).toBe(200);
    expect(right.body).toEqual({ saved: true, by: { name: 'aysel', role: 'coder' } });
    // Reads need no token.
    expect((await browser.get('/api/items')).status).toBe(200);
    // Login itself is protected: an anonymous token is needed first.
    const fresh = new Browser(hx.base);
    expect(
      (await fresh.request('POST', '/api/login', { name: 'aysel', password: PASSWORDS.coder }))
        .status,
    ).toBe(403);
  });

  it('checks roles: 401 when logged out, 403 below the role, 200 at or above it', async () => {
    expect((await browser.send('POST', '/api/reviews', {})).status).toBe(401);
    await browser.login('rauf', PASSWORDS.viewer);
    const viewer = await browser.send('POST', '/api/reviews', {});
    expect(viewer.status).toBe(403);
    expect(viewer.body.error).toMatch(/coder/);
    await browser.send('POST', '/api/logout');
    expect((await browser.get('/api/session')).body.user).toBeNull();
    await browser.login('admin', PASSWORDS.admin);
    expect((await browser.send('POST', '/api/reviews', {})).status).toBe(200);
  });

  it('ends a disabled user’s session at the next request and refuses their login', async () => {
    await browser.login('aysel', PASSWORDS.coder);
    expect((await browser.send('POST', '/api/reviews', {})).status).toBe(200);
    const admin = new Browser(hx.base);
    await admin.login('admin', PASSWORDS.admin);
    expect((await admin.send('DELETE', '/api/users/aysel')).body.user).toMatchObject({
      name: 'aysel',
      disabled: true,
    });
    expect((await browser.send('POST', '/api/reviews', {})).status).toBe(401);
    expect((await new Browser(hx.base).login('aysel', PASSWORDS.coder)).status).toBe(401);
  });

  it('ends every open session when the password changes', async () => {
    await browser.login('aysel', PASSWORDS.coder);
    const other = new Browser(hx.base);
    await other.login('aysel', PASSWORDS.coder);
    expect((await browser.send('POST', '/api/reviews', {})).status).toBe(200);
    const user = (await hx.accounts.getUser('aysel'))!;
    const changed = (await hx.accounts.getUser('admin'))!.passwordHash;
    await hx.accounts.saveUser({ ...user, passwordHash: changed });
    expect((await browser.send('POST', '/api/reviews', {})).status).toBe(401);
    expect((await other.get('/api/session')).body.user).toBeNull();
    // Logging in with the new password opens a session that works.
    const again = new Browser(hx.base);
    expect((await again.login('aysel', PASSWORDS.admin)).status).toBe(200);
    expect((await again.send('POST', '/api/reviews', {})).status).toBe(200);
  });

  it('takes a role change into account at once, whatever the cookie says', async () => {
    await browser.login('aysel', PASSWORDS.coder);
    const user = (await hx.accounts.getUser('aysel'))!;
    await hx.accounts.saveUser({ ...user, role: 'viewer' });
    expect((await browser.send('POST', '/api/reviews', {})).status).toBe(403);
  });

  it('lets only admins list, create and disable users', async () => {
    expect((await browser.get('/api/users')).status).toBe(401);
    await browser.login('aysel', PASSWORDS.coder);
    expect((await browser.get('/api/users')).status).toBe(403);
    expect(
      (
        await browser.send('POST', '/api/users', {
          name: 'x1',
          role: 'admin',
          password: PASSWORDS.created,
        })
      ).status,
    ).toBe(403);

    const admin = new Browser(hx.base);
    await admin.login('admin', PASSWORDS.admin);
    const list = await admin.get('/api/users');
    expect((list.body.users as Array<{ name: string }>).map((u) => u.name)).toEqual([
      'admin',
      'aysel',
      'rauf',
    ]);
    expect(JSON.stringify(list.body)).not.toContain('scrypt');

    const short = await admin.send('POST', '/api/users', {
      name: 'nigar',
      role: 'coder',
      password: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body.error).toMatch(/at least 10 characters/);
    const badName = await admin.send('POST', '/api/users', {
      name: 'a b',
      role: 'coder',
      password: PASSWORDS.created,
    });
    expect(badName.status).toBe(400);
    const made = await admin.send('POST', '/api/users', {
      name: 'Nigar',
      role: 'coder',
      password: PASSWORDS.created,
    });
    expect(made.status).toBe(201);
    expect(made.body.user).toMatchObject({ name: 'nigar', role: 'coder' });
    expect(made.body.user).not.toHaveProperty('passwordHash');
    const dup = await admin.send('POST', '/api/users', {
      name: 'nigar',
      role: 'viewer',
      password: PASSWORDS.created,
    });
    expect(dup.status).toBe(409);
    expect((await new Browser(hx.base).login('nigar', PASSWORDS.created)).status).toBe(200);

    expect((await admin.send('DELETE', '/api/users/admin')).status).toBe(400);
    expect((await admin.send('DELETE', '/api/users/ghost')).status).toBe(404);
  });
});
