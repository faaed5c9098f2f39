// A table is rows of plain records and the columns to show, in order.

export interface Column {
  key: string;
  header: string;
  /** Width in characters for spreadsheets; guessed from the content when absent. */
  width?: number;
}

export type TableRow = Record<string, unknown>;

/** A cell as text: empty for null, ISO for dates, '; '-joined lists, JSON for objects. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(cellText).join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
