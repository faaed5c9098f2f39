// Hostile input generators: random text and bytes, and mutations of valid seed documents.
import fc from 'fast-check';

const rep = (s: string, n: number) => s.repeat(n);

/** Pieces that break parsers: markup fragments, encodings, scripts, invisible characters. */
const PIECES = [
  '\uFEFF',
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\uFFFE',
  '\u202E',
  '\u200B\u200D\u2060',
  '\u00AD',
  'Ильхам Алиев',
  'İlham Əliyev',
  'إلهام علييف',
  '伊利哈姆',
  '&',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '&#99999999999;',
  '&lol;',
  '&nbsp',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<',
  '>',
  '"',
  "'",
  '</',
  '/>',
  '<?xml version="1.0" encoding="windows-1251"?>',
  '<!DOCTYPE x>',
  '<item>',
  '</item>',
  '<entry>',
  '</channel>',
  '<link>javascript:alert(1)</link>',
  '<link>http://[::1</link>',
  '<pubDate>Mon, 99 Foo 99999 25:61:61 +9999</pubDate>',
  '<published>not a date</published>',
  '<script>var FUZZ_SCRIPT_MARKER = 1;</script>',
  '<style>.FUZZ_STYLE_MARKER{}</style>',
  '<b><i><a href="x"><p>',
  '</p></a></i></b>',
  '<table><tr><td>',
  '<svg><path d="M0"/></svg>',
  '<meta charset="koi8-r">',
  '\r',
  '\n\n',
  '\r\n\r\n',
  '-->',
  '00:00:01.000 --> 00:00:00.500',
  '99:99:99,999 --> 00:00:01,000',
  '{\\an8}',
  ',',
  ';',
  '\t',
  '""',
  '"unterminated',
  '{"url":',
  '}',
  '[]',
  'null',
  '1e999',
  '__proto__',
  '{"__proto__":{"polluted":1}}',
];

/** XML entity expansion bomb ("billion laughs"). */
const BILLION_LAUGHS =
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
  '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">' +
  '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>' +
  '<rss version="2.0"><channel><title>&lol4;</title><item><title>&lol4;</title></item></channel></rss>';

/** Big structural attacks: deep nesting, huge attributes, long runs, long lines. */
const bigChunk: fc.Arbitrary<string> = fc.oneof(
  fc
    .record({
      tag: fc.constantFrom('div', 'b', 'p', 'a', 'span', 'li', 'x', 'font', 'td', 'svg'),
      n: fc.integer({ min: 100, max: 50_000 }),
      closed: fc.boolean(),
    })
    .map(({ tag, n, closed }) => rep(`<${tag}>`, n) + 'deep' + (closed ? rep(`</${tag}>`, n) : '')),
  fc.integer({ min: 1_000, max: 100_000 }).map((n) => rep('<div>', 2_000) + rep('</x>', n)), // stray close tags on a deep stack
  fc.integer({ min: 10_000, max: 1_000_000 }).map((n) => `<div class="${rep('x', n)}">`),
  fc
    .record({
      unit: fc.constantFrom(
        'a',
        ' ',
        '<',
        '1',
        '&',
        '{\\',
        '-->',
        ':',
        '"',
        '\n',
        'ə',
        '<script',
        '<a ',
      ),
      n: fc.integer({ min: 1_000, max: 200_000 }),
    })
    .map(({ unit, n }) => rep(unit, Math.ceil(n / unit.length))),
  fc.constant(BILLION_LAUGHS),
  fc.constant('<![CDATA[' + rep('x', 10_000)),
  fc.constant('<!--' + rep('<p>', 10_000)),
);

export const hostilePiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: bigChunk },
);

/** Bytes that are not valid UTF-8, read the way a careless decoder would. */
export const brokenUtf8: fc.Arbitrary<string> = fc
  .uint8Array({ maxLength: 300 })
  .map((b) => Buffer.from(b).toString('utf8'));

type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; piece: string }
  | { op: 'delete' | 'duplicate'; at: number; len: number };

const at = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  at.map((a) => ({ op: 'truncate' as const, at: a })),
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('insert' as const), at, piece: hostilePiece }),
  },
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), at, len: fc.nat(200) }),
);

function apply(doc: string, m: Mutation): string {
  const i = Math.floor(m.at * doc.length);
  switch (m.op) {
    case 'truncate':
      return doc.slice(0, i);
    case 'insert':
      return doc.slice(0, i) + m.piece + doc.slice(i);
    case 'delete':
      return doc.slice(0, i) + doc.slice(i + m.len);
    case 'duplicate':
      return doc.slice(0, i + m.len) + doc.slice(i, i + m.len) + doc.slice(i + m.len);
  }
}

/** One to six mutations of one of the seeds. */
export function mutated(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 6 }))
    .map(([seed, ms]) => ms.reduce(apply, seed));
}

/** The usual mix: mostly mutated seeds, some pure noise. */
export function hostileText(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: mutated(seeds) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 500 }) },
    { weight: 1, arbitrary: brokenUtf8 },
    { weight: 1, arbitrary: fc.array(hostilePiece, { maxLength: 8 }).map((p) => p.join('')) },
  );
}
