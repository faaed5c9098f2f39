// Items Elasticsearch rejected (after retries) are appended to a JSON Lines file with
// the whole document, so nothing is silently dropped; replay() sends them again.
import { appendFile, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface DeadLetterEntry {
  at: string;
  action: 'index' | 'delete';
  index: string;
  id: string;
  url?: string;
  status: number | null;
  error: string;
  doc?: unknown;
}

export interface DeadLetter {
  readonly path: string;
  write(entries: DeadLetterEntry[]): Promise<void>;
  /** Takes every entry out of the file (the caller writes back what still fails). */
  drain(): Promise<DeadLetterEntry[]>;
}

export function deadLetterFile(path: string): DeadLetter {
  return {
    path,
    async write(entries) {
      if (!entries.length) return;
      await mkdir(dirname(path), { recursive: true });
      await appendFile(path, entries.map((e) => JSON.stringify(e)).join('\n') + '\n', 'utf8');
    },
    async drain() {
      // Renamed first, so entries appended meanwhile land in a fresh file.
      const taking = `${path}.replaying`;
      try {
        await rename(path, taking);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
      const text = await readFile(taking, 'utf8');
      await rm(taking);
      return text
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as DeadLetterEntry);
    },
  };
}
