// npm run screenshots: the dashboard's main pages as PNG files, so anyone can look at the
// interface without starting it. Crawls the offline demo web into a temporary store,
// serves it, and has Chromium photograph each page in Azerbaijani and English.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS } from '../src/core/chromium.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'src/cli/bin.js');
const OUT = resolve(ROOT, 'screenshots');
const CHROMIUM = process.env.MONITOR_CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = CHROMIUM_ARGS;

function fail(message: string): never {
  process.stderr.write(`screenshots: ${message}\n`);
  process.exit(1);
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? done() : reject(new Error(`monitor ${args[0]} exited ${code}: ${err}`)),
    );
  });
}

/** Starts `monitor serve` and resolves with the URL from its "Dashboard: URL" line. */
function serve(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`no "Dashboard:" line within 30 s: ${err}`)),
      30_000,
    );
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Dashboard: (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        done({ url: m[1].replace(/\/$/, ''), child });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`monitor serve exited ${code}: ${err}`));
    });
  });
}

const PAGES: Array<{ name: string; hash: string; ready: string }> = [
  { name: 'search', hash: '#/search', ready: 'ol.results li' },
  { name: 'search-nurullayev', hash: '#/search?q=Nurullayev', ready: 'ol.results li a.title' },
  { name: 'item', hash: '', ready: 'article.item' },
  {
    name: 'coverage',
    hash: '#/coverage',
    ready: 'main#view svg, main#view canvas, main#view table',
  },
  { name: 'sources', hash: '#/sources', ready: 'table.sources tbody tr' },
];

/** Lazy images below the fold never load for a full-page shot; load them all first. */
const LOAD_IMAGES = `Promise.all([...document.images].map((i) => {
  i.loading = 'eager';
  return i.complete ? null : new Promise((r) => { i.onload = r; i.onerror = r; });
}))`;

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM))
    fail(
      `no Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set MONITOR_CHROMIUM_PATH`,
    );
  const dataDir = mkdtempSync(join(tmpdir(), 'monitor-screenshots-'));
  const env = { ...process.env, MONITOR_DATA_DIR: dataDir, MONITOR_LOG_LEVEL: 'warn' };
  let server: ChildProcess | undefined;
  const { chromium } = await import('playwright-core');
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    await run(['demo', '--no-serve', '--data-dir', dataDir], env);
    const started = await serve(env);
    server = started.child;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    mkdirSync(OUT, { recursive: true });
    const written: string[] = [];
    for (const lang of ['az', 'en'] as const) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      // The dashboard keeps the language in localStorage (the #lang button sets it).
      await context.addInitScript(`localStorage.setItem('lang', ${JSON.stringify(lang)})`);
      const page = await context.newPage();
      let itemHash = '';
      for (const p of PAGES) {
        const hash = p.name === 'item' ? itemHash : p.hash;
        if (!hash) continue;
        await page.goto(`${started.url}/${hash}`);
        await page.locator(p.ready).first().waitFor({ timeout: 15_000 });
        await page.waitForLoadState('networkidle');
        await page.evaluate(LOAD_IMAGES);
        if (p.name === 'search-nurullayev') {
          const href = await page.locator('ol.results li a.title').first().getAttribute('href');
          itemHash = href ?? '';
        }
        const file = join(OUT, `${p.name}-${lang}.png`);
        await page.screenshot({ path: file, fullPage: true });
        written.push(file);
      }
      await context.close();
    }
    for (const f of written) process.stdout.write(`${f}\n`);
  } finally {
    await browser?.close();
    server?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
