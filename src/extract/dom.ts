// Thin helpers over htmlparser2/domhandler. Every walk is iterative, so hostile pages with
// tens of thousands of nested tags cannot overflow the call stack.
import { parseDocument } from 'htmlparser2';
import { isTag, isText } from 'domhandler';
import type { AnyNode, Document, Element } from 'domhandler';

/**
 * Pages are cut to this many characters before parsing (after dropping inline scripts and
 * styles, which is where most of a big page's weight sits); article text comes well before.
 */
export const MAX_HTML_CHARS = 2 * 1024 * 1024;

export function capHtml(html: string): string {
  if (html.length <= MAX_HTML_CHARS) return html;
  const light = dropHeavyInline(html.slice(0, MAX_HTML_CHARS * 4));
  return light.length > MAX_HTML_CHARS ? light.slice(0, MAX_HTML_CHARS) : light;
}

/** Opening <script>/<style> tag; its attributes never cross another "<". */
const HEAVY_OPEN = /<(script|style)\b([^<>]*)>/gi;

/**
 * Drops inline scripts and styles (JSON-LD kept). A scan, not one regex: a lazy
 * "anything up to </script>" regex is quadratic on pages with many unclosed scripts.
 */
function dropHeavyInline(html: string): string {
  const parts: string[] = [];
  let from = 0;
  HEAVY_OPEN.lastIndex = 0;
  for (let m = HEAVY_OPEN.exec(html); m; m = HEAVY_OPEN.exec(html)) {
    if (/ld\+json/i.test(m[2] ?? '')) continue;
    const close = new RegExp(`</${m[1]}\\s*>`, 'gi');
    close.lastIndex = HEAVY_OPEN.lastIndex;
    if (!close.test(html)) break; // unclosed: the rest of the page is its text anyway
    parts.push(html.slice(from, m.index));
    from = close.lastIndex;
    HEAVY_OPEN.lastIndex = from;
  }
  parts.push(html.slice(from));
  return parts.join('');
}

export function parseHtml(html: string): Document {
  return parseDocument(capHtml(html), { decodeEntities: true, lowerCaseAttributeNames: true });
}

export function attr(el: Element, name: string): string {
  return el.attribs[name] ?? '';
}

/** All elements under `root` in document order. */
export function* elements(root: AnyNode): Generator<Element> {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isTag(node)) yield node;
    if ('children' in node) {
      const kids = node.children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as AnyNode);
    }
  }
}

export function findAll(
  root: AnyNode,
  test: (el: Element) => boolean,
  limit = Infinity,
): Element[] {
  const out: Element[] = [];
  for (const el of elements(root)) {
    if (test(el)) {
      out.push(el);
      if (out.length >= limit) break;
    }
  }
  return out;
}

export function findFirst(root: AnyNode, test: (el: Element) => boolean): Element | null {
  return findAll(root, test, 1)[0] ?? null;
}

const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template']);

/** Raw text content (no scripts/styles), whitespace collapsed. */
export function textOf(root: AnyNode, maxChars = 100_000): string {
  const parts: string[] = [];
  let size = 0;
  const stack: AnyNode[] = [root];
  while (stack.length > 0 && size < maxChars) {
    const node = stack.pop() as AnyNode;
    if (isText(node)) {
      parts.push(node.data);
      size += node.data.length;
    } else if (isTag(node)) {
      if (SKIP_TEXT.has(node.name)) continue;
      if (node.name === 'br') parts.push(' ');
      const kids = node.children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as AnyNode);
    }
  }
  return normalizeSpace(parts.join(''));
}

const INVISIBLE = /[\u200b\u200e\u200f\ufeff\u00ad]/g;

/** Collapse runs of whitespace (including no-break spaces) to one space and trim. */
export function normalizeSpace(s: string): string {
  return s.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

export function parentElement(node: AnyNode): Element | null {
  const p = node.parent;
  return p && isTag(p) ? p : null;
}
