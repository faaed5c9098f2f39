// A small RFC 4180 CSV reader: quoted fields with "" escapes and line breaks inside,
// CRLF or LF, and the delimiter guessed from the header (comma, semicolon or tab).

export interface CsvRecord {
  /** 1-based line on which the record starts (the header is line 1). */
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
    /** The complete records before the broken one (callers keep them). */
    readonly records: CsvRecord[] = [],
  ) {
    super(message);
  }
}

export function guessDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/**
 * Parses the whole text. A record with an unterminated quote throws CsvError naming
 * its line; callers that want to skip bad records use parseCsvLenient.
 */
export function parseCsv(text: string, delimiter = guessDelimiter(text)): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field === '') {
      // Quoted field: runs to the next lone quote.
      const quoteLine = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvError(`unterminated quoted field`, quoteLine, records);
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      continue;
    }
    if (ch === delimiter) {
      fields.push(field);
      field = '';
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      i++;
    } else if (ch === '\n') {
      endRecord();
      line++;
      recordLine = line;
      i++;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

export interface TolerantCsv {
  records: CsvRecord[];
  /** Why the file ends early: an unterminated quote swallows the rest of it. */
  broken: string | null;
}

/** parseCsv that keeps the records before a broken quote and says where it broke. */
export function parseCsvKeepingGoodRows(text: string): TolerantCsv {
  try {
    return { records: parseCsv(text), broken: null };
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    return {
      records: err.records,
      broken: `${err.message} starting on line ${err.line}; the rest of the file is ignored`,
    };
  }
}
