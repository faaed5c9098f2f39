// The little of Playwright the browser crawler uses, so tests can pass a fake.
import { CHROMIUM_ARGS } from '../../src/core/chromium.ts';

export interface RenderedPage {
  /** HTTP status of the main document, or null if unknown. */
  status: number | null;
  url: string;
  html: string;
}

export interface BrowserSession {
  render(url: string, opts: { timeoutMs: number; userAgent: string }): Promise<RenderedPage>;
  close(): Promise<void>;
}

export type LaunchBrowser = (executablePath: string) => Promise<BrowserSession>;

/** Launches Debian's Chromium through playwright-core, imported only when needed. */
export const launchChromium: LaunchBrowser = async (executablePath) => {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  return {
    async render(url, opts) {
      const context = await browser.newContext({ userAgent: opts.userAgent });
      try {
        const page = await context.newPage();
        const res = await page.goto(url, {
          timeout: opts.timeoutMs,
          waitUntil: 'domcontentloaded',
        });
        // Give scripts a moment to fill the page; network may never go fully idle.
        await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => undefined);
        return { status: res?.status() ?? null, url: page.url(), html: await page.content() };
      } finally {
        await context.close();
      }
    },
    close: () => browser.close(),
  };
};
