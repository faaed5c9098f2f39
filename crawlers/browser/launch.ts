// The little of Playwright the browser crawler uses, so tests can pass a fake.
import { CHROMIUM_ARGS } from '../../src/core/chromium.ts';
import { SkipItemError } from '../../src/core/errors.ts';
import { guardContext } from './route-guard.ts';

export interface RenderedPage {
  /** HTTP status of the main document, or null if unknown. */
  status: number | null;
  url: string;
  html: string;
  /** Requests the guard stopped (redirects, scripts, images, fetch calls), with why. */
  refused?: string[];
}

/** Why a request the page makes must not go out, or null when it may. */
export type RequestGuard = (url: string) => Promise<string | null>;

export interface RenderOptions {
  timeoutMs: number;
  userAgent: string;
  /** Judges every request Chromium makes for the page; none when the source allows private. */
  guard?: RequestGuard;
}

export interface BrowserSession {
  render(url: string, opts: RenderOptions): Promise<RenderedPage>;
  close(): Promise<void>;
}

export type LaunchBrowser = (executablePath: string) => Promise<BrowserSession>;

/** Launches Debian's Chromium through playwright-core, imported only when needed. */
export const launchChromium: LaunchBrowser = async (executablePath) => {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  return {
    async render(url, opts) {
      const context = await browser.newContext({
        userAgent: opts.userAgent,
        // Workers could fetch beside the route below.
        serviceWorkers: 'block',
      });
      const refused: string[] = [];
      // Every request of every frame, redirect hops included, passes the SSRF guard.
      if (opts.guard) await guardContext(context, opts.guard, opts.timeoutMs, refused);
      try {
        const page = await context.newPage();
        const res = await page
          .goto(url, { timeout: opts.timeoutMs, waitUntil: 'domcontentloaded' })
          .catch((err: unknown) => {
            // The document itself (or a redirect hop) was refused: say why, do not retry.
            if (refused.length) throw new SkipItemError(refused.join('; '), { cause: err });
            throw err;
          });
        // Give scripts a moment to fill the page; network may never go fully idle.
        await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => undefined);
        return {
          status: res?.status() ?? null,
          url: page.url(),
          html: await page.content(),
          refused,
        };
      } finally {
        await context.close();
      }
    },
    close: () => browser.close(),
  };
};
