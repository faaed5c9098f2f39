import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SkipItemError } from '../../../src/core/errors.ts';
import { MAX_HTML_CHARS, createExtractor } from '../../../src/extract/index.ts';

const extractor = createExtractor();
const article =
  '<article><h1>Başlıq</h1><p>Birinci abzas kifayət qədər uzundur ki, məqalə mətni kimi qəbul edilsin.</p>' +
  '<p>İkinci abzas da seçki kampaniyası haqqında məlumat verir və nöqtə ilə bitir.</p></article>';

describe('robustness', () => {
  it('handles a 20 MB hostile page: the article is read, the rest is capped', () => {
    const junk = '<div><span class="x">' + 'a&amp;<b>'.repeat(16) + '</div>';
    const html = `<html><body>${article}${junk.repeat(Math.ceil((20 * 1024 * 1024) / junk.length))}`;
    expect(html.length).toBeGreaterThan(20 * 1024 * 1024);
    expect(html.length).toBeGreaterThan(MAX_HTML_CHARS);
    const r = extractor.extract(html);
    expect(r.text).toContain('Birinci abzas');
    expect(r.text).toContain('İkinci abzas');
  });

  it('finds an article placed after megabytes of inline script', () => {
    const script = `<script>var state = "${'x'.repeat(3 * 1024 * 1024)}";</script>`;
    const r = extractor.extract(`<html><head>${script}</head><body>${article}</body></html>`);
    expect(r.text).toContain('İkinci abzas');
    expect(r.text).not.toContain('var state');
  });

  it('reads 4,000 nested tags, and refuses 20,000 as hostile with a clear reason', () => {
    const nest = (depth: number) => `${'<div>'.repeat(depth)}${article}${'</div>'.repeat(depth)}`;
    const r = extractor.extract(nest(4_000));
    expect(r.title).toBe('Başlıq');
    expect(r.text).toContain('İkinci abzas');
    expect(() => extractor.extract(nest(20_000))).toThrow(SkipItemError);
    expect(() => extractor.extract(nest(20_000))).toThrow(/nests HTML tags more than 5000 deep/);
  });

  it('reads pages without <html>, <head> or <body>, and unclosed tags', () => {
    const r = extractor.extract(
      '<title>T</title><p>Bu səhifədə body teqi yoxdur, amma mətn oxunmalıdır, çünki abzas uzundur.<p>Ikinci',
    );
    expect(r.text).toContain('body teqi yoxdur');
  });

  it('returns empty text for empty or text-free input', () => {
    expect(extractor.extract('').text).toBe('');
    expect(extractor.extract('<html><body><script>var a = 1;</script></body></html>').text).toBe(
      '',
    );
  });

  it('skips clearly binary input', () => {
    expect(() => extractor.extract('\u0000\u0001PNG\u0000')).toThrow(SkipItemError);
  });

  it('never throws on arbitrary markup-like strings', () => {
    const piece = fc.constantFrom(
      '<div>',
      '</div>',
      '<p>',
      '</p>',
      '<a href="x">',
      '</a>',
      '<script>',
      '<!--',
      '-->',
      '<![CDATA[',
      '&amp;',
      '&#xZZ;',
      'Əliyev ',
      'söz. ',
      '<h1>',
      '<time datetime="bad">',
      '"',
      "'",
      '>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), (parts) => {
        const r = extractor.extract(parts.join(''));
        expect(typeof r.text).toBe('string');
      }),
      { numRuns: 200 },
    );
  });
});
