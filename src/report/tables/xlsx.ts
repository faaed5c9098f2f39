// XLSX workbooks with exceljs (loaded only when a workbook is asked for).
import { cellText, type Column, type TableRow } from './columns.ts';

export interface Sheet {
  name: string;
  columns: Column[];
  rows: TableRow[];
}

const BAD_SHEET_CHARS = /[[\]:*?/\\]/g;

/** Excel's rules: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(BAD_SHEET_CHARS, ' ').trim().slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Numbers, booleans and dates stay typed; everything else becomes text. */
function cellValue(value: unknown): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
    return value;
  }
  return cellText(value);
}

function guessWidth(col: Column, rows: readonly TableRow[]): number {
  let w = col.header.length;
  for (const r of rows.slice(0, 200)) w = Math.max(w, cellText(r[col.key]).length);
  return Math.min(60, Math.max(8, w + 2));
}

export async function toXlsx(sheets: readonly Sheet[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'election-media-monitor';
  const taken = new Set<string>();
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.name, taken), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    ws.columns = s.columns.map((c) => ({
      key: c.key,
      header: c.header,
      width: c.width ?? guessWidth(c, s.rows),
    }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) {
      ws.addRow(Object.fromEntries(s.columns.map((c) => [c.key, cellValue(r[c.key])])));
    }
  }
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
