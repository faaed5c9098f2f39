// Real small file systems for fault tests: a tmpfs of a given size that can be filled or
// remounted read-only. Needs root with CAP_SYS_ADMIN (true on the dev machine and CI);
// `canMount()` probes once so the tests that need it can be skipped elsewhere.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (args: string[]) => execFileSync(args[0]!, args.slice(1), { stdio: 'pipe' });

let probed: boolean | undefined;

export function canMount(): boolean {
  if (probed !== undefined) return probed;
  const dir = mkdtempSync(join(tmpdir(), 'monitor-mount-probe-'));
  try {
    run(['mount', '-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
    run(['mount', '-o', 'remount,ro', dir]);
    run(['umount', dir]);
    probed = true;
  } catch {
    probed = false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return probed;
}

export interface Tmpfs {
  dir: string;
  readonly(): void;
  writable(): void;
  unmount(): void;
}

export function mountTmpfs(size: string): Tmpfs {
  const dir = mkdtempSync(join(tmpdir(), 'monitor-tmpfs-'));
  run(['mount', '-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  let mounted = true;
  return {
    dir,
    readonly: () => void run(['mount', '-o', 'remount,ro', dir]),
    writable: () => void run(['mount', '-o', 'remount,rw', dir]),
    unmount() {
      if (!mounted) return;
      mounted = false;
      run(['umount', '-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
