// The `monitor` command line.
import { Command } from 'commander';
import { describeSettings } from '../core/config.ts';
import { errorMessage, FatalError } from '../core/errors.ts';
import { createContext, type Context } from './context.ts';
import { redact } from '../core/redact.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerServe } from './commands/serve.ts';
import { registerStart } from './commands/start.ts';
import { registerCrawl } from './commands/crawl.ts';
import { registerDemo } from './commands/demo.ts';
import { registerExtract } from './commands/extract.ts';
import { registerSources } from './commands/sources.ts';
import { registerMetrics } from './commands/metrics.ts';
import { registerTagging } from './commands/tagging.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerImportSegments } from './commands/import-segments.ts';
import { registerUser } from './commands/user.ts';
import { registerReport } from './commands/report.ts';
import { registerBackup } from './commands/backup.ts';
import { registerStatus } from './commands/status.ts';
import { registerDictionary } from './commands/dictionary.ts';

const program = new Command('monitor')
  .description(
    'Election media monitor: collects news, posts and transcripts, tags candidates and parties, measures coverage equality.',
  )
  .addHelpText('after', `\nSettings (environment variables):\n${describeSettings()}`)
  .showHelpAfterError();

let ctx: Context | undefined;
const context = () => (ctx ??= createContext());

registerStart(program, context);
registerServe(program, context);
registerCrawl(program, context);
registerIngest(program, context);
registerDemo(program, context);
registerExtract(program, context);
registerSources(program, context);
registerTagging(program, context);
registerMetrics(program, context);
registerMigrate(program, context);
registerImportSegments(program, context);
registerUser(program, context);
registerReport(program, context);
registerBackup(program, context);
registerStatus(program, context);
registerDictionary(program, context);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const message = err instanceof FatalError ? err.message : errorMessage(err);
  process.stderr.write(`monitor: ${redact(message)}\n`);
  if (
    !(err instanceof FatalError) &&
    process.env.MONITOR_LOG_LEVEL === 'debug' &&
    err instanceof Error
  ) {
    process.stderr.write(`${redact(err.stack ?? '')}\n`);
  }
  process.exitCode = 1;
}
