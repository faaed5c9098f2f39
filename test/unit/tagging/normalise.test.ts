import { describe, expect, it } from 'vitest';
import { foldText, tokenize } from '../../../src/tagging/fold.ts';

describe('folding', () => {
  it('folds Azerbaijani case pairs, look-alikes and the ASCII tier to one form', () => {
    const forms = ['Əliyev', 'ƏLİYEV', 'əliyev', 'Ǝliyev', 'Eliyev', 'Äliyev', 'ǝliyev'];
    expect(new Set(forms.map(foldText))).toEqual(new Set(['eliyev']));
    expect(foldText('İlham')).toBe(foldText('ILHAM'));
    expect(foldText('ıI')).toBe('ii');
  });

  it('handles decomposed letters like their composed forms', () => {
    expect(foldText('I\u0307lham')).toBe(foldText('İlham'));
    expect(foldText('Oruc\u0327')).toBe(foldText('Oruç'));
    expect(foldText('şçğöü')).toBe('scgou');
  });

  it('glues endings written after apostrophe variants or a hyphen', () => {
    for (const s of ["Aliyev'in", 'Aliyev’in', 'Aliyevʼin', 'Aliyev‘in'])
      expect(foldText(s)).toBe('aliyevin');
    expect(foldText('YAP-ın')).toBe('yapin');
    expect(foldText("'YAP' - ")).toBe('yap');
  });

  it('keeps offsets into the original text and records capitalisation', () => {
    const [a, b] = tokenize('«YAP-ın» Oruç');
    expect(a).toMatchObject({ start: 1, end: 7, folded: 'yapin', cap: true, upperLead: 3 });
    expect(b).toMatchObject({ start: 9, end: 13, folded: 'oruc', cap: true, upperLead: 1 });
  });

  it('folds Cyrillic ё and й', () => {
    expect(foldText('Алиёв')).toBe(foldText('Алиев'));
    expect(foldText('Гейдар')).toBe(foldText('Геидар'));
  });

  it('folds Cyrillic letters that look like Latin ones to the Latin letter', () => {
    // "Аliyev" typed with a Cyrillic А, "Musаvаt" with Cyrillic а.
    expect(foldText('\u0410liyev')).toBe(foldText('Aliyev'));
    expect(foldText('Mus\u0430v\u0430t')).toBe('musavat');
    // A Cyrillic word folds the same whatever look-alikes it was typed with.
    expect(foldText('Aлиeв')).toBe(foldText('Алиев'));
    expect(foldText('Алиев')).toHaveLength(5);
  });
});
