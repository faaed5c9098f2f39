import { describe, expect, it } from 'vitest';
import { createLanguageDetector } from '../../../src/language/index.ts';

const d = createLanguageDetector();

describe('language detection', () => {
  it('uses the script and Azerbaijani letters', () => {
    expect(d.detect('Президент встретился с избирателями')).toBe('ru');
    expect(d.detect('Seçki kampaniyası başlayıb, namizədlər seçicilərlə görüşür.')).toBe('az');
    expect(d.detect('Əliyev')).toBe('az');
  });

  it('recognises Azerbaijani typed without its letters', () => {
    expect(d.detect('Prezident Ilham Eliyev secicilerle gorusub')).toBe('az');
    expect(d.detect('Namized xalq ucun yeni proqram teqdim edib')).toBe('az');
  });

  it('tells Turkish and English apart', () => {
    expect(d.detect("Cumhurbaşkanı Erdoğan bugün Ankara'da konuştu")).toBe('tr');
    expect(
      d.detect('Aliyev seçim kampanyasında seçmenlerle bir araya geldi ve konuşma yaptı.'),
    ).toBe('tr');
    expect(d.detect('The president met voters in Baku on Monday.')).toBe('en');
  });

  it('returns und when there is nothing to go on', () => {
    expect(d.detect('12345 !!')).toBe('und');
    expect(d.detect('')).toBe('und');
  });
});
