// CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel shows ə, ş, ğ), CRLF line
// ends and RFC 4180 quoting.
import { cellText, type Column, type TableRow } from './columns.ts';

export const BOM = '\uFEFF';

export interface CsvOptions {
  /**
   * Prefix text cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR)
   * with an apostrophe. Titles come from crawled pages, so on by default.
   */
  guardFormulas?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function field(value: unknown, guard: boolean): string {
  let text = cellText(value);
  if (guard && typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(
  rows: readonly TableRow[],
  columns: readonly Column[],
  opts: CsvOptions = {},
): string {
  const guard = opts.guardFormulas ?? true;
  const lines = [columns.map((c) => field(c.header, false)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => field(r[c.key], guard)).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
