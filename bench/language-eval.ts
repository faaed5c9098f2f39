// Language of short posts: accuracy per group on our own labelled sets, one post a line,
// written for this project in the style of social media, not news:
//   test/fixtures/language/posts-*.txt           the development set (rules were tuned on it)
//   test/fixtures/language/held-out/posts-*.txt  written after the rules were fixed, and
//                                                 never used to change them
// Compares the monitor's detector with franc alone and with two other maintained
// detectors from the registry, so the choice is made by measurement.
//   npm run eval:language          (also part of npm run bench: BENCH_ONLY=language)
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { franc } from 'franc';
import type { Lang } from '../src/core/types.ts';
import { createLanguageDetector } from '../src/language/index.ts';

const DIR = fileURLToPath(new URL('../test/fixtures/language/', import.meta.url));

export interface Post {
  group: string;
  lang: Lang;
  text: string;
  half: 'dev' | 'held-out';
}

export function loadPosts(dir = DIR): Post[] {
  const posts: Post[] = [];
  for (const [sub, half] of [
    ['', 'dev'],
    ['held-out', 'held-out'],
  ] as const) {
    const folder = join(dir, sub);
    for (const file of readdirSync(folder)
      .filter((f) => /^posts-.+\.txt$/.test(f))
      .sort()) {
      const group = file.replace(/^posts-|\.txt$/g, '');
      const lang = group.slice(0, 2) as Lang;
      for (const text of readFileSync(join(folder, file), 'utf8').split('\n'))
        if (text.trim()) posts.push({ group, lang, text, half });
    }
  }
  return posts;
}

type Detect = (text: string) => string;

async function detectors(): Promise<Record<string, Detect>> {
  const FRANC: Record<string, string> = { azj: 'az', rus: 'ru', eng: 'en', tur: 'tr' };
  const out: Record<string, Detect> = {
    monitor: (t) => createLanguageDetector().detect(t),
    'franc (az, ru, en, tr)': (t) =>
      FRANC[franc(t, { only: Object.keys(FRANC), minLength: 3 })] ?? 'und',
  };
  // Optional comparisons: dev dependencies, absent in a production install.
  try {
    const { eld } = (await import('eld')) as {
      eld: {
        newInstance(): {
          load(size: string): Promise<boolean>;
          setLanguageSubset(l: string[]): unknown;
          detect(t: string): { language: string };
        };
      };
    };
    const d = eld.newInstance();
    await d.load('large');
    d.setLanguageSubset(['az', 'ru', 'en', 'tr']);
    out['eld large (az, ru, en, tr)'] = (t) => d.detect(t).language || 'und';
  } catch {
    // not installed
  }
  try {
    const tinyld = (await import('tinyld')) as {
      detect(t: string, o?: { only?: string[] }): string;
    };
    out['tinyld (az, ru, en, tr)'] = (t) =>
      tinyld.detect(t, { only: ['az', 'ru', 'en', 'tr'] }) || 'und';
  } catch {
    // not installed
  }
  return out;
}

export interface LanguageEval {
  groups: string[];
  /** detector → group → accuracy, over both halves; and per half. */
  accuracy: Record<string, Record<string, { all: number; dev: number; heldOut: number }>>;
  posts: number;
  misses: Record<string, { group: string; text: string; got: string }[]>;
}

export async function evaluateLanguage(): Promise<LanguageEval> {
  const posts = loadPosts();
  const groups = [...new Set(posts.map((p) => p.group))];
  const accuracy: LanguageEval['accuracy'] = {};
  const misses: LanguageEval['misses'] = {};
  for (const [name, detect] of Object.entries(await detectors())) {
    accuracy[name] = {};
    misses[name] = [];
    for (const g of groups) {
      const of = (half?: Post['half']) => {
        const set = posts.filter((p) => p.group === g && (!half || p.half === half));
        return set.filter((p) => detect(p.text) === p.lang).length / set.length;
      };
      accuracy[name][g] = { all: of(), dev: of('dev'), heldOut: of('held-out') };
    }
    for (const p of posts) {
      const got = detect(p.text);
      if (got !== p.lang) misses[name].push({ group: p.group, text: p.text, got });
    }
  }
  return { groups, accuracy, posts: posts.length, misses };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await evaluateLanguage();
  const names = Object.keys(r.accuracy);
  const w = Math.max(...names.map((n) => n.length));
  process.stdout.write(
    `Language of short posts: ${r.posts} posts; accuracy on all / the development set / the held-out set\n`,
  );
  process.stdout.write(`${''.padEnd(w)}  ${r.groups.map((g) => g.padEnd(20)).join('')}\n`);
  for (const n of names) {
    const cells = r.groups.map((g) => {
      const a = r.accuracy[n]![g]!;
      return `${a.all.toFixed(3)} ${a.dev.toFixed(2)}/${a.heldOut.toFixed(2)}`.padEnd(20);
    });
    process.stdout.write(`${n.padEnd(w)}  ${cells.join('')}\n`);
  }
  if (process.env.SHOW_MISSES) {
    for (const m of r.misses.monitor ?? [])
      process.stdout.write(`miss ${m.group} → ${m.got}: ${m.text}\n`);
  }
}
