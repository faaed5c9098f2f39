// The tagger (`monitor tag`): mention offsets must point at what the mention says, and the
// JSON Lines stream reports bad lines without stopping.
import { PassThrough, Readable } from 'node:stream';
import fc from 'fast-check';
import { itemDocument, LANGS, type Lang } from '../../../src/core/types.ts';
import { createLanguageDetector } from '../../../src/language/index.ts';
import { tagStream } from '../../../src/tagging/index.ts';
import { presidential } from '../../unit/tagging/helpers.ts';
import { type FuzzTarget, must } from './harness.ts';
import { hostileText } from './mutate.ts';
import { TAG_SEED } from './seeds.ts';

const TEXT_SEEDS = [
  'Prezident İlham Əliyev Gəncədə seçicilərlə görüşdü. YAP-ın bəyanatı yayıldı.',
  'Ильхам Алиев встретился с избирателями; Захид Орудж выступил на дебатах.',
  'Zahid Oruc Əliyevin proqramını tənqid etdi, Müsavat partiyası isə boykot elan etdi.',
];
const detector = createLanguageDetector();

interface TagInput {
  title: string | undefined;
  text: string;
  lang: Lang;
  stream: string;
}

export const taggerTarget: FuzzTarget<TagInput> = {
  name: 'tagger',
  arbitrary: fc.record({
    title: fc.option(hostileText(TEXT_SEEDS), { nil: undefined }),
    text: hostileText(TEXT_SEEDS),
    lang: fc.constantFrom<Lang>(...LANGS),
    stream: hostileText([TAG_SEED]),
  }),
  async check({ title, text, lang, stream }) {
    const tagger = presidential();
    const doc = itemDocument({ title: title ?? '', text });
    for (const m of tagger.tag({ title, text, lang })) {
      must(Number.isInteger(m.start) && Number.isInteger(m.end), 'integer offsets');
      must(m.start >= 0 && m.start < m.end && m.end <= doc.length, 'mention inside the text');
      must(doc.slice(m.start, m.end) === m.surface, `"${m.surface}" is what the offsets hold`);
    }
    const topics = tagger.topics?.({ title, text, lang }) ?? [];
    must(Array.isArray(topics) && topics.every((t) => typeof t === 'string'), 'topics');
    const out = new PassThrough();
    const errors = new PassThrough();
    // Read both streams while tagging: tagStream waits for 'drain' on a full stream.
    const outText = collect(out);
    const errText = collect(errors);
    const r = await tagStream(Readable.from([stream]), out, { tagger, detector, errors });
    out.end();
    errors.end();
    const outLines = (await outText).filter(Boolean);
    const errLines = (await errText).filter(Boolean);
    must(errLines.length === r.errors, 'every bad line is reported once');
    for (const l of errLines) {
      const e = JSON.parse(l) as { line: number; error: string };
      must(e.line >= 1 && e.line <= r.lines && e.error.trim() !== '', `error line ${l}`);
    }
    for (const l of outLines) {
      const o = JSON.parse(l) as { mentions: Array<{ start: number; end: number }> };
      for (const m of o.mentions) must(m.start < m.end, 'stream mention offsets');
    }
  },
};

async function collect(s: PassThrough): Promise<string[]> {
  let all = '';
  for await (const chunk of s) all += String(chunk);
  return all.split('\n');
}
