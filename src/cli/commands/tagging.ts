// monitor tag (texts from stdin) and monitor retag (everything stored).
import type { Command } from 'commander';
import { tagStream } from '../../tagging/index.ts';
import { retagAll } from '../../pipeline/retag.ts';
import type { Context } from '../context.ts';
import { createProgress } from '../output/progress.ts';

export function registerTagging(program: Command, context: () => Context): void {
  program
    .command('tag')
    .description(
      'tag JSON Lines {"id","text","title"?,"lang"?} from stdin; writes {"id","lang","mentions":[...]} per line',
    )
    .addHelpText(
      'after',
      '\nA malformed line is reported on stderr with its number and skipped; exit code 2 if any was.',
    )
    .action(async () => {
      const ctx = context();
      const r = await tagStream(process.stdin, process.stdout, {
        tagger: ctx.tagger(),
        detector: ctx.detector(),
        errors: process.stderr,
      });
      process.exitCode = r.errors ? 2 : 0;
    });
  program
    .command('retag')
    .description(
      're-tag every stored item with the current dictionaries (reviewed mentions are kept)',
    )
    .action(async () => {
      const ctx = context();
      const tagger = ctx.tagger();
      const store = await ctx.store();
      const total = await store.countItems();
      const progress = createProgress({ label: 'retag', unit: 'items', total });
      const r = await retagAll(store, tagger, {
        onProgress: (s) => progress.update(s.items, { detail: `${s.changed} changed` }),
      });
      progress.finish(
        `retagged ${r.items} items with dictionaries ${tagger.version}; ${r.changed} changed`,
      );
      await ctx.close();
    });
}
