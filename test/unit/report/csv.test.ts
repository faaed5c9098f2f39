import { describe, expect, it } from 'vitest';
import { BOM, toCsv } from '../../../src/report/tables/csv.ts';

const columns = [
  { key: 'name', header: 'Ad' },
  { key: 'n', header: 'say' },
  { key: 'note', header: 'qeyd' },
];

describe('toCsv', () => {
  it('starts with a BOM, ends lines with CRLF and keeps Azerbaijani letters', () => {
    const csv = toCsv([{ name: 'Qüdrət Həsənquliyev', n: 3, note: 'Şəki, Gəncə' }], columns);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('Ad,say,qeyd\r\nQüdrət Həsənquliyev,3,"Şəki, Gəncə"\r\n');
    // UTF-8 bytes: EF BB BF then the text; ə is C9 99.
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(Buffer.from([0xc9, 0x99]))).toBe(true);
  });

  it('quotes fields with quotes, commas and line breaks (RFC 4180)', () => {
    const csv = toCsv(
      [{ name: 'Partiya "Müsavat"', n: null, note: 'birinci sətir\nikinci sətir' }],
      columns,
    );
    expect(csv.split('\r\n')[1]).toBe('"Partiya ""Müsavat""",,"birinci sətir\nikinci sətir"');
  });

  it('writes lists, dates and missing values plainly', () => {
    const csv = toCsv(
      [{ name: ['aliyev_ilham', 'oruc_zahid'], n: new Date('2024-02-07T00:00:00Z') }],
      columns,
    );
    expect(csv.split('\r\n')[1]).toBe('aliyev_ilham; oruc_zahid,2024-02-07T00:00:00.000Z,');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    const rows = [{ name: '=HYPERLINK("x")', n: -5, note: '+994 12' }];
    const line = toCsv(rows, columns).split('\r\n')[1];
    expect(line).toBe(`"'=HYPERLINK(""x"")",-5,'+994 12`);
    const raw = toCsv(rows, columns, { guardFormulas: false }).split('\r\n')[1];
    expect(raw).toBe('"=HYPERLINK(""x"")",-5,+994 12');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv([], columns)).toBe(`${BOM}Ad,say,qeyd\r\n`);
  });
});
