// HTML → PDF printed by Debian's Chromium through playwright-core (loaded only when a PDF
// is asked for). `monitor report` launches a browser for its one PDF and always closes it;
// the server prints on one shared browser (src/report/render/shared-browser.ts).
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { FatalError } from '../../core/errors.ts';
import { CHROMIUM_ARGS } from '../../core/chromium.ts';

export interface PdfOptions {
  /** Default /usr/bin/chromium (MONITOR_CHROMIUM_PATH). */
  chromiumPath?: string;
}

export async function launchChromium(opts: PdfOptions = {}): Promise<Browser> {
  const executablePath = opts.chromiumPath ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new FatalError(
      `No Chromium at ${executablePath}: install it (apt-get install chromium) or set MONITOR_CHROMIUM_PATH; HTML and DOCX reports need no browser`,
    );
  }
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (err) {
    throw new FatalError(`Chromium at ${executablePath} did not start`, { cause: err });
  }
}

/** Prints on a running browser in a fresh page (its own context), closed afterwards. */
export async function printPdf(browser: Browser, html: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    // The report is self-contained; refuse any request so printing never reaches out.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '18mm', bottom: '18mm', left: '15mm', right: '15mm' },
    });
    return Buffer.from(pdf);
  } finally {
    await page.close().catch(() => undefined);
  }
}

export async function renderReportPdf(html: string, opts: PdfOptions = {}): Promise<Buffer> {
  const browser = await launchChromium(opts);
  try {
    return await printPdf(browser, html);
  } finally {
    await browser.close();
  }
}
