// Secrets never reach a log: the session secret, passwords and their hashes, credentials
// in URLs, session cookies and CSRF tokens, through the logger, the API's log and the real
// CLI (`monitor user add`, `monitor serve` with logins over HTTP).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/cli/log.ts';
import { redact } from '../../src/core/redact.ts';
import { MONITOR_BIN, runMonitor } from '../helpers/run-monitor.ts';
import { Browser, PASSWORDS, SECRET, startApp, USERS } from './app-harness.ts';

const ES_PASSWORD = 'S3cretPw-elastic';
const ES_URL = `http://elastic:${ES_PASSWORD}@127.0.0.1:9/`;

/** Every secret in `secrets` that occurs in `text`. */
const leaks = (text: string, secrets: string[]) => secrets.filter((s) => s && text.includes(s));

describe('the logger', () => {
  it('masks credentials in URLs, secret fields and known values', () => {
    const lines: string[] = [];
    const log = createLogger('debug', (l) => lines.push(l), { secrets: [SECRET] });
    log.error(`Cannot reach Elasticsearch at ${ES_URL}: ECONNREFUSED`);
    log.warn(`proxy https://tok_abcdef123456@proxy.example/ refused`);
    log.info(`config: {"sessionSecret": "${SECRET}"} password=${PASSWORDS.coder}`);
    log.debug(`headers: Cookie: monitor_session=abc.def.ghi; Authorization: Bearer eyJhbGciOi`);
    const text = lines.join('');
    expect(
      leaks(text, [
        ES_PASSWORD,
        SECRET,
        PASSWORDS.coder,
        'tok_abcdef123456',
        'abc.def.ghi',
        'eyJhbGciOi',
      ]),
    ).toEqual([]);
    // What is left still says what happened and where.
    expect(text).toContain('http://elastic:***@127.0.0.1:9/');
    expect(text).toContain('https://***@proxy.example/');
    expect(text).toContain('ECONNREFUSED');
    expect(redact('see https://example.org/a?b=c and 2024-01-01T10:00:00Z')).toBe(
      'see https://example.org/a?b=c and 2024-01-01T10:00:00Z',
    );
  });
});

describe('the API log', () => {
  it('holds no password, hash, secret, cookie or CSRF token after a busy session', async () => {
    const hx = await startApp();
    try {
      const seen: string[] = [SECRET, ...Object.values(PASSWORDS), 'new-user-password-77'];
      const b = new Browser(hx.base);
      await b.login(USERS.coder, 'wrong-password-123');
      await b.login(PASSWORDS.admin, PASSWORDS.admin); // a password typed as the name
      await b.request('POST', '/api/login', { name: 'x', password: 'y' }, 'forged-token-value');
      const admin = new Browser(hx.base);
      await admin.login(USERS.admin, PASSWORDS.admin);
      seen.push(await admin.token(), ...admin.jar.values());
      await admin.send('POST', '/api/users', {
        name: 'nigar',
        role: 'coder',
        password: 'new-user-password-77',
      });
      await admin.send('DELETE', '/api/users/nigar');
      await admin.send('POST', '/api/logout');
      const rows = hx.store.db.prepare('SELECT password_hash AS h FROM users').all() as {
        h: string;
      }[];
      seen.push(...rows.map((r) => r.h));
      const log = hx.logs.join('\n');
      expect(log).toMatch(/failed login/); // the log did record the events
      expect(log).toMatch(/CSRF token refused/);
      expect(leaks(log, seen)).toEqual([]);
    } finally {
      await hx.close();
    }
  });
});

describe('the real CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'monitor-secrets-'));
  const NEW_PASSWORD = 'cli-user-password-2024';
  const SESSION_SECRET = 'cli-session-secret-0123456789abcdef0123456789abcdef';
  const env = {
    MONITOR_DATA_DIR: dir,
    MONITOR_LOG_LEVEL: 'debug',
    MONITOR_SESSION_SECRET: SESSION_SECRET,
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('user add, then serve with logins: no secret in stdout or stderr', async () => {
    const add = await runMonitor(['user', 'add', 'aysel', '--role', 'admin'], {
      env: { ...env, MONITOR_NEW_PASSWORD: NEW_PASSWORD },
      timeoutMs: 30_000,
    });
    expect(add.code, add.stderr).toBe(0);
    let output = add.stdout + add.stderr;

    const child = spawn(process.execPath, [MONITOR_BIN, 'serve', '--port', '0'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise((r) => child.once('close', r));
    try {
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      const base = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`serve did not start:\n${output}`)),
          20_000,
        );
        const poll = setInterval(() => {
          const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
          if (m?.[1]) {
            clearTimeout(timer);
            clearInterval(poll);
            resolve(m[1]);
          }
        }, 50);
      });
      const b = new Browser(base);
      expect((await b.login('aysel', 'not-the-password-1')).status).toBe(401);
      expect((await b.login('aysel', NEW_PASSWORD)).status).toBe(200);
      const token = await b.token();
      await b.send('POST', '/api/users', {
        name: 'rauf',
        role: 'viewer',
        password: 'rauf-password-2024',
      });
      await b.request('POST', '/api/logout', {}, 'wrong-token');
      const secrets = [
        NEW_PASSWORD,
        SESSION_SECRET,
        'not-the-password-1',
        'rauf-password-2024',
        token,
        ...b.jar.values(),
      ];
      await new Promise((r) => setTimeout(r, 200)); // let the last log lines arrive
      expect(output).toMatch(/login/);
      expect(leaks(output, secrets)).toEqual([]);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 60_000);

  // The fatal message is printed by src/cli/main.ts, through redact().
  it('a failing Elasticsearch URL is reported without its password', async () => {
    const run = await runMonitor(['metrics', '--election', 'az-2024-presidential'], {
      env: { ...env, MONITOR_STORE: 'elasticsearch', MONITOR_ES_URL: ES_URL },
      timeoutMs: 30_000,
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/127\.0\.0\.1:9/);
    expect(leaks(run.stdout + run.stderr, [ES_PASSWORD])).toEqual([]);
  }, 40_000);
});
