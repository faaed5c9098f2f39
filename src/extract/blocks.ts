// Flattens a page into text blocks: maximal runs of inline text between block-level tags.
// Each block remembers the block element that owns it and how much of it is link text;
// every element gets a [start, end) interval in block order so "is this block inside that
// element" is two comparisons.
import { isTag, isText } from 'domhandler';
import type { AnyNode, Element } from 'domhandler';
import { BLOCK_TAGS, isDropped } from './hints.ts';

export interface Block {
  text: string;
  len: number;
  linkLen: number;
  owner: Element;
  /** The block's position; equals the count of blocks before it. */
  index: number;
  heading: boolean;
}

export interface BlockMap {
  blocks: Block[];
  /** Block index range [start, end) covered by each element that holds text. */
  span: Map<Element, [number, number]>;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const INVISIBLE = /[\u200b\u200e\u200f\ufeff\u00ad]/g;

interface Frame {
  node: AnyNode;
  exit: boolean;
}

export function collectBlocks(root: AnyNode): BlockMap {
  const blocks: Block[] = [];
  const span = new Map<Element, [number, number]>();
  const starts = new Map<Element, number>();
  const owners: Element[] = [];
  let parts: string[] = [];
  let linkParts = 0;
  let linkDepth = 0;

  const flush = (): void => {
    if (parts.length === 0) return;
    const raw = parts.join('');
    parts = [];
    const text = raw.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
    const linkLen = Math.min(linkParts, text.length);
    linkParts = 0;
    const owner = owners[owners.length - 1];
    if (!text || !owner) return;
    blocks.push({
      text,
      len: text.length,
      linkLen,
      owner,
      index: blocks.length,
      heading: HEADINGS.has(owner.name),
    });
  };

  const stack: Frame[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop() as Frame;
    if (isText(node)) {
      parts.push(node.data);
      if (linkDepth > 0) linkParts += node.data.replace(/\s+/g, ' ').length;
      continue;
    }
    if (!isTag(node)) {
      if ('children' in node) pushChildren(stack, node.children);
      continue;
    }
    const block = BLOCK_TAGS.has(node.name);
    if (exit) {
      if (block) {
        flush();
        owners.pop();
      }
      if (node.name === 'a') linkDepth--;
      span.set(node, [starts.get(node) ?? blocks.length, blocks.length]);
      continue;
    }
    if (isDropped(node)) continue;
    if (block) {
      flush();
      owners.push(node);
    }
    if (node.name === 'a') linkDepth++;
    starts.set(node, blocks.length);
    stack.push({ node, exit: true });
    pushChildren(stack, node.children);
  }
  flush();
  return { blocks, span };
}

function pushChildren(stack: Frame[], kids: AnyNode[]): void {
  for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] as AnyNode, exit: false });
}
