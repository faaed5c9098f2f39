// Minimal counterexamples of the bugs the fuzzers found, kept as plain examples.
import { describe, expect, it } from 'vitest';
import { SkipItemError } from '../../src/core/errors.ts';
import { parseFeed } from '../../crawlers/rss/index.ts';
import { parseTelegramPage } from '../../crawlers/telegram/parse.ts';
import { parseCaptions } from '../../crawlers/transcript/parse-cues.ts';
import { importCrawler } from '../../crawlers/import/index.ts';
import { createExtractor } from '../../src/extract/index.ts';
import { capHtml } from '../../src/extract/dom.ts';
import { importSegments } from '../../src/pipeline/segments.ts';
import { makeSource } from '../unit/crawlers/helpers.ts';
import { presidential } from '../unit/tagging/helpers.ts';
import { crawlDocs } from './properties/fake-context.ts';
import { SEGMENT_ENTITIES } from './properties/segments.ts';

/** Hang guard for the examples below (detects a runaway, does not measure speed). */
function finishesWithin<T>(ms: number, f: () => T): T {
  const t0 = performance.now();
  const r = f();
  expect(performance.now() - t0).toBeLessThan(ms);
  return r;
}

describe('fuzz regressions', () => {
  it('feed: a retry after an XML error no longer resumes the failed document (took 10 s)', async () => {
    const xml = '<div>'.repeat(2000) + '</x>'.repeat(1000);
    const t0 = performance.now();
    await expect(parseFeed(xml, 'https://f.example/feed', 's')).rejects.toThrow(SkipItemError);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('telegram: unpaired surrogates no longer crash the HTML parser', () => {
    // Found by the fuzz bench (seed 70814328): parse5 threw "RangeError: Invalid code point".
    const page = parseTelegramPage(
      '\u{5eb77}\u{1d865}\u{ab504}\u6756\udfff\udfff',
      'https://t.me/s/x',
    );
    expect(page.posts).toEqual([]);
  });

  it('extractor: 200,000 nested tags are skipped with a SkipItemError, not parsed for 25 s', () => {
    const extractor = createExtractor();
    const html = '<b>'.repeat(200_000) + 'x' + '</b>'.repeat(200_000);
    finishesWithin(5_000, () =>
      expect(() => extractor.extract(html)).toThrow(/nests HTML tags more than 5000 deep/),
    );
  });

  it('extractor: many unclosed <script> tags on a big page no longer make capping quadratic', () => {
    const html = '<script>'.repeat(300_000);
    expect(finishesWithin(5_000, () => capHtml(html)).length).toBeLessThanOrEqual(html.length);
  });

  it('telegram: deep nesting is a SkipItemError, not a stack overflow (RangeError)', () => {
    const html = `<div class="tgme_widget_message" data-post="c/1"><div class="tgme_widget_message_text">${'<div>'.repeat(50_000)}x</div></div>`;
    finishesWithin(5_000, () => expect(() => parseTelegramPage(html)).toThrow(SkipItemError));
  });

  it('telegram: an unreadable "before" is no page link (was NaN)', () => {
    expect(parseTelegramPage('<a class="tme_messages_more" data-before="abc"></a>').before).toBe(
      null,
    );
  });

  it('transcript: long runs of digits, "<" and "{\\" parse in linear time', () => {
    for (const junk of ['1'.repeat(100_000), '<'.repeat(100_000), '{\\'.repeat(50_000)]) {
      const vtt = `WEBVTT\n\n${junk} --> 00:00:02.000\nText ${junk}\n\n00:00:03.000 --> 00:00:04.000\nok`;
      const cues = finishesWithin(5_000, () => parseCaptions(vtt));
      expect(cues.at(-1)?.text).toBe('ok');
    }
  });

  it('segments: an impossible zone offset is a row error, not a RangeError', () => {
    const csv =
      'channel,programme,date,start,duration,subject,tone,speech\n' +
      'AzTV,Xəbərlər,2024-01-20,21:00+99:99,95,aliyev_ilham,neutral,direct\n' +
      'AzTV,Xəbərlər,2024-01-20,21:05,95,aliyev_ilham,neutral,direct\n';
    const r = importSegments(csv, { entities: SEGMENT_ENTITIES });
    expect(r.errors).toEqual([{ row: 1, message: expect.stringMatching(/time zone offset/) }]);
    expect(r.items).toHaveLength(1);
  });

  it('segments: an unterminated quote is a row error and earlier rows are kept (threw CsvError)', () => {
    const csv =
      'channel,programme,date,start,duration,subject,tone,speech\n' +
      'AzTV,Xəbərlər,2024-01-20,21:00,95,aliyev_ilham,neutral,direct\n' +
      'AzTV,"Gündəm,2024-01-20,21:05,95,aliyev_ilham,neutral,direct\n';
    const r = importSegments(csv, { entities: SEGMENT_ENTITIES });
    expect(r.items).toHaveLength(1);
    expect(r.errors).toEqual([{ row: 2, message: expect.stringMatching(/unterminated quoted/) }]);
  });

  it('import: a quote spanning the line before a broken quote keeps the good rows (lost them all)', async () => {
    const url = 'https://exports.example/posts.csv';
    const csv = 'url,message\nhttps://a.example/0,ok\nhttps://a.example/1,"two\nlines","open';
    const out = await crawlDocs(importCrawler(), makeSource({ kind: 'import', urls: [url] }), {
      [url]: csv,
    });
    expect(out.failures).toEqual([]);
    expect(out.items.map((i) => i.url)).toEqual(['https://a.example/0']);
    expect(out.skips[0]?.reason).toMatch(/^posts\.csv row 2: unterminated quoted field/);
  });

  it('tagger: a 123,000-letter word no longer overflows the stack in topics()', () => {
    const text = `Seçki ${'x'.repeat(123_000)} bitdi.`;
    expect(() => presidential().topics?.({ text, lang: 'az' })).not.toThrow();
  });
});
