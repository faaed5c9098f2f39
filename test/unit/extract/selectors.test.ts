import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../../src/extract/index.ts';

const html = readFileSync(
  new URL('../../fixtures/extract/az-article.html', import.meta.url),
  'utf8',
);
const extractor = createExtractor();

describe('per-source selectors', () => {
  it('takes title, body, date and author from the selectors and drops `remove`', () => {
    const r = extractor.extract(html, {
      selectors: {
        title: '.xeber-basliq',
        body: '.xeber-metn',
        date: '.tarix',
        author: '.muellif',
        remove: ['.reklam'],
      },
    });
    expect(r.title).toBe('MSK namizədlərin qeydiyyatını başa çatdırdı');
    expect(r.text.split('\n\n')).toHaveLength(4);
    expect(r.text.startsWith('Mərkəzi Seçki Komissiyası')).toBe(true);
    expect(r.text).not.toContain('Reklam');
    expect(r.publishedAt).toBe('2024-01-15T08:30:00.000Z');
    expect(r.author).toBe('Müəllif: Aygün Məmmədova');
  });

  it('keeps what the body selector points at, even boilerplate the generic path drops', () => {
    const r = extractor.extract(html, { selectors: { body: '.xeber-metn' } });
    expect(r.text).toContain('Reklam: ən sərfəli kreditlər');
  });

  it('falls back to the generic extractor when the body selector matches nothing or is invalid', () => {
    for (const body of ['.no-such-thing', '::: not css']) {
      const r = extractor.extract(html, { selectors: { body, remove: ['[[bad'] } });
      expect(r.text).toContain('bərabər efir vaxtı ayrılacaq');
      expect(r.text).not.toContain('İlham Əliyev');
    }
  });
});
