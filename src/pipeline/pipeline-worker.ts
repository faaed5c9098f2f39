// A worker thread that runs the pipeline stages (language, tags, hashes) on batches of
// raw items; the main thread keeps the store. Loads its own tagger once.
import { parentPort, workerData } from 'node:worker_threads';
import type { Item, RawItem } from '../core/types.ts';
import { errorMessage } from '../core/errors.ts';
import { createLanguageDetector } from '../language/index.ts';
import { loadTagger } from '../tagging/index.ts';
import { processItem } from './process-item.ts';

const { dictionariesDir, electionId } = workerData as {
  dictionariesDir: string;
  electionId: string;
};
const deps = {
  tagger: loadTagger(dictionariesDir, electionId),
  detector: createLanguageDetector(),
};

export interface WorkerResult {
  id: number;
  items: Array<Item | { skipped: string; url: string }>;
}

parentPort!.on('message', ({ id, raws }: { id: number; raws: RawItem[] }) => {
  const items = raws.map((raw) => {
    try {
      return processItem(raw, deps);
    } catch (err) {
      return { skipped: errorMessage(err), url: raw.url };
    }
  });
  parentPort!.postMessage({ id, items } satisfies WorkerResult);
});
