// Inputs of transcript and import sources: local files, folders, or URLs.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SkipItemError } from '../src/core/errors.ts';
import type { CrawlContext } from './types.ts';

export interface InputFile {
  /** Where it came from: an http(s) URL or a file:// URL. */
  url: string;
  name: string;
  text: string;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** Files to read for one source URL: the file, every matching file of a folder, or a URL. */
export async function* readInputs(
  location: string,
  extensions: RegExp,
  ctx: CrawlContext,
): AsyncIterable<InputFile> {
  if (isUrl(location)) {
    const res = await ctx.fetchListing(location);
    if (res.notModified) return;
    const name = new URL(res.url).pathname.split('/').pop() ?? location;
    yield { url: res.url, name, text: res.text() };
    return;
  }
  const path = resolve(location.replace(/^file:\/\//, ''));
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw new SkipItemError(`cannot read ${path}`, { cause: err });
  }
  const files = info.isDirectory()
    ? (await readdir(path))
        .filter((f) => extensions.test(f))
        .sort()
        .map((f) => join(path, f))
    : [path];
  for (const file of files) {
    const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
    yield { url: pathToFileURL(file).href, name: file.split('/').pop() ?? file, text };
  }
}
