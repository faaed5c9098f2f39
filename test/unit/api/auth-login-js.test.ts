// The dashboard's CSRF-aware post() helper and its texts (the form itself runs in the
// browser tests).
import { afterEach, describe, expect, it, vi } from 'vitest';
// @ts-expect-error: a browser module without type declarations
import { LOGIN_TEXTS, post, send } from '../../../dashboards/web/login.js';

type Call = { url: string; init: RequestInit };

function fakeFetch(replies: Array<{ status: number; body: unknown }>) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    calls.push({ url, init });
    const r = replies.shift()!;
    return new Response(JSON.stringify(r.body), { status: r.status });
  });
  return calls;
}

describe('dashboards/web/login.js', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('fetches the session token first and sends it in X-CSRF-Token', async () => {
    const calls = fakeFetch([
      { status: 200, body: { user: null, csrfToken: 'tok-123' } },
      { status: 200, body: { user: { name: 'aysel', role: 'coder' } } },
    ]);
    const answer = (await post('/api/login', { name: 'aysel', password: 'x' })) as {
      user: { name: string };
    };
    expect(answer.user.name).toBe('aysel');
    expect(calls.map((c) => c.url)).toEqual(['/api/session', '/api/login']);
    const headers = calls[1]!.init.headers as Record<string, string>;
    expect(headers['x-csrf-token']).toBe('tok-123');
    expect(calls[1]!.init.method).toBe('POST');
    expect(JSON.parse(String(calls[1]!.init.body))).toEqual({ name: 'aysel', password: 'x' });
  });

  it('rejects with the status and the server’s message', async () => {
    fakeFetch([
      { status: 200, body: { user: null, csrfToken: 't' } },
      { status: 429, body: { error: 'too many failed logins', retryAfterSeconds: 600 } },
    ]);
    await expect(send('DELETE', '/api/users/x')).rejects.toMatchObject({
      status: 429,
      message: 'too many failed logins',
    });
  });

  it('has the same keys in Azerbaijani and English', () => {
    const texts = LOGIN_TEXTS as Record<'az' | 'en', Record<string, string>>;
    expect(Object.keys(texts.az).sort()).toEqual(Object.keys(texts.en).sort());
    expect(texts.az['login.tooMany']).toContain('{minutes}');
    expect(texts.en['login.tooMany']).toContain('{minutes}');
  });
});
