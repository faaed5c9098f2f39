// Runs a command under a pseudo-terminal (util-linux `script`), as a user at a terminal
// would: progress lines are drawn only when standard error is a terminal.
import { spawn, spawnSync } from 'node:child_process';

export const hasScript = spawnSync('script', ['--version']).status === 0;

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function runInTerminal(
  argv: string[],
  opts: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<{ code: number | null; output: string }> {
  // A pseudo-terminal made by `script` without a terminal around it has no size, and a
  // terminal of 0 rows shows nothing: give it the size of an ordinary window.
  const command = `stty rows 40 cols 160; exec ${argv.map(quote).join(' ')}`;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
