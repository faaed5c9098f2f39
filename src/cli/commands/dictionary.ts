// monitor dictionary suggest: forms of candidates and parties that stored items use and
// the dictionaries lack, as YAML to review and paste.
import type { Command } from 'commander';
import type { Context } from '../context.ts';
import { suggestForms, suggestionsYaml } from '../../tagging/suggest/index.ts';
import { createProgress } from '../output/progress.ts';

export function registerDictionary(program: Command, context: () => Context): void {
  const dictionary = program
    .command('dictionary')
    .description('help keep the candidate and party dictionaries current');
  dictionary
    .command('suggest')
    .description(
      'mine stored items for unlisted forms (abbreviations defined in parentheses, party-like names, near spellings, patronymic forms); prints YAML',
    )
    .option('--min-count <n>', 'items a form must appear in', '2')
    .action(async (opts: { minCount: string }) => {
      const ctx = context();
      const store = await ctx.store();
      const tagger = ctx.tagger();
      const total = await store.countItems();
      const progress = createProgress({ label: 'dictionary suggest', unit: 'items', total });
      let read = 0;
      async function* items() {
        for await (const batch of store.scanItems(500)) {
          read += batch.length;
          progress.update(read);
          yield batch.map((i) => ({ title: i.title, text: i.text, lang: i.lang }));
        }
      }
      const result = await suggestForms(items(), tagger, tagger.election, {
        minCount: Math.max(1, Number(opts.minCount) || 2),
      });
      progress.finish();
      await ctx.close();
      process.stdout.write(suggestionsYaml(result, tagger.election));
    });
}
