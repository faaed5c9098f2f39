import { describe, expect, it } from 'vitest';
import { russianForms, turkicEndings } from '../../../src/tagging/endings.ts';
import { tags } from './helpers.ts';

describe('Azerbaijani endings', () => {
  it('follow vowel harmony', () => {
    expect(turkicEndings('Əliyev')).toEqual(
      expect.arrayContaining(['in', 'ə', 'i', 'də', 'dən', 'lə']),
    );
    expect(turkicEndings('Əliyev')).not.toContain('a');
    expect(turkicEndings('Oruc')).toEqual(expect.arrayContaining(['un', 'a', 'u', 'da']));
    expect(turkicEndings('Partiyası')).toEqual(
      expect.arrayContaining(['nın', 'na', 'nı', 'nda', 'ndan']),
    );
  });

  it('find inflected names and possessive + case forms', () => {
    expect(tags('Zahid Orucun çıxışı. Zahid Oruca sual verildi. Zahid Orucdan cavab.')).toEqual(
      Array(3).fill('oruc_zahid'),
    );
    expect(
      tags('Yeni Azərbaycan Partiyasının qurultayı; Yeni Azərbaycan Partiyasına üzv oldu.'),
    ).toEqual(['yap', 'yap']);
    expect(tags('Razi Nurullayevə, Qüdrət Həsənquliyevlə')).toEqual([
      'nurullayev_razi',
      'hasanguliyev_gudrat',
    ]);
  });

  it('never read Əliyeva as Əliyev', () => {
    expect(tags('İlham Əliyeva')).toEqual([]);
    expect(tags('İlham Əliyevə')).toEqual(['aliyev_ilham']);
  });

  it('read Turkish apostrophe forms', () => {
    expect(tags("İlham Aliyev'in ziyareti, Zahid Oruç'un açıklaması", 'tr')).toEqual([
      'aliyev_ilham',
      'oruc_zahid',
    ]);
  });
});

describe('Russian declension', () => {
  it('generates case forms of surnames and nouns', () => {
    expect(russianForms('Алиев')).toEqual(
      expect.arrayContaining(['алиев', 'алиева', 'алиеву', 'алиевым', 'алиеве']),
    );
    expect(russianForms('партия')).toEqual(expect.arrayContaining(['партии', 'партию', 'партией']));
    expect(russianForms('Рази')).toEqual(['рази']);
  });

  it('finds declined full names', () => {
    expect(
      tags(
        'Ильхама Алиева поздравили. Ильхаму Алиеву вручили орден. С Ильхамом Алиевым встретились.',
        'ru',
      ),
    ).toEqual(Array(3).fill('aliyev_ilham'));
    expect(tags('Алиеву вручили орден. Ранее Ильхам Алиев выступил.', 'ru')).toEqual([
      'aliyev_ilham',
      'aliyev_ilham',
    ]);
  });
});
