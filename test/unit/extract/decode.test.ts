import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { createExtractor, decodeHtml } from '../../../src/extract/index.ts';

const russian =
  'Избирательная комиссия опубликовала предварительные итоги голосования по всем округам.';

function page(charsetMeta: string): string {
  return `<html lang="ru"><head>${charsetMeta}<title>Итоги</title></head><body><article><p>${russian}</p></article></body></html>`;
}

describe('decodeHtml', () => {
  it('decodes windows-1251 declared in <meta charset>', () => {
    const bytes = iconv.encode(page('<meta charset="windows-1251">'), 'windows-1251');
    const html = decodeHtml(bytes);
    expect(html).toContain(russian);
    expect(createExtractor().extract(html).text).toBe(russian);
  });

  it('decodes windows-1251 declared by http-equiv', () => {
    const meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">';
    expect(decodeHtml(iconv.encode(page(meta), 'windows-1251'))).toContain(russian);
  });

  it('lets the Content-Type header win over the page', () => {
    const bytes = iconv.encode(page('<meta charset="utf-8">'), 'koi8-r');
    expect(decodeHtml(bytes, 'text/html; charset=KOI8-R')).toContain(russian);
  });

  it('reads Turkish iso-8859-9 and strips a UTF-8 BOM', () => {
    const tr = 'Seçim sonuçları açıklandı, ağustos ayında görüşülecek.';
    const bytes = iconv.encode(`<p>${tr}</p>`, 'iso-8859-9');
    expect(decodeHtml(bytes, 'text/html;charset=iso-8859-9')).toBe(`<p>${tr}</p>`);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>Əliyev</p>')]);
    expect(decodeHtml(bom)).toBe('<p>Əliyev</p>');
  });

  it('falls back to UTF-8 for unknown or missing charsets', () => {
    const bytes = Buffer.from('<meta charset="x-klingon"><p>Şəki</p>');
    expect(decodeHtml(bytes)).toContain('Şəki');
    expect(decodeHtml(Buffer.from('<p>Gəncə</p>'), 'text/html')).toBe('<p>Gəncə</p>');
  });
});
