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
  /**
   * Takes every entry out of the file for a replay. They stay on disk (renamed) until
   * finish(), after the caller wrote back what still fails: a crash replays them again.
   */
  take(): Promise<{ entries: DeadLetterEntry[]; finish(): Promise<void> }>;
}

export function deadLetterFile(path: string): DeadLetter {
  const write = async (entries: DeadLetterEntry[]) => {
    if (!entries.length) return;
    await mkdir(dirname(path), { recursive: true });
    await appendFile(path, entries.map((e) => JSON.stringify(e)).join('\n') + '\n', 'utf8');
  };
  return {
    path,
    write,
    async take() {
      // Renamed first, so entries appended meanwhile land in a fresh file. A file left
      // by a replay that never finished is taken before the current one.
      const taking = `${path}.replaying`;
      let text: string;
      try {
        text = await readFile(taking, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        try {
          await rename(path, taking);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
            return { entries: [], finish: async () => {} };
          }
          throw e;
        }
        text = await readFile(taking, 'utf8');
      }
      const entries = text
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as DeadLetterEntry);
      return { entries, finish: () => rm(taking, { force: true }) };
    },
  };
}
