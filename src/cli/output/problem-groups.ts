// Repeated problems of one kind become one line: 30,000 lines with the same defect print
// a handful of examples and a summary, not 30,000 warnings.
export interface ProblemGroup {
  /** The first reason seen of this kind, as it was. */
  example: string;
  count: number;
  first: number;
  last: number;
}

export interface ProblemGroups {
  /** Records one problem; logs it while few of its kind have been logged. */
  add(line: number, reason: string): void;
  readonly count: number;
  /** One line per kind (the largest first), at most `maxGroups` plus one for the rest. */
  summary(where: string): string[];
}

/** Quoted values and numbers vary between lines of the same defect. */
export function problemKind(reason: string): string {
  return reason
    .replace(/"[^"]*"|'[^']*'|«[^»]*»/g, '"…"')
    .replace(/\d+/g, 'N')
    .trim();
}

const fmt = new Intl.NumberFormat('en-US');

export function createProblemGroups(opts: {
  log: (msg: string) => void;
  /** Shown before each logged example, e.g. "data.jsonl". */
  file: string;
  examplesPerKind?: number;
  maxExamples?: number;
  maxGroups?: number;
  /** What a problem does to its line, e.g. "skipped". */
  verb?: string;
}): ProblemGroups {
  const perKind = opts.examplesPerKind ?? 3;
  const maxExamples = opts.maxExamples ?? 10;
  const maxGroups = opts.maxGroups ?? 8;
  const verb = opts.verb ?? 'skipped';
  const groups = new Map<string, ProblemGroup>();
  let count = 0;
  let logged = 0;
  return {
    add(line, reason) {
      count++;
      const kind = problemKind(reason);
      const g = groups.get(kind);
      if (g) {
        g.count++;
        g.last = Math.max(g.last, line);
        g.first = Math.min(g.first, line);
      } else groups.set(kind, { example: reason, count: 1, first: line, last: line });
      const seen = g?.count ?? 1;
      if (seen <= perKind && logged < maxExamples) {
        logged++;
        opts.log(`${opts.file}:${line}: ${verb}: ${reason}`);
      }
    },
    get count() {
      return count;
    },
    summary(where) {
      const sorted = [...groups.values()].sort((a, b) => b.count - a.count);
      const lines = sorted.slice(0, maxGroups).map((g) => {
        const lineWord = g.count === 1 ? 'line' : 'lines';
        const span =
          g.count === 1 ? `at line ${g.first}` : `first at line ${g.first}, last at line ${g.last}`;
        return `${fmt.format(g.count)} ${lineWord} ${verb}: ${g.example}; ${span}`;
      });
      const rest = sorted.slice(maxGroups);
      if (rest.length) {
        const n = rest.reduce((a, g) => a + g.count, 0);
        lines.push(`${fmt.format(n)} more lines ${verb} for ${rest.length} other reasons`);
      }
      if (count) lines.push(`every ${verb} line, with its number and reason: ${where}`);
      return lines;
    },
  };
}
