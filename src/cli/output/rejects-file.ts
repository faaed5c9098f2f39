// Lines that could not be stored, written beside the input so nothing is lost: each keeps
// its line number, the reason, and the record itself, ready to fix and ingest again
// (`monitor ingest` reads the "item" back out of such a line: src/pipeline/rejected-line.ts).
import { closeSync, existsSync, openSync, rmSync, writeSync } from 'node:fs';
import { rejectedLine } from '../../pipeline/rejected-line.ts';

export interface RejectsFile {
  readonly path: string;
  readonly count: number;
  add(line: number, reason: string, text: string): void;
  close(): void;
}

/** Where the rejects of an input go: FILE.rejects.jsonl, or one per run for stdin. */
export function rejectsPathFor(input: string, now = new Date()): string {
  if (input !== '-') return `${input.replace(/\.jsonl?$/i, '')}.rejects.jsonl`;
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  return `stdin-${stamp}.rejects.jsonl`;
}

export function createRejectsFile(path: string): RejectsFile {
  // A rejects file from an earlier run of the same input would mix old and new lines.
  if (existsSync(path)) rmSync(path);
  let fd: number | null = null;
  let count = 0;
  return {
    path,
    get count() {
      return count;
    },
    add(line, reason, text) {
      fd ??= openSync(path, 'w', 0o644);
      writeSync(fd, `${rejectedLine(line, reason, text)}\n`);
      count++;
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
