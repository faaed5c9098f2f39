// Progress of a long command. On a terminal: one line redrawn a few times a second with
// count, total, rate and time left. Elsewhere (logs, pipes): a plain line every few
// seconds, so a log file stays readable. A final summary line either way.
import { createLogUpdate } from 'log-update';
import { setStatusLine } from './terminal.ts';

export interface ProgressOptions {
  /** What is being done, e.g. "ingest data.jsonl". */
  label: string;
  /** What is counted, e.g. "items". */
  unit: string;
  total?: number;
  /** Rate and time left; off for a few unequal steps, where they would mislead. */
  rate?: boolean;
  stream?: NodeJS.WriteStream;
  /** Defaults to whether the stream is a terminal. */
  tty?: boolean;
  /** Between redraws on a terminal. */
  redrawMs?: number;
  /** Between plain lines elsewhere. */
  plainEveryMs?: number;
  now?: () => number;
}

export interface ProgressUpdate {
  total?: number;
  /** Share done, when the count alone cannot tell (bytes read of a file of known size). */
  fraction?: number;
  /** A few words more, e.g. "12 changed". */
  detail?: string;
}

export interface Progress {
  update(count: number, extra?: ProgressUpdate): void;
  /** Removes the progress line and prints the summary (if any) in its place. */
  finish(summary?: string): void;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** The line itself; exported for tests and for plain output. */
export function progressText(
  label: string,
  unit: string,
  count: number,
  elapsedMs: number,
  extra: ProgressUpdate = {},
  rate = true,
): string {
  const parts = [label];
  const total = extra.total;
  parts.push(
    total !== undefined
      ? `${integer.format(count)}/${integer.format(total)} ${unit}`
      : `${integer.format(count)} ${unit}`,
  );
  const fraction = extra.fraction ?? (total ? count / total : undefined);
  if (fraction !== undefined) parts.push(`${Math.min(100, Math.floor(fraction * 100))}%`);
  const seconds = elapsedMs / 1000;
  if (rate && seconds >= 1 && count > 0) parts.push(`${integer.format(count / seconds)} ${unit}/s`);
  if (rate && fraction !== undefined && fraction > 0 && fraction < 1 && seconds >= 1)
    parts.push(`about ${formatDuration((seconds * (1 - fraction)) / fraction)} left`);
  if (extra.detail) parts.push(extra.detail);
  return parts.join('  ');
}

export function createProgress(opts: ProgressOptions): Progress {
  const stream = opts.stream ?? process.stderr;
  const tty = opts.tty ?? Boolean(stream.isTTY);
  const now = opts.now ?? Date.now;
  const every = tty ? (opts.redrawMs ?? 200) : (opts.plainEveryMs ?? 10_000);
  const started = now();
  let last = started;
  let text = '';
  const draw = tty ? createLogUpdate(stream, { showCursor: true }) : null;
  if (draw) {
    setStatusLine({ clear: () => draw.clear(), redraw: () => draw(text) });
  }
  let extra: ProgressUpdate = { total: opts.total };
  return {
    update(count, more) {
      extra = { ...extra, ...more };
      const t = now();
      if (t - last < every) return;
      last = t;
      text = progressText(opts.label, opts.unit, count, t - started, extra, opts.rate ?? true);
      if (draw) draw(text);
      else stream.write(`${new Date(t).toISOString()} info  ${text}\n`);
    },
    finish(summary) {
      if (draw) {
        draw.clear();
        draw.done();
        setStatusLine(null);
      }
      if (summary) stream.write(`${summary}\n`);
    },
  };
}
