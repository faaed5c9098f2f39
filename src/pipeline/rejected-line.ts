// The format of a rejected ingest line, read and written in one place: the line number,
// the reason and the record itself, so a rejects file can be fixed and ingested again.
export function rejectedLine(line: number, reason: string, text: string): string {
  let item: unknown = text;
  try {
    item = JSON.parse(text);
  } catch {
    // not JSON: kept as the string it was
  }
  return JSON.stringify({ rejected: { line, reason }, item });
}

/** A line of a rejects file gives back its record; any other line is returned as it is. */
export function unwrapRejected(line: string): string {
  if (!line.startsWith('{"rejected":')) return line;
  try {
    const parsed = JSON.parse(line) as { rejected?: unknown; item?: unknown };
    if (parsed.rejected && parsed.item !== undefined)
      return typeof parsed.item === 'string' ? parsed.item : JSON.stringify(parsed.item);
  } catch {
    // a damaged rejects line: the normal parser says what is wrong with it
  }
  return line;
}
