import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { transcriptCrawler } from '../../../crawlers/transcript/index.ts';
import { cuesToText, parseCaptions } from '../../../crawlers/transcript/parse-cues.ts';
import { startFixtureServer } from '../../helpers/fixture-server.ts';
import type { FixtureServer } from '../../helpers/fixture-server.ts';
import { crawlAll, makeSource, testFetcher } from './helpers.ts';

let site: FixtureServer | undefined;
afterEach(async () => site?.close());

const vtt = `WEBVTT

NOTE recorded from the 21:00 news

00:00:01.000 --> 00:00:04.500 align:start
<v Aparıcı>Axşamınız xeyir.

00:00:04.500 --> 00:00:09.250
Mərkəzi Seçki Komissiyası
namizədləri qeydə aldı.

00:00:09.250 --> 00:00:10.000
Mərkəzi Seçki Komissiyası
namizədləri qeydə aldı.

01:02:03.000 --> 01:02:05.000
Hava proqnozu.
`;

const srt = `1\r\n00:00:00,500 --> 00:00:02,000\r\nБуэнос-диас\r\n\r\n2\r\n00:00:02,000 --> 00:00:03,250\r\n{\\an8}Новости <i>дня</i>\r\n\r\n3\r\nbroken --> timing\r\nlost\r\n`;

describe('transcripts', () => {
  it('parses WebVTT cues, merging rolling repeats', () => {
    const cues = parseCaptions(vtt);
    expect(cues).toEqual([
      { startSec: 1, endSec: 4.5, text: 'Axşamınız xeyir.' },
      { startSec: 4.5, endSec: 10, text: 'Mərkəzi Seçki Komissiyası namizədləri qeydə aldı.' },
      { startSec: 3723, endSec: 3725, text: 'Hava proqnozu.' },
    ]);
  });

  it('parses SRT with CRLF, styling and a broken block', () => {
    expect(parseCaptions(srt)).toEqual([
      { startSec: 0.5, endSec: 2, text: 'Буэнос-диас' },
      { startSec: 2, endSec: 3.25, text: 'Новости дня' },
    ]);
  });

  it('keeps cue spans that point into the text', () => {
    const parsed = parseCaptions(vtt);
    const { text, cues } = cuesToText(parsed);
    cues.forEach((c, i) => expect(text.slice(c.charStart, c.charEnd)).toBe(parsed[i]?.text));
  });

  it('makes one item per file from a folder and from a URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'captions-'));
    writeFileSync(join(dir, 'aztv-2024-01-20-2100.vtt'), vtt);
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    writeFileSync(join(dir, 'empty.srt'), 'nothing here');
    site = await startFixtureServer({
      '/cap/itv-20240121.srt': {
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: srt,
      },
    });
    const { fetcher } = testFetcher();
    const source = makeSource({
      kind: 'transcript',
      urls: [dir, site.url('/cap/itv-20240121.srt')],
      name: 'AzTV',
      ownership: 'state',
    });
    const out = await crawlAll(transcriptCrawler(), source, { fetcher });
    expect(out.items.map((i) => i.title)).toEqual([
      'AzTV: aztv 2024 01 20 2100',
      'AzTV: itv 20240121',
    ]);
    expect(out.items[0]?.url).toMatch(/^file:\/\/.*aztv-2024-01-20-2100\.vtt$/);
    expect(out.items[0]?.publishedAt).toBe('2024-01-20T17:00:00.000Z');
    expect(out.items[0]?.cues).toHaveLength(3);
    expect(out.items[1]?.text).toBe('Буэнос-диас\nНовости дня');
    expect(out.skips.map((s) => s.reason)).toEqual(['no readable cues (not WebVTT or SRT?)']);
  });
});
