// The key that signs session cookies and CSRF tokens: MONITOR_SESSION_SECRET when given,
// else a random one kept in <dataDir>/session-secret (0600), made on first use.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FatalError } from '../../core/errors.ts';

export const SECRET_FILE = 'session-secret';
const MIN_LENGTH = 32;

export interface SecretOptions {
  dataDir: string;
  /** The value of MONITOR_SESSION_SECRET, if set. */
  fromEnv?: string | undefined;
  /** Told when the file is made or its permissions are repaired (never the secret). */
  log?: (msg: string) => void;
}

export function loadSessionSecret(opts: SecretOptions): string {
  if (opts.fromEnv) {
    if (opts.fromEnv.length < MIN_LENGTH)
      throw new FatalError(
        `MONITOR_SESSION_SECRET must be at least ${MIN_LENGTH} characters (e.g. openssl rand -hex 32)`,
      );
    return opts.fromEnv;
  }
  const file = join(opts.dataDir, SECRET_FILE);
  try {
    mkdirSync(opts.dataDir, { recursive: true });
    // 'wx' fails when the file exists, so two processes starting at once keep one secret.
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    opts.log?.(`created ${file} (signs dashboard sessions; keep it private)`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST')
      throw new FatalError(`Cannot create the session secret ${file}: check MONITOR_DATA_DIR`, {
        cause: err,
      });
  }
  try {
    if ((statSync(file).mode & 0o077) !== 0) {
      chmodSync(file, 0o600);
      opts.log?.(`${file} was readable by others; permissions set to 0600`);
    }
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length < MIN_LENGTH) throw new Error(`shorter than ${MIN_LENGTH} characters`);
    return secret;
  } catch (err) {
    throw new FatalError(
      `Cannot read the session secret ${file}: delete it to make a new one (everyone is logged out)`,
      { cause: err },
    );
  }
}
