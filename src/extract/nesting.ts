// A linear pre-scan that refuses pages whose tag structure would make the HTML parsers
// slow or crash. htmlparser2 keeps its open-element stack with unshift/indexOf, so each
// open tag and each stray close tag costs the current depth (200,000 nested <b> took half
// a minute); cheerio's default parser (parse5) is slower still and its recursive .text()
// overflows the call stack. Browsers stop nesting at 512 levels, so pages beyond these
// limits are hostile or broken, not articles.
import { SkipItemError } from '../core/errors.ts';

export interface ParseLimits {
  maxDepth: number;
  /** Sum of the stack depth at every open tag and stray close tag. */
  maxWork: number;
}

/**
 * htmlparser2 with the extractor's iterative walks. Ten times what browsers allow leaves
 * room for odd CMS output, and keeps the worst accepted page far below a second.
 */
export const HTMLPARSER2_LIMITS: ParseLimits = { maxDepth: 5_000, maxWork: 40_000_000 };
/** cheerio.load (parse5) and its recursive .text(): keep far below the call-stack limit. */
export const CHEERIO_LIMITS: ParseLimits = { maxDepth: 1_000, maxWork: 20_000_000 };

const VOID = new Set(
  'area base basefont br col command embed frame hr img image input isindex keygen link meta param source track wbr'.split(
    ' ',
  ),
);
const P = ['p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const CLOSES_P =
  'h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption figure footer form header hr main nav ol pre section table ul';
/** Tags whose opening closes the innermost open element when it is one of these (as htmlparser2). */
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['li', new Set(['li'])],
  ['p', new Set(P)],
  ...CLOSES_P.split(' ').map((t) => [t, new Set(P)] as [string, Set<string>]),
  ...'select input output button datalist textarea'
    .split(' ')
    .map((t) => [t, new Set(FORM)] as [string, Set<string>]),
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
/** "<" + optional "/" + name + anything up to ">" without crossing another "<". */
const TAG = /<(\/?)([a-zA-Z][^\s/<>]*)([^<>]*)>/g;

export interface NestingScan {
  maxDepth: number;
  work: number;
}

/** Emulates the parser's open-element stack in linear time. */
export function scanNesting(html: string, limits: ParseLimits = HTMLPARSER2_LIMITS): NestingScan {
  const stack: string[] = [];
  const open = new Map<string, number>();
  let foreign = 0;
  let maxDepth = 0;
  let work = 0;
  const pop = () => {
    const name = stack.pop() as string;
    open.set(name, (open.get(name) ?? 1) - 1);
    if (name === 'svg' || name === 'math') foreign--;
  };
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = (m[2] ?? '').toLowerCase();
    if (m[1]) {
      if (VOID.has(name)) continue;
      if ((open.get(name) ?? 0) > 0) while (stack.length > 0 && stack.at(-1) !== name) pop();
      if (stack.length > 0 && stack.at(-1) === name) pop();
      else work += stack.length; // stray close tag: the parser searched the whole stack
      continue;
    }
    const closes = IMPLIES_CLOSE.get(name);
    while (closes && stack.length > 0 && closes.has(stack.at(-1) as string)) pop();
    work += stack.length;
    if (VOID.has(name) || (foreign > 0 && (m[3] ?? '').endsWith('/'))) continue;
    if (RAW_TEXT.has(name)) {
      // Markup inside <script> or <style> is text, not tags: jump to its end.
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = TAG.lastIndex;
      if (!close.test(html)) break;
      TAG.lastIndex = close.lastIndex - name.length - 2;
      continue;
    }
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (name === 'svg' || name === 'math') foreign++;
    if (stack.length > maxDepth) maxDepth = stack.length;
    if (maxDepth > limits.maxDepth || work > limits.maxWork) break;
  }
  return { maxDepth, work };
}

/** Why a page cannot be parsed safely, or null when it can. */
export function parseProblem(
  html: string,
  limits: ParseLimits = HTMLPARSER2_LIMITS,
): string | null {
  const { maxDepth, work } = scanNesting(html, limits);
  if (maxDepth > limits.maxDepth)
    return `nests HTML tags more than ${limits.maxDepth} deep (browsers stop at 512)`;
  if (work > limits.maxWork)
    return 'has too many unclosed or stray HTML tags to parse in reasonable time';
  return null;
}

/** Throws SkipItemError when a page is too deeply nested or too costly to parse. */
export function assertParseable(
  html: string,
  what = 'page',
  limits: ParseLimits = HTMLPARSER2_LIMITS,
): void {
  const problem = parseProblem(html, limits);
  if (problem) throw new SkipItemError(`${what} ${problem}; skipped as broken or hostile`);
}
