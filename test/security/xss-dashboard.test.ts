// The dashboard in Chromium over a store of hostile items and an election with hostile
// labels. The page's CSP is bypassed on purpose, so only the rendering itself stands
// between a payload and its execution: nothing may run, and every payload shows as text.
import { existsSync } from 'node:fs';
import type { Browser as Chromium, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../src/core/chromium.ts';
import type { Item } from '../../src/core/types.ts';
import { PASSWORDS, startApp, USERS, type AppHarness } from './app-harness.ts';
import { hostileElection, P, seedHostile } from './hostile-fixture.ts';

const CHROMIUM = process.env.MONITOR_CHROMIUM_PATH ?? '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('dashboard XSS (Chromium)', () => {
  let hx: AppHarness;
  let browser: Chromium;
  let page: Page;
  let items: Item[];
  const dialogs: string[] = [];

  beforeAll(async () => {
    hx = await startApp({ election: hostileElection() });
    items = await seedHostile(hx.store);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ bypassCSP: true });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await hx?.close();
  });

  const bodyText = async () => (await page.evaluate('document.body.innerText')) as string;

  /** Opens a dashboard route and waits until `visible` shows as text. */
  async function open(hash: string, visible: string) {
    await page.goto(`${hx.base}/#${hash}`);
    await page
      .waitForFunction(`document.body.innerText.includes(${JSON.stringify(visible)})`, undefined, {
        timeout: 10_000,
      })
      .catch(async (err: unknown) => {
        throw new Error(`${hash}: "${visible}" not shown; the page says:\n${await bodyText()}`, {
          cause: err,
        });
      });
  }

  /** Nothing ran and nothing executable reached the DOM. */
  async function assertInert(where: string) {
    // A string, run in the page (this project's types have no DOM library).
    const state = (await page.evaluate(`(() => ({
      xss: window.__xss ?? null,
      handlers: [...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + ' ' + a.name)),
      scripts: [...document.scripts].map((s) => s.src || 'inline'),
      injected: document.querySelectorAll('img[src="x"], svg[onload], iframe, object').length,
      jsLinks: [...document.querySelectorAll('[href]')]
        .map((a) => a.getAttribute('href') ?? '')
        .filter((h) => /^\\s*javascript:/i.test(h)),
    }))()`)) as {
      xss: unknown;
      handlers: string[];
      scripts: string[];
      injected: number;
      jsLinks: string[];
    };
    expect(state.xss, where).toBeNull();
    expect(state.handlers, where).toEqual([]);
    expect(
      state.scripts.every((s) => s.startsWith(hx.base)),
      where,
    ).toBe(true);
    expect(state.injected, where).toBe(0);
    expect(state.jsLinks, where).toEqual([]);
    expect(dialogs, where).toEqual([]);
  }

  it('search results show hostile titles and snippets as text', async () => {
    await open('/search?q=Zahid', `Xəbər ${P.script} Zahid Oruc`);
    await assertInert('search');
    await open('/search?q=Zahid', P.formula);
    await open(`/search?q=${encodeURIComponent('<script>')}`, 'Xəbər');
    await assertInert('search for a tag');
  }, 30_000);

  it('item views show hostile bodies, outlet names and labels as text', async () => {
    const [a, b] = items as [Item, Item];
    await open(`/item/${a.id}`, `Zahid Oruc dedi ${P.img}`);
    const text = await bodyText();
    expect(text).toContain(`Kanal ${P.img}`);
    expect(text).toContain(`Sonra ${P.style} yazıldı`);
    await assertInert('item a');
    // The javascript: URL of item b is not a link target.
    await open(`/item/${b.id}`, `Zahid Oruc haqqında ${P.js} keçid`);
    await assertInert('item b');
  }, 30_000);

  it('coverage tables and the sources page show hostile labels as text', async () => {
    await open('/coverage?unit=mentions&period=silence', `Zahid Oruc ${P.svg}${P.script}`);
    await assertInert('coverage');
    await open('/sources', `Kanal ${P.img}`);
    await assertInert('sources');
  }, 30_000);

  it('the review panel of a logged-in coder shows hostile labels as text', async () => {
    await page.goto(`${hx.base}/#/login`);
    await page.fill('input[name=name]', USERS.coder);
    await page.fill('input[name=password]', PASSWORDS.coder);
    await page.click('form button[type=submit]');
    await expect.poll(() => page.locator('#who').textContent()).toContain(USERS.coder);
    await open(`/item/${items[0]!.id}`, `Zahid Oruc dedi ${P.img}`);
    await page.locator('li.review-mention').first().waitFor();
    const options = await page.locator('select[name=entity] option').allTextContents();
    expect(options.some((o) => o.includes(`Zahid Oruc ${P.svg}`))).toBe(true);
    expect(options.some((o) => o.includes(`YAP ${P.img}`))).toBe(true);
    await assertInert('review panel');
  }, 30_000);
});
