// Tagging throughput on Azerbaijani text with the full 2024 presidential dictionaries,
// single core. The corpus repeats the Azerbaijani evaluation texts in shuffled order
// until it reaches several megabytes. Run: npx tsx bench/tagging-bench.ts
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTagger } from '../src/tagging/index.ts';
import { loadCases } from './tagger-eval.ts';

const here = dirname(fileURLToPath(import.meta.url));

export interface TaggingBench {
  /** Characters per second of CPU time (one core). */
  charsPerSecond: number;
  /** Characters per second of wall time (lower on a busy shared machine). */
  wallCharsPerSecond: number;
  documents: number;
  chars: number;
  mentions: number;
  seconds: number;
}

function corpus(targetChars: number): { title: string; text: string }[] {
  const az = loadCases().filter((c) => c.lang === 'az');
  const docs: { title: string; text: string }[] = [];
  let chars = 0;
  let seed = 42;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  while (chars < targetChars) {
    // Articles of a few paragraphs, built from shuffled short texts.
    const parts: string[] = [];
    for (let k = 0; k < 8; k++) parts.push(az[Math.floor(rand() * az.length)]!.text);
    const title = az[Math.floor(rand() * az.length)]!.title ?? '';
    const text = parts.join('\n');
    docs.push({ title, text });
    chars += title.length + text.length + 2;
  }
  return docs;
}

export async function benchTagging(targetChars = 8_000_000): Promise<TaggingBench> {
  const tagger = loadTagger(join(here, '../dictionaries'), 'az-2024-presidential');
  const docs = corpus(targetChars);
  const chars = docs.reduce((n, d) => n + d.title.length + d.text.length + 2, 0);
  // Warm-up so the JIT has compiled the scan loop.
  for (const d of docs.slice(0, 500)) tagger.tag({ ...d, lang: 'az' });
  let best = Infinity;
  let bestWall = Infinity;
  let mentions = 0;
  for (let round = 0; round < 3; round++) {
    mentions = 0;
    // CPU time of this process, so a busy shared machine does not count against us.
    const w0 = performance.now();
    const t0 = process.cpuUsage();
    for (const d of docs) mentions += tagger.tag({ ...d, lang: 'az' }).length;
    const used = process.cpuUsage(t0);
    best = Math.min(best, (used.user + used.system) / 1e6);
    bestWall = Math.min(bestWall, (performance.now() - w0) / 1000);
  }
  await Promise.resolve();
  return {
    charsPerSecond: chars / best,
    wallCharsPerSecond: chars / bestWall,
    documents: docs.length,
    chars,
    mentions,
    seconds: best,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await benchTagging();
  console.log(
    `tagging (az, full 2024 presidential dictionaries, 1 core): ${(r.charsPerSecond / 1e6).toFixed(1)} M chars/s ` +
      `(${(r.chars / 1e6).toFixed(1)} M chars, ${r.documents} documents, ${r.mentions} mentions, best of 3: ${r.seconds.toFixed(3)} s CPU; wall-clock ${(r.wallCharsPerSecond / 1e6).toFixed(1)} M chars/s); target 10 M chars/s`,
  );
}
