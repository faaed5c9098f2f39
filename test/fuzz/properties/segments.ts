// Coded broadcast segments CSV → items (importSegments): rows are kept or reported, never thrown.
import { itemDocument } from '../../../src/core/types.ts';
import { importSegments } from '../../../src/pipeline/segments.ts';
import type { SegmentEntity } from '../../../src/pipeline/segments.ts';
import { type FuzzTarget, isIsoDate, must } from './harness.ts';
import { hostileText } from './mutate.ts';
import { SEGMENTS_CSV_SEED } from './seeds.ts';

export const SEGMENT_ENTITIES: SegmentEntity[] = [
  { id: 'aliyev_ilham', type: 'candidate', name: 'İlham Əliyev' },
  { id: 'oruc_zahid', type: 'candidate', name: 'Zahid Oruc' },
];

export const segmentsTarget: FuzzTarget<string> = {
  name: 'segments',
  arbitrary: hostileText([SEGMENTS_CSV_SEED]),
  check(csv) {
    const r = importSegments(csv, {
      entities: SEGMENT_ENTITIES,
      now: () => new Date('2026-01-10T12:00:00Z'),
    });
    for (const e of [...r.errors, ...r.warnings]) {
      must(Number.isInteger(e.row) && e.row >= 0, `problem row ${e.row}`);
      must(e.message.trim() !== '', 'problem without a message');
    }
    must(new Set(r.items.map((i) => i.url)).size === r.items.length, 'item URLs are unique');
    for (const item of r.items) {
      must(isIsoDate(item.publishedAt ?? ''), `publishedAt ${item.publishedAt}`);
      const doc = itemDocument(item);
      for (const m of item.mentions) {
        must(m.start >= 0 && m.start < m.end && m.end <= doc.length, 'mention inside the text');
        must(doc.slice(m.start, m.end) === m.surface, `mention "${m.surface}" at its offsets`);
      }
      for (const c of item.cues ?? []) must(c.startSec <= c.endSec && c.endSec > 0, 'cue');
    }
  },
};
