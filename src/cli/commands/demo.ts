// monitor demo: a made-up news web on 127.0.0.1, crawled into a fresh data directory and
// served, so a new user sees the whole monitor working with no internet.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { sqliteAccounts } from '../../store/sqlite/accounts.ts';
import { hashPassword } from '../../api/auth/index.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { runAllOnce } from '../../../crawlers/index.ts';
import { startDemoWeb } from '../../demo/server.ts';
import { createContext, type Context } from '../context.ts';
import { crawlRuntime, describeRun } from '../crawling.ts';
import { startServer } from '../server.ts';
import { waitForSignal } from './serve.ts';

/** Opens the dashboard in the desktop's browser when there is a desktop; else the URL above is enough. */
function openInBrowser(url: string): void {
  if (
    process.env.CI ||
    (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux')
  )
    return;
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => {}); // no opener installed: the printed URL stands
  child.unref();
}

/** A throw-away admin for the demo's own data directory, so reviewing can be tried. */
async function demoAccount(dataDir: string): Promise<string> {
  const password = randomBytes(9).toString('base64url');
  const accounts = sqliteAccounts({ path: join(dataDir, 'monitor.sqlite') });
  await accounts.init();
  await accounts.saveUser({
    name: 'demo',
    role: 'admin',
    passwordHash: await hashPassword(password),
    createdAt: new Date().toISOString(),
  });
  await accounts.close();
  return password;
}

export function registerDemo(program: Command, context: () => Context): void {
  program
    .command('demo')
    .description(
      'serve the offline demo news web, crawl it into a fresh data directory and open the dashboard on it',
    )
    .option('--data-dir <dir>', 'where to put the demo store (default: a new temporary directory)')
    .option('--no-serve', 'crawl and exit, without the dashboard')
    .action(async (opts: { dataDir?: string; serve: boolean }) => {
      const base = context();
      const dataDir = opts.dataDir
        ? resolve(opts.dataDir)
        : mkdtempSync(join(tmpdir(), 'monitor-demo-'));
      // The demo never touches ./data and is polite but quick to its own local server.
      const ctx = createContext({ ...base.config, dataDir, hostDelayMs: 0, hostConcurrency: 8 });
      const web = await startDemoWeb();
      ctx.log.info(`demo news web: ${web.url}/ (${web.sources.length} sources); data: ${dataDir}`);
      const store = await ctx.store();
      await store.upsertSources(web.sources);
      const runtime = await crawlRuntime(ctx);
      const results = await runAllOnce(web.sources, (s) => runtime.run(s, { force: true }), {
        concurrency: 3,
      });
      for (const r of results)
        if (r.result) process.stdout.write(`${describeRun(r.source, r.result)}\n`);
      process.stdout.write(`Stored ${await store.countItems()} items from the demo web.\n`);
      if (!opts.serve) {
        await web.close();
        await ctx.close();
        return;
      }
      const password = await demoAccount(dataDir);
      const server = await startServer(ctx, store);
      process.stdout.write(
        `Dashboard: ${server.url}\nDemo news web: ${web.url}/\n` +
          `To review tags, sign in as "demo" with password ${password}\nPress Ctrl+C to stop.\n`,
      );
      openInBrowser(server.url);
      await waitForSignal();
      await server.close();
      await web.close();
      await ctx.close();
    });
}
