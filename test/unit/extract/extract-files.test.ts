import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExtractor, extractFiles } from '../../../src/extract/index.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'extract-files-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(files: string[], detectLanguage?: (t: string) => string) {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  const counts = await extractFiles(files, out, { extractor: createExtractor(), detectLanguage });
  const lines = chunks
    .join('')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { counts, lines };
}

describe('extractFiles (monitor extract FILE...)', () => {
  it('prints one JSON line per file, reading .gz and reporting missing files in-line', async () => {
    const html = await readFile(new URL('../../fixtures/extract/ru-article.html', import.meta.url));
    const gz = join(dir, 'ru.html.gz');
    await writeFile(gz, gzipSync(html));
    const missing = join(dir, 'nope.html');
    const plain = join(dir, 'plain.html');
    await writeFile(
      plain,
      '<p>Bu mətndə dil göstərilməyib, ona görə aşkarlayıcıya müraciət olunur.</p>',
    );

    const { counts, lines } = await run([gz, missing, plain], () => 'az');
    expect(counts).toEqual({ ok: 2, failed: 1 });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      file: gz,
      title: 'В Баку обсудили подготовку наблюдателей',
      publishedAt: '2024-01-20T05:15:00.000Z',
      author: 'Ирина Соколова',
      lang: 'ru',
    });
    expect(Object.keys(lines[0] ?? {})).toEqual([
      'file',
      'title',
      'text',
      'publishedAt',
      'author',
      'lang',
    ]);
    expect(String(lines[0]?.text)).toContain('более двух тысяч человек');
    expect(lines[1]?.file).toBe(missing);
    expect(String(lines[1]?.error)).toMatch(/ENOENT/);
    expect(lines[2]).toMatchObject({ file: plain, lang: 'az' });
  });
});
