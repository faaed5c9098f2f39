// One Chromium for every PDF the server prints. Launched on the first PDF, reused, launched
// again when it dies (crash, OOM, killed), closed with the server. A gate bounds the pages
// printing at once and the PDFs waiting; the rest are refused with 503 + Retry-After, so a
// burst of requests costs one browser and a few pages, not one browser each.
import type { Browser } from 'playwright-core';
import { RetryLaterError } from '../../core/errors.ts';
import { launchChromium, printPdf } from '../document/pdf.ts';
import { limit, type LimitStats } from './limit.ts';

export interface PdfPrinterOptions {
  chromiumPath: string;
  /** Pages printing at once (MONITOR_PDF_PAGES). */
  concurrency: number;
  /** PDFs waiting at most (MONITOR_RENDER_QUEUE). */
  maxQueue: number;
}

export interface PdfPrinter {
  print(html: string): Promise<Buffer>;
  /** Closes the browser; later prints are refused. */
  close(): Promise<void>;
  stats(): LimitStats & { launches: number; prints: number };
}

export function sharedBrowser(opts: PdfPrinterOptions): PdfPrinter {
  const gate = limit({
    concurrency: opts.concurrency,
    maxQueue: opts.maxQueue,
    what: 'PDF printing',
  });
  let browser: Promise<Browser> | null = null;
  let launches = 0;
  let prints = 0;
  let closed = false;

  const current = (): Promise<Browser> => {
    if (browser) return browser;
    launches++;
    const launching = launchChromium({ chromiumPath: opts.chromiumPath }).then((b) => {
      b.on('disconnected', () => {
        // The next print launches a new one.
        if (browser === launching) browser = null;
      });
      return b;
    });
    // A failed launch is not remembered: the next request tries again (and says why).
    launching.catch(() => {
      if (browser === launching) browser = null;
    });
    browser = launching;
    return launching;
  };

  return {
    print: (html) =>
      gate.run(async () => {
        if (closed) throw new RetryLaterError('PDF printing has stopped: the server is closing');
        const pdf = await printPdf(await current(), html);
        prints++;
        return pdf;
      }),
    async close() {
      closed = true;
      const b = browser;
      browser = null;
      if (b) await (await b.catch(() => null))?.close();
    },
    stats: () => ({ ...gate.stats(), launches, prints }),
  };
}
