// Generic body finder. Blocks that read like prose (long enough, few links) count for
// every element above them; link lists, short scraps and anything under a furniture hint
// (comments, sidebars, "related news") count against. The element with the best balance is
// the article container; its prose blocks, minus furniture inside it, are the body.
import type { Element } from 'domhandler';
import { parentElement } from './dom.ts';
import type { Block, BlockMap } from './blocks.ts';
import { BOILERPLATE_LINE, RELATED_HEADING, classHint } from './hints.ts';

/** How far up the tree one block's weight travels (keeps deep nesting linear). */
const MAX_CLIMB = 40;
const DATE_LINE =
  /\b(?:19|20)\d\d\b.*\b\d{1,2}[:.]\d\d\b|\b\d{1,2}[:.]\d\d\b.*\b(?:19|20)\d\d\b|\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d/u;

/** Weight of an article-like class or itemprop=articleBody on a candidate. */
const POSITIVE_BONUS = 1.5;
/** How much a character of links or scraps costs against a character of prose. */
const BAD_WEIGHT = 1;
const END_PUNCT = /[.!?…:;"'»”“)\]。！？」]$/u;

interface Stats {
  good: number;
  bad: number;
}

export function isProse(b: Block): boolean {
  if (b.linkLen / b.len > 0.35) return false;
  return b.len >= 70 || (b.len >= 25 && END_PUNCT.test(b.text));
}

export function findBody(map: BlockMap, title: string): string[] {
  const { blocks, span } = map;
  if (blocks.length === 0) return [];
  const prefix = prefixSums(blocks);
  const total = prefix[blocks.length] ?? 0;
  const textLen = (el: Element): number => {
    const s = span.get(el);
    return s ? (prefix[s[1]] ?? 0) - (prefix[s[0]] ?? 0) : 0;
  };
  const related = relatedSections(blocks, span, (el) => textLen(el) < total * 0.3);
  const furniture = (el: Element): boolean => classHint(el) < 0 || related.has(el);
  const strong = (el: Element): boolean => classHint(el) < -1 || related.has(el);
  // A stray furniture word on a page-wide wrapper must not disqualify the whole page.
  const strongSmall = (el: Element): boolean => strong(el) && textLen(el) < total * 0.6;

  const stats = new Map<Element, Stats>();
  for (const b of blocks) {
    let good = isProse(b) ? b.len - b.linkLen : 0;
    const bad = b.linkLen + (good > 0 ? 0 : Math.min(b.len, 30));
    let el: Element | null = b.owner;
    for (let depth = 0; el && depth < MAX_CLIMB; depth++) {
      const s = stats.get(el) ?? { good: 0, bad: 0 };
      s.good += good;
      s.bad += bad;
      stats.set(el, s);
      // Prose inside a comment thread or sidebar stops counting once we climb out of it,
      // unless that "sidebar" wraps most of the page (class names on layout wrappers).
      if (good > 0 && furniture(el) && (strong(el) || textLen(el) < total * 0.5)) {
        const moved = good;
        good = 0;
        climbBad(parentElement(el), moved, depth + 1, stats);
        break;
      }
      el = parentElement(el);
    }
  }

  let best: Element | null = null;
  let bestScore = -Infinity;
  for (const [el, s] of stats) {
    if (s.good === 0 || furniture(el) || hasAncestor(el, strongSmall)) continue;
    const score = (s.good - BAD_WEIGHT * s.bad) * (classHint(el) > 0 ? POSITIVE_BONUS : 1);
    if (score > bestScore) {
      bestScore = score;
      best = el;
    }
  }
  if (!best) return [];
  const range = span.get(best) ?? [0, 0];
  return bodyLines(blocks.slice(range[0], range[1]), best, furniture, title);
}

function hasAncestor(start: Element, test: (el: Element) => boolean): boolean {
  let el = parentElement(start);
  for (let i = 0; el && i < MAX_CLIMB; i++) {
    if (test(el)) return true;
    el = parentElement(el);
  }
  return false;
}

/** Once prose leaves furniture it weighs against the ancestors further up. */
function climbBad(
  start: Element | null,
  amount: number,
  depth: number,
  stats: Map<Element, Stats>,
) {
  let el = start;
  for (let d = depth; el && d < MAX_CLIMB; d++) {
    const s = stats.get(el) ?? { good: 0, bad: 0 };
    s.bad += amount;
    stats.set(el, s);
    el = parentElement(el);
  }
}

/** Sections whose first block is a "related news" / "Son xəbərlər" heading. */
function relatedSections(
  blocks: Block[],
  span: Map<Element, [number, number]>,
  small: (el: Element) => boolean,
): Set<Element> {
  const out = new Set<Element>();
  for (const b of blocks) {
    if (b.len > 40 || !RELATED_HEADING.test(b.text.replace(/[:\s]+$/u, ''))) continue;
    let el: Element | null = b.owner;
    // Climb while the heading is still the first block of the section.
    for (let i = 0; el && i < 4; i++) {
      const parent = parentElement(el);
      const s = parent ? span.get(parent) : undefined;
      if (!parent || !s || s[0] !== b.index || !small(parent)) break;
      el = parent;
    }
    if (el && el !== b.owner) out.add(el);
    else out.add(b.owner);
  }
  return out;
}

function bodyLines(
  blocks: Block[],
  best: Element,
  furniture: (el: Element) => boolean,
  title: string,
): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  const normTitle = title.toLowerCase();
  for (const b of blocks) {
    if (insideFurniture(b.owner, best, furniture)) continue;
    if (b.linkLen / b.len > 0.5 || seen.has(b.text)) continue;
    if (b.len < 100 && BOILERPLATE_LINE.test(b.text)) continue;
    if (b.text.toLowerCase() === normTitle) continue;
    // "Close", "Caption", "PUBLISHED: 10:48, Nov 19, 2019": scraps, not sentences.
    if (!b.heading && b.len < 15 && !END_PUNCT.test(b.text)) continue;
    if (b.len < 120 && DATE_LINE.test(b.text) && !END_PUNCT.test(b.text)) continue;
    seen.add(b.text);
    lines.push(b.text);
  }
  return lines;
}

function insideFurniture(owner: Element, best: Element, furniture: (el: Element) => boolean) {
  let el: Element | null = owner;
  for (let i = 0; el && el !== best && i < MAX_CLIMB * 2; i++) {
    if (furniture(el)) return true;
    el = parentElement(el);
  }
  return false;
}

function prefixSums(blocks: Block[]): number[] {
  const out = [0];
  let sum = 0;
  for (const b of blocks) {
    sum += b.len;
    out.push(sum);
  }
  return out;
}
