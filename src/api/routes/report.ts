// The monitoring report from the dashboard:
//   GET /api/report.{html|pdf|docx}?kind=interim|final&lang=az|en[&from&to]
// Each answer is a download (Content-Disposition: attachment).
import { Router } from 'express';
import { z } from 'zod';
import type { Store } from '../../core/store.ts';
import type { Election } from '../../tagging/index.ts';
import { buildReport } from '../../report/document/index.ts';
import { FatalError } from '../../core/errors.ts';
import { HttpError } from '../errors.ts';
import { inlineRenderer } from '../../report/render/inline-renderer.ts';
import type { Renderer } from '../../report/render/modules.ts';
import { sharedBrowser, type PdfPrinter } from '../../report/render/shared-browser.ts';
import { reportCache, type ReportCache } from '../report-cache.ts';

const FORMATS = ['html', 'pdf', 'docx'] as const;
const TYPES = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const paramsSchema = z.object({
  kind: z.enum(['interim', 'final']),
  lang: z.enum(['az', 'en']).default('en'),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
});

export interface ReportRouteOptions {
  /** Used when no printer is given (tests); the server passes its shared browser. */
  chromiumPath?: string;
  /** Prints the PDFs: one shared browser with a queue. */
  printer?: PdfPrinter;
  /** Renders HTML and DOCX off the server thread (the render pool). */
  renderer?: Renderer;
  /** Finished reports per parameter set and store state. */
  cache?: ReportCache;
}

export function reportRoutes(store: Store, election: Election, opts: ReportRouteOptions): Router {
  const r = Router();
  const printer =
    opts.printer ??
    sharedBrowser({
      chromiumPath: opts.chromiumPath ?? '/usr/bin/chromium',
      concurrency: 2,
      maxQueue: 8,
    });
  const renderer = opts.renderer ?? inlineRenderer();
  const cache = opts.cache ?? reportCache(store);

  const render = async (format: Format, p: ReportParams): Promise<string | Buffer> => {
    const model = await buildReport(store, election, {
      kind: p.kind,
      lang: p.lang,
      ...(p.from ? { from: p.from } : {}),
      ...(p.to ? { to: p.to } : {}),
    });
    if (format === 'docx')
      return renderer.call('document', 'renderReportDocx', model, { charts: 'png' });
    const html = await renderer.call('document', 'renderReportHtml', model, 'svg-inline');
    return format === 'pdf' ? pdfOrUnavailable(printer, html) : html;
  };

  r.get('/report.:format', async (req, res) => {
    const format = req.params.format;
    if (!isFormat(format))
      throw new HttpError(404, 'reports come as report.html, report.pdf or report.docx');
    const parsed = paramsSchema.safeParse(req.query);
    if (!parsed.success) {
      const bad = parsed.error.issues.map((i) => i.path.join('.') || 'query');
      throw new HttpError(
        400,
        `bad report parameters (${bad.join(', ')}): kind must be interim or final, lang az or en`,
      );
    }
    const p = parsed.data;
    for (const d of [p.from, p.to])
      if (d !== undefined && Number.isNaN(Date.parse(d)))
        throw new HttpError(400, `not a date: ${d} (use YYYY-MM-DD or an ISO date-time)`);
    // Same question, same store state: the same document (rendered once, also when asked
    // for by many at the same moment).
    const body = await cache.get(format, p, () => render(format, p));
    const name = `report-${election.id}-${p.kind}-${p.lang}.${format}`;
    res.type(TYPES[format]).attachment(name).send(body);
  });
  return r;
}

type Format = (typeof FORMATS)[number];
type ReportParams = z.output<typeof paramsSchema>;
const isFormat = (f: string): f is Format => (FORMATS as readonly string[]).includes(f);

/** A missing or broken Chromium is the server's setup, not a bug: say so with a 503. */
async function pdfOrUnavailable(printer: PdfPrinter, html: string): Promise<Buffer> {
  try {
    return await printer.print(html);
  } catch (err) {
    if (err instanceof FatalError) throw new HttpError(503, err.message);
    throw err;
  }
}
