// Chromium processes started by this process, read from /proc (Linux): how many browsers
// (a chromium whose parent is not a chromium), how many processes in all, and their summed
// resident memory (an over-count, since they share pages, but the same measure before and
// after).
import { readdirSync, readFileSync } from 'node:fs';

export interface ChromiumCount {
  browsers: number;
  /** Process ids of the browsers (the top chromium of each tree). */
  browserPids: number[];
  processes: number;
  rssMb: number;
}

interface Proc {
  pid: number;
  ppid: number;
  comm: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // comm is in parentheses and may hold spaces; the fields after it are fixed.
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      out.push({ pid: Number(name), ppid, comm });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

export function chromiumUnder(root = process.pid): ChromiumCount {
  const all = processes();
  const byPid = new Map(all.map((p) => [p.pid, p]));
  const children = new Map<number, Proc[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const mine: Proc[] = [];
  const stack = [...(children.get(root) ?? [])];
  while (stack.length) {
    const p = stack.pop()!;
    mine.push(p);
    stack.push(...(children.get(p.pid) ?? []));
  }
  const isChromium = (p: Proc | undefined) => !!p && /chrom/i.test(p.comm);
  const chromium = mine.filter(isChromium);
  const tops = chromium.filter((p) => !isChromium(byPid.get(p.ppid)));
  return {
    browsers: tops.length,
    browserPids: tops.map((p) => p.pid),
    processes: chromium.length,
    rssMb: chromium.reduce((s, p) => s + rssKb(p.pid), 0) / 1024,
  };
}

/** Samples chromiumUnder every `everyMs` until stopped; returns the peaks. */
export function sampleChromium(everyMs = 100): { stop(): ChromiumCount } {
  const peak: ChromiumCount = { browsers: 0, browserPids: [], processes: 0, rssMb: 0 };
  const take = () => {
    const c = chromiumUnder();
    peak.browsers = Math.max(peak.browsers, c.browsers);
    peak.browserPids = [...new Set([...peak.browserPids, ...c.browserPids])];
    peak.processes = Math.max(peak.processes, c.processes);
    peak.rssMb = Math.max(peak.rssMb, c.rssMb);
  };
  const timer = setInterval(take, everyMs);
  take();
  return {
    stop() {
      clearInterval(timer);
      take();
      return peak;
    },
  };
}
