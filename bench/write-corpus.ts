// npx tsx bench/write-corpus.ts COUNT [FILE] [CHARS]: writes a synthetic JSON Lines corpus.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { corpusJsonLines } from './corpus/generate.ts';

const count = Number(process.argv[2] ?? 1000);
const file = process.argv[3] ?? 'corpus.jsonl';
const chars = Number(process.argv[4] ?? 3000);
await pipeline(Readable.from(corpusJsonLines({ count, chars })), createWriteStream(file));
process.stderr.write(`wrote ${count} items to ${file}\n`);
