// An append-only JSON Lines spool on disk: writes that could not reach the store wait here.
// Every entry has a sequence number that only grows; `<path>.done` holds the last one
// written to the store. A crash mid-append leaves a torn last line (cut off on the next
// open: its caller never heard 'queued'); a crash mid-drain replays at most the batch in
// flight (writes are idempotent by URL). Nothing acknowledged is ever dropped.
import { open, mkdir, readFile, rename, appendFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readLines } from './read-lines.ts';

export interface SpoolEntry<T> {
  seq: number;
  op: string;
  value: T;
}

export interface Spool<T> {
  readonly path: string;
  /** Entries not yet written to the store. */
  size(): Promise<number>;
  /** Appends and fsyncs one batch; resolves with the number waiting afterwards. */
  append(op: string, values: T[]): Promise<number>;
  /** Waiting entries, oldest first, in batches of at most `batchSize`. */
  pending(batchSize: number): AsyncIterable<SpoolEntry<T>[]>;
  /** Everything up to `seq` is in the store; empties the file once nothing waits. */
  commit(seq: number): Promise<void>;
}

interface State {
  /** Last sequence number written to the store. */
  done: number;
  /** Last sequence number in the file. */
  last: number;
  waiting: number;
}

async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function readDone(path: string): Promise<number> {
  try {
    const n = Number((await readFile(path, 'utf8')).trim());
    return Number.isSafeInteger(n) && n >= 0 ? n : 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
}

function parse<T>(line: string): SpoolEntry<T> | null {
  try {
    const e = JSON.parse(line) as Partial<SpoolEntry<T>>;
    return typeof e.seq === 'number' && typeof e.op === 'string' ? (e as SpoolEntry<T>) : null;
  } catch {
    return null;
  }
}

export function spoolFile<T>(path: string, log: (m: string) => void = console.warn): Spool<T> {
  const donePath = `${path}.done`;
  let state: Promise<State> | undefined;

  /** Reads the file once: counts what waits, cuts a torn tail, sets unreadable lines aside. */
  async function load(): Promise<State> {
    await mkdir(dirname(path), { recursive: true });
    const done = await readDone(donePath);
    const s: State = { done, last: done, waiting: 0 };
    let goodEnd = 0;
    let torn = false;
    for await (const { line, end, complete } of readLines(path)) {
      if (!complete) {
        torn = true;
        break;
      }
      goodEnd = end;
      if (!line.trim()) continue;
      const e = parse<T>(line);
      if (!e) {
        // Never dropped: kept beside the spool for a person to look at.
        await appendFile(`${path}.unreadable`, line + '\n', 'utf8');
        log(`Write queue ${path}: an unreadable line was set aside in ${path}.unreadable`);
        continue;
      }
      s.last = Math.max(s.last, e.seq);
      if (e.seq > done) s.waiting++;
    }
    if (torn) {
      const fh = await open(path, 'r+');
      try {
        await fh.truncate(goodEnd);
        await fh.sync();
      } finally {
        await fh.close();
      }
      log(`Write queue ${path}: cut off a line left half-written by a crash`);
    }
    return s;
  }
  const ready = () => (state ??= load());

  return {
    path,
    async size() {
      return (await ready()).waiting;
    },
    async append(op, values) {
      const s = await ready();
      if (!values.length) return s.waiting;
      let seq = s.last;
      const text = values.map((value) => JSON.stringify({ seq: ++seq, op, value }) + '\n').join('');
      const fh = await open(path, 'a');
      try {
        await fh.writeFile(text, 'utf8');
        await fh.sync();
      } finally {
        await fh.close();
      }
      s.last = seq;
      s.waiting += values.length;
      return s.waiting;
    },
    async *pending(batchSize) {
      const s = await ready();
      let batch: SpoolEntry<T>[] = [];
      for await (const { line, complete } of readLines(path)) {
        if (!complete) break;
        const e = line.trim() ? parse<T>(line) : null;
        if (!e || e.seq <= s.done) continue;
        batch.push(e);
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    },
    async commit(seq) {
      const s = await ready();
      if (seq <= s.done) return;
      // Written aside and renamed: the marker is either the old or the new number.
      const tmp = `${donePath}.tmp`;
      const fh = await open(tmp, 'w');
      try {
        await fh.writeFile(String(seq), 'utf8');
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, donePath);
      await fsyncDir(dirname(path));
      const before = s.done;
      s.done = seq;
      s.waiting = Math.max(0, s.waiting - (Math.min(seq, s.last) - before));
      if (s.done >= s.last) {
        // Numbers keep growing after this, so a stale marker can never hide new entries.
        const f = await open(path, 'a');
        try {
          await f.truncate(0);
          await f.sync();
        } finally {
          await f.close();
        }
        s.waiting = 0;
      }
    },
  };
}
