// A small logger: one line per event on stderr, so stdout stays clean for JSON output.
// Every line passes redact(): credentials in URLs and known secret values never reach a log.
import { redact } from '../core/redact.ts';
import { writeStderr } from './output/terminal.ts';

export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export interface LoggerOptions {
  /** Values never to print (the session secret, passwords from the environment). */
  secrets?: readonly string[];
}

export function createLogger(
  level: Level = 'info',
  write: (line: string) => void = writeStderr,
  opts: LoggerOptions = {},
): Logger {
  const secrets = opts.secrets ?? [];
  const at = (l: Level) => (msg: string) => {
    if (ORDER[l] >= ORDER[level])
      write(`${new Date().toISOString()} ${l.padEnd(5)} ${redact(msg, secrets)}\n`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
