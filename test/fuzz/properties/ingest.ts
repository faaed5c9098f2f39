// `monitor ingest` JSON Lines (ingestJsonLines): every line is stored or reported.
import { Readable } from 'node:stream';
import type { RawItem } from '../../../src/core/types.ts';
import type { UpsertOutcome } from '../../../src/core/store.ts';
import { ingestJsonLines } from '../../../src/pipeline/ingest-jsonl.ts';
import { type FuzzTarget, must } from './harness.ts';
import { hostileText } from './mutate.ts';
import { INGEST_SEED } from './seeds.ts';

export const ingestTarget: FuzzTarget<string> = {
  name: 'ingest',
  arbitrary: hostileText([INGEST_SEED]),
  async check(text) {
    const stored: RawItem[] = [];
    const sink = async (items: RawItem[]): Promise<UpsertOutcome[]> => {
      stored.push(...items);
      return items.map((i) => ({ id: i.url, url: i.url, status: 'new' as const }));
    };
    const bad: Array<[number, string]> = [];
    const summary = await ingestJsonLines(Readable.from([text]), sink, {
      batchSize: 2,
      onBadLine: (line, reason) => bad.push([line, reason]),
    });
    for (const [line, reason] of bad) {
      must(line >= 1 && line <= summary.lines, `bad line number ${line} of ${summary.lines}`);
      must(reason.trim() !== '', 'bad line without a reason');
    }
    for (const item of stored) {
      must(typeof item.url === 'string' && item.url !== '', 'stored item has a URL');
      must(item.title.trim() !== '' || item.text.trim() !== '', 'stored item has words');
    }
    must(summary.skipped === bad.length, 'every skipped line was reported');
    must(stored.length === summary.byStatus.new, 'every parsed line reached the sink');
  },
};
