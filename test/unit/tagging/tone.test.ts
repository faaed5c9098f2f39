import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadToneLexicons, sentenceTone } from '../../../src/tagging/index.ts';
import { DICTIONARIES, presidential } from './helpers.ts';

const lex = loadToneLexicons(join(DICTIONARIES, 'tone'));

describe('tone', () => {
  it('reads positive and negative terms', () => {
    expect(sentenceTone(lex, 'az', 'Namizədin görüşü uğurlu keçdi.')).toBe('positive');
    expect(sentenceTone(lex, 'az', 'Müxalifət namizədi kəskin tənqid etdi.')).toBe('negative');
    expect(sentenceTone(lex, 'az', 'Namizəd Gəncəyə getdi.')).toBe('neutral');
    expect(sentenceTone(lex, 'az', 'Kampaniya uğursuz alındı.')).toBe('negative');
  });

  it('flips on Azerbaijani negation', () => {
    expect(sentenceTone(lex, 'az', 'Partiya bu qərarı dəstəkləyir.')).toBe('positive');
    expect(sentenceTone(lex, 'az', 'Partiya bu qərarı dəstəkləmir.')).toBe('negative');
    expect(sentenceTone(lex, 'az', 'Seçki uğurlu deyil.')).toBe('negative');
    expect(sentenceTone(lex, 'az', 'Onu dəstəkləmək lazımdır.')).toBe('positive');
  });

  it('flips on Russian and English negation', () => {
    expect(sentenceTone(lex, 'ru', 'Кандидат поддержал реформу.')).toBe('positive');
    expect(sentenceTone(lex, 'ru', 'Кандидат не поддержал реформу.')).toBe('negative');
    expect(sentenceTone(lex, 'en', 'The party did not support the candidate.')).toBe('negative');
    expect(sentenceTone(lex, 'en', "Observers didn't report fraud.")).toBe('positive');
    expect(sentenceTone(lex, 'en', 'The vote was never fair or transparent.')).toBe('negative');
  });

  it('is attached to each mention of the sentence, marked automatic', () => {
    const ms = presidential().tag({
      text: 'Zahid Oruc hökuməti kəskin tənqid etdi. Fazil Mustafa isə islahatları dəstəklədi.',
      lang: 'az',
    });
    expect(ms.map((m) => [m.entity, m.tone, m.toneSource])).toEqual([
      ['oruc_zahid', 'negative', 'auto'],
      ['mustafa_fazil', 'positive', 'auto'],
    ]);
  });
});
