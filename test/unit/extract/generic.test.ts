import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../../src/extract/index.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/extract/${name}`, import.meta.url), 'utf8');
const extractor = createExtractor();

describe('generic extractor: Azerbaijani page', () => {
  const r = extractor.extract(fixture('az-article.html'), {
    url: 'https://numune.az/siyaset/msk-qeydiyyat-12345.html?utm=x',
  });

  it('keeps every article paragraph, in order, separated by blank lines', () => {
    const paras = r.text.split('\n\n');
    expect(paras[0]).toMatch(/^Mərkəzi Seçki Komissiyası növbədənkənar/);
    expect(paras.at(-1)).toMatch(/hesabatlarını gələn həftə təqdim edəcəklərini açıqlayıblar\.$/);
    expect(r.text).toContain('bərabər efir vaxtı ayrılacaq');
    expect(paras).toHaveLength(4);
  });

  it('leaves out menus, ticker, share buttons, ads, related, sidebar, comments, footer', () => {
    for (const junk of [
      'İlham Əliyev',
      'Əsas səhifə',
      'Son dəqiqə',
      'Neftin qiyməti',
      'WhatsApp',
      'Reklam',
      'Oxşar xəbərlər',
      'Seçki məntəqələrinin',
      'Son xəbərlər',
      'Sinoptiklər',
      'Çox maraqlı yazıdır',
      'Bütün hüquqlar qorunur',
      'window.dataLayer',
    ]) {
      expect(r.text).not.toContain(junk);
    }
  });

  it('reads title, visible Azerbaijani date (Baku time), author, canonical and lang', () => {
    expect(r.title).toBe('MSK namizədlərin qeydiyyatını başa çatdırdı');
    expect(r.publishedAt).toBe('2024-01-15T08:30:00.000Z');
    expect(r.author).toBe('Aygün Məmmədova');
    expect(r.canonicalUrl).toBe('https://numune.az/siyaset/msk-qeydiyyat-12345.html');
    expect(r.lang).toBe('az');
  });
});

describe('generic extractor: Russian page with JSON-LD', () => {
  const r = extractor.extract(fixture('ru-article.html'));

  it('keeps the article and drops "Читайте также", "Похожие новости", comments, news feed', () => {
    expect(r.text.split('\n\n')).toHaveLength(4);
    expect(r.text).toContain('более двух тысяч человек');
    for (const junk of [
      'Читайте также',
      'Ильхам Алиев',
      'Похожие новости',
      'ЦИК утвердил',
      'Хорошая инициатива',
      'Курс маната',
      'Главная',
      'Все права защищены',
      'Telegram',
    ]) {
      expect(r.text).not.toContain(junk);
    }
  });

  it('takes date and author from JSON-LD @graph, canonical from og:url', () => {
    expect(r.title).toBe('В Баку обсудили подготовку наблюдателей');
    expect(r.publishedAt).toBe('2024-01-20T05:15:00.000Z');
    expect(r.author).toBe('Ирина Соколова');
    expect(r.canonicalUrl).toBe('https://primer-novosti.az/politika/nabludateli-987');
    expect(r.lang).toBe('ru');
  });
});

describe('generic extractor: English page', () => {
  const r = extractor.extract(fixture('en-article.html'));

  it('keeps paragraphs and subheadings, decodes entities, drops related/most-read/ticker', () => {
    expect(r.text).toContain('seven registered candidates & finds');
    expect(r.text).toContain('\n\nMethod\n\n');
    for (const junk of [
      'Aliyev',
      'BREAKING',
      'Related stories',
      'Most read',
      'Stock markets',
      'Copyright',
      'Home',
    ]) {
      expect(r.text).not.toContain(junk);
    }
  });

  it('reads meta date, rel=author, canonical link and html lang', () => {
    expect(r.title).toBe('Observers publish interim report on campaign coverage');
    expect(r.publishedAt).toBe('2024-02-01T18:45:00.000Z');
    expect(r.author).toBe('Jane Smith');
    expect(r.canonicalUrl).toBe('https://example-times.test/news/observers-interim-report');
    expect(r.lang).toBe('en');
  });
});

describe('generic extractor: small pages', () => {
  it('uses JSON-LD articleBody when the DOM holds almost nothing', () => {
    const body = 'Birinci cümlə uzun bir mətndir. '.repeat(12);
    const html = `<html lang="tr"><script type="application/ld+json">${JSON.stringify({
      '@type': 'NewsArticle',
      articleBody: body,
    })}</script><div id="app"></div></html>`;
    const r = extractor.extract(html);
    expect(r.text).toBe(body.trim());
    expect(r.lang).toBe('tr');
  });

  it('returns lang null for languages we do not monitor and no canonical when absent', () => {
    const r = extractor.extract('<html lang="de"><p>Kurzer Text.</p></html>');
    expect(r.lang).toBeNull();
    expect(r.canonicalUrl).toBeNull();
  });
});
