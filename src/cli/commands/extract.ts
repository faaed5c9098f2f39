// monitor extract FILE...: article text from saved pages, one JSON line per file.
import type { Command } from 'commander';
import { createExtractor, extractFiles } from '../../extract/index.ts';
import type { Context } from '../context.ts';

export function registerExtract(program: Command, context: () => Context): void {
  program
    .command('extract')
    .description(
      'print {"file","title","text","publishedAt","author","lang"} for each saved HTML page (.html or .html.gz)',
    )
    .argument('<files...>', 'HTML files, optionally gzip-compressed')
    .action(async (files: string[]) => {
      const ctx = context();
      const detector = ctx.detector();
      const r = await extractFiles(files, process.stdout, {
        extractor: createExtractor(),
        detectLanguage: (t) => detector.detect(t),
      });
      if (r.failed) ctx.log.warn(`${r.failed} of ${files.length} files could not be read`);
      process.exitCode = r.failed ? 2 : 0;
    });
}
