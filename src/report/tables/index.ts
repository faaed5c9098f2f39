// Tables for export: CSV, XLSX and the builders of the standard tables.
export { cellText, type Column, type TableRow } from './columns.ts';
export { toCsv, BOM, type CsvOptions } from './csv.ts';
export { toXlsx, sheetName, type Sheet } from './xlsx.ts';
export {
  coverageByDayOutlet,
  localDay,
  DAY_OUTLET_COLUMNS,
  type DayOutletRow,
} from './coverage-by-day-outlet.ts';
export {
  mentionsTable,
  MENTION_COLUMNS,
  type MentionRow,
  type MentionSource,
} from './mentions-table.ts';
export { itemsTable, plainSnippet, ITEM_COLUMNS, type ItemRow } from './items-table.ts';
