// Runs the real `monitor start` (dashboard + crawl in one process) in a child process
// and waits for the dashboard's address, as an operator would start it.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../src/cli/bin.js', import.meta.url));

export interface RunningMonitor {
  /** The dashboard's origin, without a trailing slash. */
  url: string;
  child: ChildProcess;
  /** What the process wrote to stderr so far (warnings and errors). */
  stderr(): string;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`; resolves on exit. */
  stop(graceMs?: number): Promise<number | null>;
}

export async function startMonitor(
  args: string[],
  env: Record<string, string>,
  opts: { startTimeoutMs?: number } = {},
): Promise<RunningMonitor> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`monitor ${args.join(' ')} did not start within limit:\n${stderr}`));
    }, opts.startTimeoutMs ?? 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /Dashboard: (http:\/\/\S+?)\/?\n/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`monitor ${args.join(' ')} exited with ${code} before serving:\n${stderr}`));
    });
  });
  return {
    url,
    child,
    stderr: () => stderr,
    stop: async (graceMs = 5000) => {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
