// monitor metrics: shares of voice, tone and equality indices for an election.
import type { Command } from 'commander';
import { z } from 'zod';
import { PERIOD_IDS } from '../../metrics/index.ts';
import { toCsv } from '../../report/tables/index.ts';
import { loadElection } from '../../tagging/index.ts';
import { OWNERSHIPS } from '../../core/types.ts';
import { DICTIONARIES_DIR, type Context } from '../context.ts';
import { computeMetrics } from '../../report/coverage-metrics.ts';
import { join } from 'node:path';

const optsSchema = z.object({
  election: z.string().regex(/^[a-z0-9_-]+$/, 'an election folder name under dictionaries/'),
  from: z.string().optional(),
  to: z.string().optional(),
  period: z.enum(PERIOD_IDS).optional(),
  unit: z.enum(['items', 'mentions', 'words', 'seconds']),
  by: z.enum(['entity', 'party', 'outlet', 'ownership']),
  type: z.enum(['candidate', 'party']).optional(),
  dedupe: z.enum(['each', 'story']),
  format: z.enum(['json', 'csv']),
  outlet: z.array(z.string()).optional(),
  ownership: z.array(z.enum(OWNERSHIPS)).optional(),
  bootstrap: z.boolean(),
});

export function registerMetrics(program: Command, context: () => Context): void {
  program
    .command('metrics')
    .description(
      'coverage per subject and equality indices (the indices are this project’s own measures)',
    )
    .requiredOption('--election <id>', 'election id (a folder under dictionaries/)')
    .option('--from <date>', 'first day (YYYY-MM-DD, Baku time) or ISO date-time')
    .option('--to <date>', 'last day, included (YYYY-MM-DD) or ISO date-time, excluded')
    .option('--period <id>', `one of ${PERIOD_IDS.join(', ')} (overrides --from/--to)`)
    .option('--unit <unit>', 'items | mentions | words | seconds', 'mentions')
    .option('--by <dimension>', 'entity | party | outlet | ownership', 'entity')
    .option('--type <type>', 'with --by entity: candidate (default) or party')
    .option('--dedupe <mode>', 'each (every copy) or story (each story once)', 'each')
    .option('--outlet <id...>', 'only these outlets (source ids)')
    .option('--ownership <kind...>', 'only outlets of this ownership')
    .option('--bootstrap', 'add 95 % bootstrap confidence intervals of the shares', false)
    .option('--format <format>', 'json | csv', 'json')
    .action(async (raw: Record<string, unknown>) => {
      const o = optsSchema.parse(raw);
      const ctx = context();
      const election = loadElection(join(DICTIONARIES_DIR, o.election));
      const store = await ctx.store();
      const report = await computeMetrics(store, election, {
        unit: o.unit,
        by: o.by,
        dedupe: o.dedupe,
        bootstrap: o.bootstrap,
        ...(o.type ? { type: o.type } : {}),
        ...(o.from ? { from: o.from } : {}),
        ...(o.to ? { to: o.to } : {}),
        ...(o.period ? { period: o.period } : {}),
        filter: {
          ...(o.outlet ? { sources: o.outlet } : {}),
          ...(o.ownership ? { ownership: o.ownership } : {}),
        },
      });
      if (o.format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else {
        const rows = report.subjects.map((s) => ({
          ...s,
          positive: s.tone.positive,
          neutral: s.tone.neutral,
          negative: s.tone.negative,
        }));
        process.stdout.write(
          toCsv(rows, [
            { key: 'entity', header: 'subject' },
            { key: 'value', header: `value_${report.unit}` },
            { key: 'share', header: 'share' },
            { key: 'gapToEqual', header: 'gap_to_equal_share' },
            { key: 'items', header: 'items' },
            { key: 'mentions', header: 'mentions' },
            { key: 'titleMentions', header: 'title_mentions' },
            { key: 'positive', header: 'positive' },
            { key: 'neutral', header: 'neutral' },
            { key: 'negative', header: 'negative' },
          ]),
        );
      }
      await ctx.close();
    });
}
