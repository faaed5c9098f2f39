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

const HEAVY_INLINE = /<(script|style)\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/\1\s*>/gi;

export function capHtml(html: string): string {
  if (html.length <= MAX_HTML_CHARS) return html;
  const light = html.slice(0, MAX_HTML_CHARS * 4).replace(HEAVY_INLINE, '');
  return light.length > MAX_HTML_CHARS ? light.slice(0, MAX_HTML_CHARS) : light;
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
