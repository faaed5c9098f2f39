// The review panel in Chromium: what each control posts, text selection → offsets, and
// keyboard use. The page imports dashboards/web/review.js from a local server.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';

const CHROMIUM = process.env.MONITOR_CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB = fileURLToPath(new URL('../../../dashboards/web/', import.meta.url));

const item = {
  id: 'abc123abc123',
  title: 'Debat',
  text: 'Zahid Oruc çıxış edib. Razi Nurullayev da danışıb, Oruc isə susub.',
  mentions: [
    {
      entity: 'oruc_zahid',
      surface: 'Zahid Oruc',
      start: 7,
      end: 17,
      tone: 'neutral',
      sentence: 'Zahid Oruc çıxış edib.',
    },
  ],
};

const PAGE = `<!doctype html><html><body><div class="text" id="doc"></div><div id="panel"></div>
<script type="module">
import { reviewPanel } from '/web/review.js';
const item = ${JSON.stringify(item)};
window.posts = [];
document.getElementById('doc').textContent = item.title + '\\n\\n' + item.text;
const post = async (path, body) => { window.posts.push({ path, body }); return { item }; };
const api = async () => ({ reviews: [{ at: '2024-02-01T10:00:00Z', coder: 'aysel', action: 'accept', before: item.mentions[0], after: item.mentions[0] }] });
document.getElementById('panel').append(reviewPanel(item, {
  api, post, lang: 'en', onChange: (i) => { window.changed = i.id; },
  entities: { oruc_zahid: { name: 'Zahid Oruc', type: 'candidate' }, nurullayev_razi: { name: 'Razi Nurullayev', type: 'candidate' } },
  textRoot: document.getElementById('doc'),
}));
window.ready = true;
</script></body></html>`;

describe.skipIf(!existsSync(CHROMIUM))('review panel (Chromium)', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let base: string;
  // Strings, not functions: the tests are type-checked without the DOM library.
  const posts = () => page.evaluate('window.posts');

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      } else if (req.url?.startsWith('/web/') && /^[\w-]+\.js$/.test(req.url.slice(5))) {
        res
          .writeHead(200, { 'content-type': 'text/javascript' })
          .end(readFileSync(WEB + req.url.slice(5)));
      } else res.writeHead(404).end();
    }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    page = await browser.newPage();
    await page.goto(base);
    await page.waitForFunction('window.ready === true');
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('accepts with a button and rejects from the keyboard', async () => {
    await page.getByRole('button', { name: 'Accept: Zahid Oruc' }).click();
    await page.getByRole('button', { name: 'Reject: Zahid Oruc' }).focus();
    await page.keyboard.press('Enter');
    const sent = (await posts()) as Array<{ path: string; body: unknown }>;
    expect(sent.slice(0, 2)).toEqual([
      { path: '/api/items/abc123abc123/review', body: { action: 'accept', mention: 0 } },
      { path: '/api/items/abc123abc123/review', body: { action: 'reject', mention: 0 } },
    ]);
    expect(await page.evaluate('window.changed')).toBe(item.id);
  });

  it('posts a correction from labelled selects', async () => {
    await page.getByText('Correct', { exact: true }).click();
    const form = page.locator('form.review-correct');
    await form.getByLabel('Tone').selectOption('negative');
    await form.getByLabel('Speech').selectOption('direct');
    await form.getByRole('button', { name: 'Save correction' }).click();
    const sent = (await posts()) as Array<{ body: unknown }>;
    expect(sent.at(-1)?.body).toEqual({
      action: 'correct',
      mention: 0,
      entity: 'oruc_zahid',
      type: 'candidate',
      tone: 'negative',
      speech: 'direct',
    });
  });

  it('adds a mention from the text selection, telling apart repeated words by place', async () => {
    const doc = `${item.title}\n\n${item.text}`;
    const second = doc.lastIndexOf('Oruc');
    await page.evaluate(`{
      const r = document.createRange();
      const node = document.getElementById('doc').firstChild;
      r.setStart(node, ${second});
      r.setEnd(node, ${second + 4});
      getSelection().removeAllRanges();
      getSelection().addRange(r);
    }`);
    const form = page.locator('form.review-add');
    await form.getByLabel('Candidate / party').selectOption('oruc_zahid');
    await form.getByRole('button', { name: 'Add from selection' }).click();
    const sent = (await posts()) as Array<{ body: Record<string, unknown> }>;
    expect(sent.at(-1)?.body).toMatchObject({ action: 'add', start: second, end: second + 4 });
    await page.evaluate('getSelection().removeAllRanges()');
    const before = sent.length;
    await form.getByRole('button', { name: 'Add from selection' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/select a word/);
    expect(((await posts()) as unknown[]).length).toBe(before);
  });

  it('shows the history when opened', async () => {
    await page.getByText('History of changes').click();
    await expect
      .poll(() => page.locator('ol.review-history li').first().textContent())
      .toMatch(/aysel: accept Zahid Oruc/);
  });
});
