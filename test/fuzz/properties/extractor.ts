// HTML extraction (src/extract) on hostile pages, and bytes → string decoding.
import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import { isTag, isText } from 'domhandler';
import type { AnyNode } from 'domhandler';
import { createExtractor, decodeHtml } from '../../../src/extract/index.ts';
import { capHtml } from '../../../src/extract/dom.ts';
import { type FuzzTarget, isIsoDate, must, mustBeDocumented } from './harness.ts';
import { hostileText } from './mutate.ts';
import { ARTICLE_SEED } from './seeds.ts';

const extractor = createExtractor();
const MARKERS = ['FUZZ_SCRIPT_MARKER', 'FUZZ_STYLE_MARKER'];

/**
 * Oracle for "no script text in the output": true when every occurrence of the markers in
 * the parsed page sits inside a non-JSON-LD <script> or <style>. (A mutation may break the
 * tag so the marker becomes ordinary text; then its appearance is legitimate.)
 */
function markersOnlyInScripts(html: string): boolean {
  const doc = parseDocument(capHtml(html), { decodeEntities: true, lowerCaseAttributeNames: true });
  const stack: Array<{ node: AnyNode; hidden: boolean }> = [{ node: doc, hidden: false }];
  while (stack.length > 0) {
    const { node, hidden } = stack.pop()!;
    if (isText(node) && !hidden && MARKERS.some((m) => node.data.includes(m))) return false;
    if (isTag(node)) {
      if (Object.values(node.attribs).some((v) => MARKERS.some((m) => v.includes(m)))) return false;
      const script =
        (node.name === 'script' && !/ld\+json/i.test(node.attribs.type ?? '')) ||
        node.name === 'style';
      for (const kid of node.children) stack.push({ node: kid, hidden: hidden || script });
    } else if ('children' in node) {
      for (const kid of node.children) stack.push({ node: kid, hidden });
    }
  }
  return true;
}

type PageInput = { html: string } | { bytes: Uint8Array; contentType: string };

export const extractorTarget: FuzzTarget<PageInput> = {
  name: 'extractor',
  arbitrary: fc.oneof(
    { weight: 5, arbitrary: hostileText([ARTICLE_SEED]).map((html) => ({ html })) },
    {
      weight: 1,
      arbitrary: fc.record({
        bytes: fc.oneof(
          fc.uint8Array({ maxLength: 2_000 }),
          hostileText([ARTICLE_SEED]).map((s) => new Uint8Array(Buffer.from(s, 'latin1'))),
        ),
        contentType: fc.constantFrom(
          'text/html',
          'text/html; charset=windows-1251',
          'text/html; charset=utf-16le',
          'text/html; charset="koi8-r"',
          'text/html; charset=no-such-charset',
          'text/html; charset=',
          '',
        ),
      }),
    },
  ),
  check(input) {
    const html =
      'html' in input ? input.html : decodeHtml(Buffer.from(input.bytes), input.contentType);
    must(typeof html === 'string', 'decodeHtml returns a string');
    let r;
    try {
      r = extractor.extract(html, { url: 'https://portal.example/xeber/123' });
    } catch (err) {
      mustBeDocumented(err);
      return;
    }
    for (const k of ['title', 'text'] as const) must(typeof r[k] === 'string', `${k} is a string`);
    must(r.publishedAt === null || isIsoDate(r.publishedAt), `publishedAt ${r.publishedAt}`);
    must(r.author === null || typeof r.author === 'string', 'author');
    must(r.canonicalUrl === null || typeof r.canonicalUrl === 'string', 'canonicalUrl');
    if (markersOnlyInScripts(html)) {
      for (const m of MARKERS) {
        must(!r.text.includes(m), `script/style text "${m}" leaked into the body`);
        must(!r.title.includes(m), `script/style text "${m}" leaked into the title`);
      }
    }
  },
};
