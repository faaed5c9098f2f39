// Accuracy on our labelled short posts (bench/language-eval.ts prints the full table,
// beside other detectors). A floor per group, so a change that breaks one group fails.
import { describe, expect, it } from 'vitest';
import { createLanguageDetector } from '../../../src/language/index.ts';
import { loadPosts } from '../../../bench/language-eval.ts';

describe('language of short posts', () => {
  const d = createLanguageDetector();
  const posts = loadPosts();
  const groups = [...new Set(posts.map((p) => p.group))];

  it('has at least 100 development posts per group, each group held out too', () => {
    for (const g of ['az', 'az-ascii', 'ru', 'tr', 'en']) {
      expect(posts.filter((p) => p.group === g && p.half === 'dev').length).toBeGreaterThanOrEqual(
        100,
      );
      expect(
        posts.filter((p) => p.group === g && p.half === 'held-out').length,
      ).toBeGreaterThanOrEqual(30);
    }
  });

  it.each(groups)('%s: at least 0.97 on the development set and 0.85 held out', (g) => {
    const acc = (half: 'dev' | 'held-out') => {
      const set = posts.filter((p) => p.group === g && p.half === half);
      return set.filter((p) => d.detect(p.text) === p.lang).length / set.length;
    };
    expect(acc('dev')).toBeGreaterThanOrEqual(0.97);
    expect(acc('held-out')).toBeGreaterThanOrEqual(0.85);
  });
});
