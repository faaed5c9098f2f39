// WebVTT and SRT captions → timed cues. Tolerant: a bad block is dropped, not fatal.
import type { Cue } from '../../src/core/types.ts';

export interface CaptionCue {
  startSec: number;
  endSec: number;
  text: string;
}

// Bounded digit runs: an unbounded \d+ made a long run of digits quadratic to search.
const TIME = /(?:(\d{1,6}):)?(\d{1,2}):(\d{2})[.,](\d{1,3})/;

function seconds(raw: string): number | null {
  const m = TIME.exec(raw);
  if (!m) return null;
  const [, h = '0', min = '0', s = '0', frac = '0'] = m;
  return Number(h) * 3600 + Number(min) * 60 + Number(s) + Number(frac.padEnd(3, '0')) / 1000;
}

function cleanCueText(lines: string[]): string {
  return (
    lines
      .join(' ')
      // [^<>] and [^{}] rather than [^>] and [^}]: a run of "<" with no ">" is then linear.
      .replace(/<[^<>]*>/g, '') // <v Speaker>, <c.color>, <b>, timestamps
      .replace(/\{\\[^{}]*\}/g, '') // SRT/ASS positioning such as {\an8}
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&nbsp;/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

export function parseCaptions(content: string): CaptionCue[] {
  const blocks = content
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/);
  const cues: CaptionCue[] = [];
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    const timing = lines.findIndex((l) => l.includes('-->'));
    if (timing < 0) continue; // WEBVTT header, NOTE, STYLE, REGION, or junk
    const [from, to] = (lines[timing] ?? '').split('-->');
    const startSec = seconds(from ?? '');
    const endSec = seconds(to ?? '');
    if (startSec === null || endSec === null || endSec < startSec) continue;
    const text = cleanCueText(lines.slice(timing + 1));
    if (!text) continue;
    // Rolling captions repeat the previous line; keep one copy and extend its time.
    const prev = cues.at(-1);
    if (prev && prev.text === text) {
      prev.endSec = Math.max(prev.endSec, endSec);
      continue;
    }
    cues.push({ startSec, endSec, text });
  }
  return cues;
}

/** Joins cues into one text, one cue per line, with each cue's character span. */
export function cuesToText(cues: CaptionCue[]): { text: string; cues: Cue[] } {
  let text = '';
  const out: Cue[] = [];
  for (const c of cues) {
    if (text) text += '\n';
    const charStart = text.length;
    text += c.text;
    out.push({ startSec: c.startSec, endSec: c.endSec, charStart, charEnd: text.length });
  }
  return { text, cues: out };
}
