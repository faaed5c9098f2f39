// The two loads of issue #15 findings 3 and 5, shared by the test (test/security/
// render-load.test.ts) and the benchmark (BENCH_ONLY=render):
//   - a burst of report PDFs: answers, Chromium browsers/processes/memory at their peak;
//   - /api/health latency while clients keep asking for heavy renders.
import { summarize, type LatencySummary } from '../load/percentiles.ts';
import { sampleChromium, type ChromiumCount } from './processes.ts';

export interface PdfBurst {
  statuses: number[];
  /** Retry-After of each 503, when given. */
  retryAfter: Array<string | null>;
  peak: ChromiumCount;
  ms: number;
}

/** `paths` requested all at once (e.g. 8 report PDFs). */
export async function pdfBurst(base: string, paths: string[]): Promise<PdfBurst> {
  const sampler = sampleChromium(50);
  const t0 = performance.now();
  const answers = await Promise.all(
    paths.map(async (p) => {
      const res = await fetch(base + p);
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status === 200 && body.subarray(0, 5).toString() !== '%PDF-')
        throw new Error(`${p}: 200 without a PDF`);
      return { status: res.status, retryAfter: res.headers.get('retry-after') };
    }),
  );
  const ms = performance.now() - t0;
  return {
    statuses: answers.map((a) => a.status),
    retryAfter: answers.map((a) => a.retryAfter),
    peak: sampler.stop(),
    ms,
  };
}

export interface HealthUnderRenders {
  health: LatencySummary;
  /** Heavy renders answered, by status. */
  renders: Record<number, number>;
}

/**
 * `clients` loops each requesting `heavy(i)` for i = client, client + clients, …, while one more asks /api/health
 * every `everyMs`, for `durationMs`.
 */
export async function healthUnderRenders(
  base: string,
  opts: { clients: number; heavy: (i: number) => string; durationMs: number; everyMs?: number },
): Promise<HealthUnderRenders> {
  const end = Date.now() + opts.durationMs;
  const renders: Record<number, number> = {};
  const client = async (k: number) => {
    for (let i = k; Date.now() < end; i += opts.clients) {
      const res = await fetch(base + opts.heavy(i));
      await res.arrayBuffer();
      renders[res.status] = (renders[res.status] ?? 0) + 1;
    }
  };
  const latencies: number[] = [];
  const health = async () => {
    // Let the renders start first.
    await new Promise((r) => setTimeout(r, 200));
    while (Date.now() < end) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/health`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`/api/health answered ${res.status}`);
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, opts.everyMs ?? 50));
    }
  };
  await Promise.all([health(), ...Array.from({ length: opts.clients }, (_, k) => client(k))]);
  return { health: summarize(latencies), renders };
}
