// WebVTT / SRT caption parsing.
import { cuesToText, parseCaptions } from '../../../crawlers/transcript/parse-cues.ts';
import { type FuzzTarget, must } from './harness.ts';
import { hostileText } from './mutate.ts';
import { SRT_SEED, VTT_SEED } from './seeds.ts';

export const transcriptTarget: FuzzTarget<string> = {
  name: 'transcript',
  arbitrary: hostileText([VTT_SEED, SRT_SEED]),
  check(content) {
    // Tolerant by design: bad blocks are dropped, nothing throws.
    const cues = parseCaptions(content);
    for (const c of cues) {
      must(Number.isFinite(c.startSec) && Number.isFinite(c.endSec), 'cue times are finite');
      must(c.startSec >= 0 && c.startSec <= c.endSec, `cue ${c.startSec} → ${c.endSec}`);
      must(c.text !== '' && c.text === c.text.trim() && !c.text.includes('\n'), 'cue text');
    }
    const { text, cues: spans } = cuesToText(cues);
    must(spans.length === cues.length, 'one span per cue');
    spans.forEach((s, i) => {
      must(text.slice(s.charStart, s.charEnd) === cues[i]!.text, 'span points at its cue text');
    });
  },
};
