import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetName, toXlsx } from '../../../src/report/tables/xlsx.ts';

describe('toXlsx', () => {
  it('round-trips through exceljs with a bold header and widths', async () => {
    const buf = await toXlsx([
      {
        name: 'Namizədlər',
        columns: [
          { key: 'entity', header: 'Namizəd' },
          { key: 'items', header: 'Materiallar', width: 14 },
        ],
        rows: [
          { entity: 'İlham Əliyev', items: 120 },
          { entity: 'Razi Nurullayev', items: 7 },
        ],
      },
      { name: 'Boş', columns: [{ key: 'x', header: 'x' }], rows: [] },
    ]);
    expect(buf.subarray(0, 2).toString()).toBe('PK'); // a zip container
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Namizədlər', 'Boş']);
    const ws = wb.getWorksheet('Namizədlər')!;
    expect(ws.getCell('A1').value).toBe('Namizəd');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe('İlham Əliyev');
    expect(ws.getCell('B2').value).toBe(120); // numbers stay numbers
    expect(ws.getCell('B3').value).toBe(7);
    expect(ws.getColumn(2).width).toBe(14);
    // 'Razi Nurullayev' is the longest in column A: 15 + 2.
    expect(ws.getColumn(1).width).toBe(17);
  });
});

describe('sheetName', () => {
  it('follows Excel naming rules', () => {
    const taken = new Set<string>();
    expect(sheetName('a/b:c', taken)).toBe('a b c');
    const long = 'x'.repeat(40);
    expect(sheetName(long, taken)).toBe('x'.repeat(31));
    expect(sheetName(long, taken)).toBe(`${'x'.repeat(27)} (2)`);
    expect(sheetName('', taken)).toBe('Sheet');
  });
});
