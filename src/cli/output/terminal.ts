// Standard error as the user sees it: log lines, and at most one progress line that the
// log lines pass above. Without this, a warning printed while a progress line is drawn
// would be glued to it.
export interface StatusLine {
  clear(): void;
  redraw(): void;
}

let active: StatusLine | null = null;

/** Writes a whole line (or lines) to stderr, above the progress line if one is drawn. */
export function writeStderr(text: string): void {
  if (!active) {
    process.stderr.write(text);
    return;
  }
  active.clear();
  process.stderr.write(text);
  active.redraw();
}

/** The progress line now drawn at the foot of the terminal; null when none. */
export function setStatusLine(line: StatusLine | null): void {
  active = line;
}
