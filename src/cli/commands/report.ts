// monitor report: the interim or final monitoring report as HTML, PDF and/or DOCX files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { FatalError } from '../../core/errors.ts';
import {
  buildReport,
  renderReportDocx,
  renderReportHtml,
  renderReportPdf,
} from '../../report/document/index.ts';
import { loadElection } from '../../tagging/index.ts';
import { DICTIONARIES_DIR, type Context } from '../context.ts';
import { createProgress } from '../output/progress.ts';

const FORMATS = ['html', 'pdf', 'docx'] as const;

const optsSchema = z.object({
  election: z
    .string()
    .regex(/^[a-z0-9_-]+$/, 'an election folder name under dictionaries/')
    .optional(),
  kind: z.enum(['interim', 'final'], { error: '--kind must be interim or final' }),
  lang: z.enum(['az', 'en'], { error: '--lang must be az or en' }),
  format: z
    .string()
    .transform((s) => [
      ...new Set(
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.enum(FORMATS, { error: '--format takes html, pdf and/or docx' })).min(1)),
  out: z.string().min(1),
  from: z.string().optional(),
  to: z.string().optional(),
});

export function reportFileName(election: string, kind: string, lang: string, ext: string) {
  return `report-${election}-${kind}-${lang}.${ext}`;
}

export function registerReport(program: Command, context: () => Context): void {
  program
    .command('report')
    .description(
      'write the monitoring report (methodology, coverage, findings, silence period, data completeness)',
    )
    .option(
      '--election <id>',
      'election id, a folder under dictionaries/ (default MONITOR_ELECTION)',
    )
    .requiredOption('--kind <kind>', 'interim (campaign start to now) or final (whole election)')
    .option('--lang <lang>', 'az or en', 'en')
    .option('--format <list>', 'comma-separated: html, pdf, docx', 'html,pdf,docx')
    .option('--out <dir>', 'directory for the files', '.')
    .option('--from <date>', 'override the start of the period (YYYY-MM-DD or ISO date-time)')
    .option('--to <date>', 'override the end of the period (ISO date-time, excluded)')
    .action(async (raw: Record<string, unknown>) => {
      const parsed = optsSchema.safeParse(raw);
      if (!parsed.success)
        throw new FatalError(parsed.error.issues.map((i) => i.message).join('; '));
      const o = parsed.data;
      const ctx = context();
      const electionId = o.election ?? ctx.config.election;
      const election = loadElection(join(DICTIONARIES_DIR, electionId));
      const store = await ctx.store();
      // Steps, not items: the figures, then one step per file written.
      const steps = 1 + o.format.filter((f) => f !== 'html').length;
      const progress = createProgress({
        label: 'report',
        unit: 'steps',
        total: steps,
        rate: false,
        redrawMs: 0,
        plainEveryMs: 0,
      });
      let step = 0;
      const say = (what: string) => progress.update(step++, { detail: what });
      say('computing the figures');
      const model = await buildReport(store, election, {
        kind: o.kind,
        lang: o.lang,
        ...(o.from ? { from: o.from } : {}),
        ...(o.to ? { to: o.to } : {}),
      });
      const dir = resolve(o.out);
      mkdirSync(dir, { recursive: true });
      const file = (ext: string) => join(dir, reportFileName(election.id, o.kind, o.lang, ext));
      const written: string[] = [];
      const html = await renderReportHtml(model, 'svg-inline');
      if (o.format.includes('html')) {
        writeFileSync(file('html'), html);
        written.push(file('html'));
      }
      if (o.format.includes('pdf')) {
        say('writing the PDF (Chromium)');
        writeFileSync(
          file('pdf'),
          await renderReportPdf(html, { chromiumPath: ctx.config.chromiumPath }),
        );
        written.push(file('pdf'));
      }
      if (o.format.includes('docx')) {
        say('writing the DOCX');
        writeFileSync(file('docx'), await renderReportDocx(model, { charts: 'png' }));
        written.push(file('docx'));
      }
      progress.finish();
      for (const f of written) process.stdout.write(`${f}\n`);
      await ctx.close();
    });
}
