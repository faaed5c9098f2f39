import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLanguageDetector } from '../../../src/language/index.ts';
import { tagStream } from '../../../src/tagging/index.ts';
import { presidential } from './helpers.ts';

async function collect(s: PassThrough): Promise<string[]> {
  s.end();
  let out = '';
  for await (const chunk of s) out += chunk;
  return out.split('\n').filter(Boolean);
}

describe('tagStream', () => {
  it('writes one line per input and reports bad lines without stopping', async () => {
    const input = Readable.from(
      [
        JSON.stringify({ id: 'a', title: 'Zahid Oruc Gəncədə', text: 'YAP-ın bəyanatı.' }),
        '{not json',
        JSON.stringify({ id: 'b', text: 'Ильхам Алиев встретился с избирателями.' }),
        JSON.stringify({ text: 'no id' }),
        JSON.stringify({ id: 3, text: 'Nothing here.', lang: 'en' }),
      ].join('\n'),
    );
    const output = new PassThrough();
    const errors = new PassThrough();
    const result = await tagStream(input, output, {
      tagger: presidential(),
      detector: createLanguageDetector(),
      errors,
    });
    expect(result).toEqual({ lines: 5, errors: 2 });
    const out = (await collect(output)).map((l) => JSON.parse(l));
    expect(out.map((o) => [o.id, o.lang])).toEqual([
      ['a', 'az'],
      ['b', 'ru'],
      [3, 'en'],
    ]);
    expect(out[0].mentions).toEqual([
      {
        entity: 'oruc_zahid',
        type: 'candidate',
        kind: 'name',
        start: 0,
        end: 10,
        surface: 'Zahid Oruc',
        tone: 'neutral',
      },
      {
        entity: 'yap',
        type: 'party',
        kind: 'name',
        start: 20,
        end: 26,
        surface: 'YAP-ın',
        tone: 'neutral',
      },
    ]);
    expect(out[1].mentions.map((m: { entity: string }) => m.entity)).toEqual(['aliyev_ilham']);
    const errs = (await collect(errors)).map((l) => JSON.parse(l));
    expect(errs.map((e) => e.line)).toEqual([2, 4]);
    expect(errs[1].error).toContain('id');
  });
});
