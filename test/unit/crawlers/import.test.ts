import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCrawler } from '../../../crawlers/import/index.ts';
import { CsvError, parseCsv, parseCsvKeepingGoodRows } from '../../../crawlers/import/csv.ts';
import { crawlAll, makeSource, testFetcher } from './helpers.ts';

function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('CSV parser', () => {
  it('handles quotes, doubled quotes, delimiters and line breaks inside fields', () => {
    const records = parseCsv('a,b,c\r\n1,"x, ""y""\nz",3\n\n4,,"6"\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, "y"\nz', '3'] },
      { line: 5, fields: ['4', '', '6'] },
    ]);
  });

  it('guesses semicolons and reports an unterminated quote with its line', () => {
    expect(parseCsv('a;b\n1;2')[1]?.fields).toEqual(['1', '2']);
    try {
      parseCsv('a,b\n1,2\n3,"open\n');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(CsvError);
      expect((err as CsvError).line).toBe(3);
    }
  });

  it('keeps the records before an unterminated quote when asked to', () => {
    const { records, broken } = parseCsvKeepingGoodRows('a,b\n1,"two\nlines"\n3,"open\n4,5\n');
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', 'two\nlines'],
    ]);
    expect(broken).toMatch(/starting on line 4; the rest of the file is ignored$/);
    expect(parseCsvKeepingGoodRows('a\n1\n')).toEqual({
      records: [
        { line: 1, fields: ['a'] },
        { line: 2, fields: ['1'] },
      ],
      broken: null,
    });
  });
});

describe('import crawler', () => {
  it('maps a Facebook-style CSV and reports bad rows by number', async () => {
    const csv = [
      'Page Name,URL,Message,Post Created,Total Interactions',
      'Xəbər Səhifəsi,https://www.facebook.com/page/posts/1,"Namizəd, ""görüş"" keçirdi",2024-01-20 10:00:00 +0400,1200',
      'Xəbər Səhifəsi,,Linksiz yazı,2024-01-20,5',
      'Xəbər Səhifəsi,https://www.facebook.com/page/posts/3,Üç sütun,əskik',
      'Xəbər Səhifəsi,https://www.facebook.com/page/posts/4,"",2024-01-21,0',
      'Xəbər Səhifəsi,https://www.facebook.com/page/posts/5,Tarixsiz,dünən,7',
    ].join('\n');
    const file = tempFile('facebook.csv', csv);
    const { fetcher } = testFetcher();
    const out = await crawlAll(
      importCrawler(),
      makeSource({ kind: 'import', urls: [file], ownership: 'social' }),
      { fetcher },
    );
    expect(out.items.map((i) => [i.url, i.text, i.author, i.publishedAt, i.views])).toEqual([
      [
        'https://www.facebook.com/page/posts/1',
        'Namizəd, "görüş" keçirdi',
        'Xəbər Səhifəsi',
        '2024-01-20T06:00:00.000Z',
        1200,
      ],
      ['https://www.facebook.com/page/posts/5', 'Tarixsiz', 'Xəbər Səhifəsi', null, 7],
    ]);
    expect(out.skips.map((s) => s.reason)).toEqual([
      expect.stringMatching(/^facebook\.csv row 2: no URL/),
      expect.stringMatching(/^facebook\.csv row 3: has 4 fields, header has 5/),
      expect.stringMatching(/^facebook\.csv row 4: no text/),
    ]);
    expect(out.skips[0]?.url).toMatch(/facebook\.csv#row=2$/);
  });

  it('maps JSON Lines exports (Instagram-like and TikTok research API) and skips bad lines', async () => {
    const lines = [
      JSON.stringify({
        permalink: 'https://www.instagram.com/p/AbC/',
        caption: 'Seçki günü',
        timestamp: '2024-02-07T09:00:00+0000',
        username: 'xeber_az',
        like_count: 40,
      }),
      '{not json',
      JSON.stringify({
        id: '7330000000000000001',
        username: 'azxeber',
        video_description: 'Debat',
        create_time: 1706889600,
        view_count: 5100,
      }),
      JSON.stringify(['an', 'array']),
    ].join('\n');
    const file = tempFile('posts.jsonl', lines);
    const { fetcher } = testFetcher();
    const out = await crawlAll(importCrawler(), makeSource({ kind: 'import', urls: [file] }), {
      fetcher,
    });
    expect(out.items.map((i) => [i.url, i.text, i.author, i.publishedAt, i.views])).toEqual([
      [
        'https://www.instagram.com/p/AbC/',
        'Seçki günü',
        'xeber_az',
        '2024-02-07T09:00:00.000Z',
        40,
      ],
      [
        'https://www.tiktok.com/@azxeber/video/7330000000000000001',
        'Debat',
        'azxeber',
        '2024-02-02T16:00:00.000Z',
        5100,
      ],
    ]);
    expect(out.skips.map((s) => s.reason)).toEqual([
      expect.stringMatching(/^posts\.jsonl row 2: invalid JSON/),
      'posts.jsonl row 4: not a JSON object',
    ]);
  });

  it('fails clearly on a missing file', async () => {
    const { fetcher } = testFetcher();
    const out = await crawlAll(
      importCrawler(),
      makeSource({ kind: 'import', urls: ['/nonexistent/export.csv'] }),
      { fetcher },
    );
    expect(String(out.failures[0]?.err)).toContain('cannot read /nonexistent/export.csv');
  });
});
