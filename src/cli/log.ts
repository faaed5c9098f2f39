// A small logger: one line per event on stderr, so stdout stays clean for JSON output.
// Every line passes redact(): credentials in URLs and known secret values never reach a log.
export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

const MASK = '***';
/** scheme://user:password@ or scheme://token@ */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:]*)(?::([^\s/?#@]*))?@/gi;
/** password=…, "secret": "…", Authorization: Bearer …, Cookie: … */
const SECRET_FIELD =
  /\b(password|passwd|secret|token|api[_-]?key|authorization|cookie|set-cookie|x-csrf-token)(["']?\s*[:=]\s*["']?)(?:(?:basic|bearer)\s+)?[^\s"',;&]+/gi;

/**
 * The text with credentials masked: the password (or bare token) of URLs, values of
 * password/secret/token/cookie fields, and every value in `secrets` (at least 6 characters
 * long, so short words are never masked by accident).
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s.length >= 6) out = out.split(s).join(MASK);
  out = out.replace(URL_USERINFO, (_m, scheme: string, user: string, pass?: string) =>
    pass === undefined ? `${scheme}${MASK}@` : `${scheme}${user}:${MASK}@`,
  );
  return out.replace(SECRET_FIELD, (_m, name: string, sep: string) => `${name}${sep}${MASK}`);
}

export interface LoggerOptions {
  /** Values never to print (the session secret, passwords from the environment). */
  secrets?: readonly string[];
}

export function createLogger(
  level: Level = 'info',
  write: (line: string) => void = (l) => process.stderr.write(l),
  opts: LoggerOptions = {},
): Logger {
  const secrets = opts.secrets ?? [];
  const at = (l: Level) => (msg: string) => {
    if (ORDER[l] >= ORDER[level])
      write(`${new Date().toISOString()} ${l.padEnd(5)} ${redact(msg, secrets)}\n`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
