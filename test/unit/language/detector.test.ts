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

describe('short posts', () => {
  it('sets handles, links, hashtags and emoji aside before deciding', () => {
    // More Latin letters in the handles and link than Cyrillic in the text.
    expect(d.detect('@farid_h @leyla_a @orxan_b ну что, идём? https://t.co/aa81Xy')).toBe('ru');
    expect(d.detect('@news_baku спасибо https://bit.ly/3kQx9 #BakuLife #secki2024 😂😂')).toBe(
      'ru',
    );
    // Nothing but a Cyrillic hashtag: it is all there is to go on.
    expect(d.detect('@ulviyya_h https://t.co/Lq5 #выборы')).toBe('ru');
    expect(d.detect('@a_b https://t.co/x 👍')).toBe('und');
  });

  it('tells Azerbaijani typed without its letters from Turkish', () => {
    // Perfect in -ib (tr -ip), d after a voiceless consonant (tr t), q and x, own words.
    expect(d.detect('usaqlar mektebe gedib, ev sakitdir')).toBe('az');
    expect(d.detect('pul kartim ishlemir, bankdan zeng etdiler')).toBe('az');
    expect(d.detect('sabah saat 10da gorushek, gecikme')).toBe('az');
    expect(d.detect('Seckide kime ses vereceksiz?')).toBe('az');
    expect(d.detect('iwden cixdim, evde gorushek')).toBe('az');
    // The same things said in Turkish, typed without Turkish letters too.
    expect(d.detect('cocuklar okula gitti, ev sessiz')).toBe('tr');
    expect(d.detect('kredi kartim calismiyor, bankadan aradilar')).toBe('tr');
    expect(d.detect('yarin saat onda gorusuruz, gecikme')).toBe('tr');
    expect(d.detect('Secimde kime oy vereceksiniz?')).toBe('tr');
  });

  it('keeps short English and Turkish posts apart', () => {
    expect(d.detect("It's raining, take an umbrella")).toBe('en');
    expect(d.detect('Happy birthday, my dear friend! 🎂')).toBe('en');
    expect(d.detect('Bugün ilk kez oy kullandım, çok heyecanlıydı')).toBe('tr');
  });
});
