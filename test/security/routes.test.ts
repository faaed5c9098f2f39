// Every state-changing route of the fully wired app, found by walking express's router
// stack (so a route added later is covered without touching this file), is refused without
// a session, below its role, and without the right CSRF token; nothing changes meanwhile.
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/accounts.ts';
import { makeItem } from '../helpers/make-item.ts';
import { Browser, PASSWORDS, startApp, USERS, type AppHarness } from './app-harness.ts';
import { SEGMENT_ROW } from '../helpers/segment-row.ts';

interface LayerLike {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: LayerLike[] };
}

export interface RouteInfo {
  method: string;
  path: string;
}

const join = (a: string, b: string) => `${a}/${b}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');

/** Every route as METHOD /full/path, nested routers included. */
export function listRoutes(app: Express): RouteInfo[] {
  const out: RouteInfo[] = [];
  const walk = (stack: LayerLike[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = [layer.route.path].flat().map(String);
        for (const m of Object.keys(layer.route.methods).filter((k) => layer.route?.methods[k]))
          for (const p of paths) out.push({ method: m.toUpperCase(), path: join(prefix, p) });
      } else if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === 'string' ? layer.rawPath : '/';
        walk(layer.handle.stack, join(prefix, mount));
      }
    }
  };
  walk((app as unknown as { router: { stack: LayerLike[] } }).router.stack, '');
  return out;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes that need only the CSRF token: signing in and out. */
const CSRF_ONLY = new Set(['POST /api/login', 'POST /api/logout']);
const requiredRole = (path: string): Role => (path.startsWith('/api/users') ? 'admin' : 'coder');

const item = makeItem(
  { url: 'https://agency.example/sec-1', title: 'Mitinq keçirildi', text: 'Zahid Oruc danışdı.' },
  [['Zahid Oruc', 'oruc_zahid']],
);

/** A request body that would succeed if the guards let it through. */
function bodyFor(r: RouteInfo): unknown {
  if (r.path === '/api/segments')
    return {
      rows: [SEGMENT_ROW],
    };
  if (r.path.endsWith('/review')) return { action: 'correct', mention: 0, tone: 'negative' };
  if (r.path === '/api/codings') return { itemId: item.id, entity: 'oruc_zahid', tone: 'positive' };
  if (r.path === '/api/users')
    return { name: 'intruder', role: 'admin', password: 'intruder-password-1' };
  if (r.path === '/api/login') return { name: USERS.admin, password: PASSWORDS.admin };
  return {};
}

const concrete = (path: string) =>
  path.replace(':id', item.id).replace(':name', USERS.viewer).replace(/:\w+/g, 'x');

describe('every state-changing API route', () => {
  let hx: AppHarness;
  let writes: RouteInfo[];
  const snapshot = async () =>
    JSON.stringify([
      await hx.store.countItems(),
      await hx.store.reviewLog(),
      await hx.store.codings({}),
      await hx.store.getItem(item.id),
      hx.store.db.prepare('SELECT name, role, disabled FROM users ORDER BY name').all(),
    ]);
  let before: string;

  beforeAll(async () => {
    hx = await startApp({ items: [item] });
    writes = listRoutes(hx.app).filter((r) => !SAFE.has(r.method));
    before = await snapshot();
  });
  afterAll(() => hx?.close());

  const loggedIn = async (role: Role) => {
    const b = new Browser(hx.base);
    expect((await b.login(USERS[role], PASSWORDS[role])).status).toBe(200);
    return b;
  };

  it('finds the known routes by walking the router', () => {
    const names = writes.map((r) => `${r.method} ${r.path}`);
    for (const known of [
      'POST /api/segments',
      'POST /api/items/:id/review',
      'POST /api/codings',
      'POST /api/users',
      'DELETE /api/users/:name',
      'POST /api/login',
      'POST /api/logout',
    ])
      expect(names).toContain(known);
    // Reads are found too, so the walk is not only seeing what it looks for.
    expect(listRoutes(hx.app).some((r) => r.method === 'GET' && r.path === '/api/search')).toBe(
      true,
    );
  });

  it('refuses them without a session: 401 with a token, 401/403 without one', async () => {
    for (const r of writes.filter((w) => !CSRF_ONLY.has(`${w.method} ${w.path}`))) {
      const anon = new Browser(hx.base);
      const label = `${r.method} ${r.path}`;
      const withToken = await anon.send(r.method, concrete(r.path), bodyFor(r));
      expect(withToken.status, label).toBe(401);
      const noToken = await new Browser(hx.base).request(r.method, concrete(r.path), bodyFor(r));
      expect([401, 403], label).toContain(noToken.status);
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses them below the role they need: 403', async () => {
    const viewer = await loggedIn('viewer');
    const coder = await loggedIn('coder');
    for (const r of writes.filter((w) => !CSRF_ONLY.has(`${w.method} ${w.path}`))) {
      const label = `${r.method} ${r.path}`;
      const res = await viewer.send(r.method, concrete(r.path), bodyFor(r));
      expect(res.status, label).toBe(403);
      if (requiredRole(r.path) === 'admin')
        expect((await coder.send(r.method, concrete(r.path), bodyFor(r))).status, label).toBe(403);
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses them at the right role without the right CSRF token: 403', async () => {
    const other = await loggedIn('admin');
    const stolen = await other.token();
    for (const r of writes) {
      const label = `${r.method} ${r.path}`;
      const user = CSRF_ONLY.has(label)
        ? new Browser(hx.base)
        : await loggedIn(requiredRole(r.path));
      await user.token(); // the anonymous cookie, so only the token is missing
      for (const token of [null, 'AAAA', stolen]) {
        const res = await user.request(r.method, concrete(r.path), bodyFor(r), token);
        expect(res.status, `${label} token=${String(token).slice(0, 8)}`).toBe(403);
        expect(String(res.body.error), label).toMatch(/CSRF token/);
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it('lets them through with session, role and token (the paths above are real)', async () => {
    for (const r of writes.filter((w) => !CSRF_ONLY.has(`${w.method} ${w.path}`))) {
      const user = await loggedIn(requiredRole(r.path));
      const res = await user.send(r.method, concrete(r.path), bodyFor(r));
      expect(res.status, `${r.method} ${r.path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    }
    expect(await snapshot()).not.toBe(before);
  });
});
