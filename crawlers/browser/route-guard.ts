// The SSRF guard inside Chromium: every request of every frame passes `guard` before it
// goes out. Playwright never routes redirect hops (Chromium's network stack follows them
// itself), so each request is made here without redirects and, when it answers 3xx, the
// whole chain is walked and checked before the page may follow it.
import type { APIResponse, BrowserContext, Route } from 'playwright-core';
import type { RequestGuard } from './launch.ts';

const MAX_HOPS = 10;

/** The first refused hop of the redirect chain that starts with `first`, or null. */
async function chainRefusal(
  url: string,
  first: APIResponse,
  guard: RequestGuard,
  fetchHop: (url: string) => Promise<APIResponse>,
): Promise<string | null> {
  let current = url;
  let res = first;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const location = res.headers().location;
    if (res.status() < 300 || res.status() >= 400 || !location) return null;
    const next = new URL(location, current).href;
    const reason = await guard(next);
    if (reason) return reason;
    res = await fetchHop(next);
    current = next;
  }
  return null; // too many hops: Chromium gives up on the chain by itself
}

export async function guardContext(
  context: BrowserContext,
  guard: RequestGuard,
  timeoutMs: number,
  refused: string[],
): Promise<void> {
  const refuse = async (route: Route, reason: string) => {
    refused.push(reason);
    await route.abort('blockedbyclient').catch(() => undefined);
  };
  const judge = (url: string) =>
    guard(url).catch((err: unknown) => (err instanceof Error ? err.message : String(err)));

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const reason = await judge(url);
    if (reason) return refuse(route, reason);
    const response = await route.fetch({ maxRedirects: 0, timeout: timeoutMs }).catch(() => null);
    if (!response) return route.abort('failed').catch(() => undefined);
    const hop = (next: string) =>
      context.request.fetch(next, { maxRedirects: 0, timeout: timeoutMs });
    const chain = await chainRefusal(url, response, judge, hop).catch((err: unknown) =>
      err instanceof Error ? err.message : String(err),
    );
    if (chain) return refuse(route, chain);
    await route.fulfill({ response });
  });
  await context.routeWebSocket(/.*/, async (ws) => {
    const reason = await judge(ws.url().replace(/^ws/, 'http'));
    if (reason) {
      refused.push(reason);
      await ws.close();
    } else ws.connectToServer();
  });
}
