// The monitoring report from the dashboard:
//   GET /api/report.{html|pdf|docx}?kind=interim|final&lang=az|en[&from&to]
// Each answer is a download (Content-Disposition: attachment).
import { Router } from 'express';
import { z } from 'zod';
import type { Store } from '../../core/store.ts';
import type { Election } from '../../tagging/index.ts';
import {
  buildReport,
  renderReportDocx,
  renderReportHtml,
  renderReportPdf,
} from '../../report/document/index.ts';
import { FatalError } from '../../core/errors.ts';
import { HttpError } from '../errors.ts';

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

export function reportRoutes(
  store: Store,
  election: Election,
  opts: { chromiumPath: string },
): Router {
  const r = Router();
  r.get('/report.:format', async (req, res) => {
    const format = req.params.format;
    if (!(FORMATS as readonly string[]).includes(format))
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
    const model = await buildReport(store, election, {
      kind: p.kind,
      lang: p.lang,
      ...(p.from ? { from: p.from } : {}),
      ...(p.to ? { to: p.to } : {}),
    });
    const name = `report-${election.id}-${p.kind}-${p.lang}.${format}`;
    let body: string | Buffer;
    if (format === 'docx') body = await renderReportDocx(model, { charts: 'png' });
    else {
      const html = await renderReportHtml(model, 'svg-inline');
      body = format === 'pdf' ? await pdfOrUnavailable(html, opts.chromiumPath) : html;
    }
    res
      .type(TYPES[format as keyof typeof TYPES])
      .attachment(name)
      .send(body);
  });
  return r;
}

/** A missing or broken Chromium is the server's setup, not a bug: say so with a 503. */
async function pdfOrUnavailable(html: string, chromiumPath: string): Promise<Buffer> {
  try {
    return await renderReportPdf(html, { chromiumPath });
  } catch (err) {
    if (err instanceof FatalError) throw new HttpError(503, err.message);
    throw err;
  }
}
