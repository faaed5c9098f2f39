// Reads a YAML file and validates it, turning YAML and schema problems into messages
// that name the file and line ("candidates.yaml:12: candidates.0.party: ...").
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { FatalError } from '../core/errors.ts';

export interface LoadedYaml<T> {
  value: T;
  /** Line (1-based) of the node at a path, for later cross-file checks. */
  lineOf(path: readonly PropertyKey[]): number;
  file: string;
}

function lineFinder(doc: Document, lc: LineCounter) {
  return (path: readonly PropertyKey[]): number => {
    // Walk down as far as the path exists, so a missing key points at its parent.
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
    }
    return 1;
  };
}

export function readYaml<S extends z.ZodType>(file: string, schema: S): LoadedYaml<z.output<S>> {
  let src: string;
  try {
    src = readFileSync(file, 'utf8');
  } catch (err) {
    throw new FatalError(`${file}: cannot read dictionary file`, { cause: err });
  }
  return parseYaml(file, src, schema);
}

export function parseYaml<S extends z.ZodType>(
  file: string,
  src: string,
  schema: S,
): LoadedYaml<z.output<S>> {
  const lc = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    const lines = doc.errors.map((e) => `${file}:${lc.linePos(e.pos[0]).line}: ${e.message}`);
    throw new FatalError(lines.join('\n'));
  }
  const lineOf = lineFinder(doc, lc);
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const path = issue.path as PropertyKey[];
      const where = path.length ? `${path.join('.')}: ` : '';
      return `${file}:${lineOf(path)}: ${where}${issue.message}`;
    });
    throw new FatalError(lines.join('\n'));
  }
  return { value: result.data, lineOf, file };
}
