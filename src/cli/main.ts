// The `monitor` command line.
import { Command } from 'commander';
import { describeSettings } from '../core/config.ts';
import { errorMessage, FatalError } from '../core/errors.ts';
import { createContext, type Context } from './context.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerServe } from './commands/serve.ts';

const program = new Command('monitor')
  .description('Election media monitor: collects news, posts and transcripts, tags candidates and parties, measures coverage equality.')
  .addHelpText('after', `\nSettings (environment variables):\n${describeSettings()}`)
  .showHelpAfterError();

let ctx: Context | undefined;
const context = () => (ctx ??= createContext());

registerServe(program, context);
registerIngest(program, context);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`monitor: ${err instanceof FatalError ? err.message : errorMessage(err)}\n`);
  if (!(err instanceof FatalError) && process.env.MONITOR_LOG_LEVEL === 'debug' && err instanceof Error) {
    process.stderr.write(`${err.stack}\n`);
  }
  process.exitCode = 1;
}
