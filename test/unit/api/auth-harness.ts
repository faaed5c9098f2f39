// An in-process app wired the way doc/accounts.md says, a fake clock, captured log lines,
// and a fetch client that keeps cookies like a browser.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { AccountStore, Role } from '../../../src/core/accounts.ts';
import { sqliteAccounts } from '../../../src/store/sqlite/accounts.ts';
import { errorHandler } from '../../../src/api/errors.ts';
import {
  authRoutes,
  csrfProtect,
  hashPassword,
  loginLimiter,
  requireRole,
  sessionUser,
  type AuthOptions,
} from '../../../src/api/auth/index.ts';

/** Cheap hashes for test users; the default cost is tested on its own. */
export const FAST_SCRYPT = { N: 2 ** 12, r: 8, p: 1 };

export interface Harness {
  base: string;
  accounts: AccountStore;
  logs: string[];
  clock: { t: number };
  opts: AuthOptions;
  addUser(name: string, role: Role, password: string): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(extra: Partial<AuthOptions> = {}): Promise<Harness> {
  const accounts = sqliteAccounts({ path: ':memory:' });
  const logs: string[] = [];
  const clock = { t: Date.parse('2024-02-01T09:00:00Z') };
  const now = () => clock.t;
  const log = (m: string) => logs.push(m);
  const opts: AuthOptions = {
    secret: 'test-secret-0123456789abcdef0123456789abcdef',
    now,
    limiter: loginLimiter({ now }),
    log,
    scrypt: FAST_SCRYPT,
    ...extra,
  };
  const app = express();
  app.use(express.json());
  app.use('/api', sessionUser(accounts, opts));
  app.use('/api', csrfProtect(opts));
  app.use('/api', authRoutes(accounts, opts));
  app.get('/api/items', (_req, res) => {
    res.json({ items: [] });
  });
  app.use('/api/reviews', requireRole('coder'));
  app.post('/api/reviews', (_req, res) => {
    res.json({ saved: true, by: res.locals.user });
  });
  app.use(errorHandler(log));
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    accounts,
    logs,
    clock,
    opts,
    async addUser(name, role, password) {
      await accounts.saveUser({
        name,
        role,
        passwordHash: await hashPassword(password, FAST_SCRYPT),
        createdAt: new Date(clock.t).toISOString(),
      });
    },
    async close() {
      await new Promise((r) => server.close(r));
      await accounts.close();
    },
  };
}

export interface Reply {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** A browser stand-in: keeps cookies, fetches the CSRF token when asked. */
export class Browser {
  readonly jar = new Map<string, string>();
  constructor(private readonly base: string) {}

  async request(method: string, path: string, body?: unknown, csrf?: string | null) {
    const headers: Record<string, string> = { accept: 'application/json' };
    const cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (cookie) headers.cookie = cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (csrf) headers['x-csrf-token'] = csrf;
    const res = await fetch(this.base + path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    for (const set of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = set.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      if (attrs.some((a) => a.trim().toLowerCase() === 'max-age=0')) this.jar.delete(name);
      else this.jar.set(name, pair.slice(eq + 1).trim());
    }
    const text = await res.text();
    return {
      status: res.status,
      body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
      headers: res.headers,
    } satisfies Reply;
  }

  get(path: string) {
    return this.request('GET', path);
  }

  async token(): Promise<string> {
    return (await this.get('/api/session')).body.csrfToken as string;
  }

  /** Like dashboards/web/login.js post(): a fresh token, then the call. */
  async send(method: string, path: string, body?: unknown) {
    return this.request(method, path, body, await this.token());
  }

  login(name: string, password: string) {
    return this.send('POST', '/api/login', { name, password });
  }
}
