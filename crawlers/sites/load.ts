// Loads and validates a source list (YAML or JSON); errors name the file and line.
import { readFileSync } from 'node:fs';
import cron from 'node-cron';
import { LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { FatalError } from '../../src/core/errors.ts';
import { sourceListSchema } from '../../src/core/source.ts';
import type { Source } from '../../src/core/source.ts';

function lineOf(doc: Document, lines: LineCounter, path: PropertyKey[]): number | null {
  // Walk up until a node with a position exists (a missing key points at its parent).
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as
      { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return lines.linePos(node.range[0]).line;
  }
  return null;
}

/** Parses source-list text; `file` is used in messages only. Throws FatalError listing every problem. */
export function parseSources(text: string, file: string): Source[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const msgs = doc.errors.map(
      (e) => `${file}:${lines.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`,
    );
    throw new FatalError(`Source list is not valid YAML:\n  - ${msgs.join('\n  - ')}`);
  }
  const parsed = sourceListSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const msgs = parsed.error.issues.map((issue) => {
      const line = lineOf(doc, lines, issue.path);
      return `${file}:${line ?? '?'}: ${issue.path.join('.') || '(root)'}: ${issue.message}`;
    });
    throw new FatalError(`Source list has problems:\n  - ${msgs.join('\n  - ')}`);
  }
  const seen = new Map<string, number>();
  const dupes: string[] = [];
  parsed.data.sources.forEach((s, i) => {
    if (!cron.validate(s.schedule)) {
      dupes.push(
        `${file}:${lineOf(doc, lines, ['sources', i, 'schedule']) ?? '?'}: source "${s.id}": schedule "${s.schedule}" is not valid cron`,
      );
    }
  });
  parsed.data.sources.forEach((s, i) => {
    if (seen.has(s.id))
      dupes.push(
        `${file}:${lineOf(doc, lines, ['sources', i]) ?? '?'}: duplicate source id "${s.id}"`,
      );
    seen.set(s.id, i);
  });
  if (dupes.length > 0)
    throw new FatalError(`Source list has problems:\n  - ${dupes.join('\n  - ')}`);
  return parsed.data.sources;
}

export function loadSources(file: string): Source[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new FatalError(`cannot read the source list ${file}`, { cause: err });
  }
  return parseSources(text, file);
}
