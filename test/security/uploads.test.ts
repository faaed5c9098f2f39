// The one upload, POST /api/segments (CSV text or JSON rows in a JSON body): size limit,
// content type, binary content and row count are refused with clear messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, PASSWORDS, startApp, USERS, type AppHarness } from './app-harness.ts';

const HEADER = 'channel,programme,date,start,duration,subject,tone,speech';
const ROW = 'AzTV,Xəbərlər,2024-01-25,21:05,95,oruc_zahid,neutral,direct';

describe('segment upload limits', () => {
  let hx: AppHarness;
  let coder: Browser;

  beforeAll(async () => {
    hx = await startApp();
    coder = new Browser(hx.base);
    expect((await coder.login(USERS.coder, PASSWORDS.coder)).status).toBe(200);
  });
  afterAll(() => hx?.close());

  /** A raw POST as the logged-in coder, with any body and content type. */
  const rawPost = async (body: string | Buffer, contentType: string) => {
    const res = await fetch(`${hx.base}/api/segments`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        cookie: [...coder.jar].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': await coder.token(),
      },
      body,
    });
    return { status: res.status, body: (await res.json()) as { error?: string } };
  };

  it('accepts a well-formed CSV upload (the baseline the refusals are measured against)', async () => {
    const res = await coder.send('POST', '/api/segments', { csv: `${HEADER}\n${ROW}\n` });
    expect(res.status).toBe(201);
    expect(res.body.imported).toBe(1);
  });

  it('answers a body over 1 MB with 413 and says the limit', async () => {
    const csv = `${HEADER}\n${`${ROW}\n`.repeat(20_000)}`;
    expect(csv.length).toBeGreaterThan(1024 * 1024);
    const res = await rawPost(JSON.stringify({ csv }), 'application/json');
    expect(res.status).toBe(413);
    expect(res.body.error).toMatch(/request body too large: the limit is 1 MB/);
    expect(hx.logs.join('\n')).not.toMatch(/API error/);
  });

  it('answers a non-JSON body (CSV file, multipart form, urlencoded) with 415', async () => {
    const form = new FormData();
    form.append('file', new Blob([`${HEADER}\n${ROW}\n`]), 'segments.csv');
    const multipart = new Request('http://x/', { method: 'POST', body: form });
    const cases: Array<[string | Buffer, string]> = [
      [`${HEADER}\n${ROW}\n`, 'text/csv'],
      [
        Buffer.from(await multipart.arrayBuffer()),
        multipart.headers.get('content-type') ?? 'multipart/form-data',
      ],
      ['csv=a%2Cb', 'application/x-www-form-urlencoded'],
    ];
    for (const [body, type] of cases) {
      const res = await rawPost(body, type);
      expect(res.status, type).toBe(415);
      expect(res.body.error, type).toMatch(/must be JSON.*application\/json/);
    }
  });

  it('refuses CSV text with NUL bytes or other binary content, naming the problem', async () => {
    for (const bad of [
      `${HEADER}\n${ROW}\u0000\n`,
      `${HEADER}\nPK\u0003\u0004${ROW}\n`, // the start of an .xlsx (a zip file)
      `${HEADER}\n${ROW}\uFFFD\uFFFD\n`, // binary bytes decoded as UTF-8
    ]) {
      const res = await coder.send('POST', '/api/segments', { csv: bad });
      expect(res.status).toBe(400);
      expect(String(res.body.error)).toMatch(/binary content.*line 2/);
    }
    const rows = await coder.send('POST', '/api/segments', {
      rows: [{ channel: 'AzTV\u0000', programme: 'x' }],
    });
    expect(rows.status).toBe(400);
    expect(String(rows.body.error)).toMatch(/row 1 holds binary content/);
  });

  it('refuses more rows than the per-upload limit, as CSV and as JSON rows', async () => {
    const shortRow = 'A,B,2024-01-25,21:05,1,oruc_zahid,neutral,direct';
    const csv = `${HEADER}\n${`${shortRow}\n`.repeat(5_001)}`;
    expect(csv.length).toBeLessThan(1024 * 1024); // under the byte limit: the row limit speaks
    const res = await coder.send('POST', '/api/segments', { csv });
    expect(res.status).toBe(400);
    expect(String(res.body.error)).toMatch(/too many rows: 5001 \(at most 5000/);
    const rows = Array.from({ length: 5_001 }, () => ({ channel: 'A' }));
    const json = await coder.send('POST', '/api/segments', { rows });
    expect(json.status).toBe(400);
    expect(String(json.body.error)).toMatch(/at most 5000 rows/);
  });

  it('stored nothing from the refused uploads', async () => {
    expect(await hx.store.countItems()).toBe(1);
  });
});
