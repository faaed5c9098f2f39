import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../src/core/store.ts';
import type { Mention } from '../../../src/core/types.ts';
import {
  coverageByDayOutlet,
  localDay,
} from '../../../src/report/tables/coverage-by-day-outlet.ts';
import { itemsTable, plainSnippet } from '../../../src/report/tables/items-table.ts';
import { mentionsTable } from '../../../src/report/tables/mentions-table.ts';
import { row } from '../metrics/rows.ts';

describe('coverageByDayOutlet', () => {
  it('sums per local day, outlet and entity', () => {
    const rows = [
      // 23:30 UTC on 5 Feb is 03:30 on 6 Feb in Baku.
      row({
        itemId: 'a',
        entity: 'X',
        sourceId: 'apa',
        publishedAt: '2024-02-05T23:30:00Z',
        mentions: 2,
        words: 10,
        tone: { positive: 1, neutral: 1, negative: 0 },
      }),
      row({
        itemId: 'b',
        entity: 'X',
        sourceId: 'apa',
        publishedAt: '2024-02-06T10:00:00+04:00',
        mentions: 1,
        words: 5,
      }),
      row({
        itemId: 'b',
        entity: 'Y',
        sourceId: 'apa',
        publishedAt: '2024-02-06T10:00:00+04:00',
        mentions: 3,
      }),
      row({
        itemId: 'c',
        entity: 'X',
        sourceId: 'report',
        publishedAt: '2024-02-05T10:00:00+04:00',
        mentions: 4,
      }),
      row({ itemId: 'd', entity: 'X', sourceId: 'report', publishedAt: null, mentions: 1 }),
    ];
    const out = coverageByDayOutlet(rows);
    expect(out.map((r) => [r.day, r.sourceId, r.entity, r.items, r.mentions])).toEqual([
      ['2024-02-05', 'report', 'X', 1, 4],
      ['2024-02-06', 'apa', 'X', 2, 3],
      ['2024-02-06', 'apa', 'Y', 1, 3],
      ['undated', 'report', 'X', 1, 1],
    ]);
    expect(out[1]).toMatchObject({ words: 15, positive: 1, neutral: 1 });
    expect(coverageByDayOutlet(rows, { tz: '+00:00' })[0]!.day).toBe('2024-02-05');
    expect(localDay('2024-02-05T23:30:00Z', '-05:00')).toBe('2024-02-05');
  });
});

function mention(p: Partial<Mention>): Mention {
  return {
    entity: 'oruc_zahid',
    type: 'candidate',
    kind: 'name',
    start: 0,
    end: 5,
    surface: 'Oruc',
    position: 'body',
    sentence: 'Zahid Oruc seçicilərlə görüşdü.',
    tone: 'neutral',
    toneSource: 'auto',
    dictionaryVersion: 'v1',
    ...p,
  };
}

describe('mentionsTable', () => {
  const item = {
    id: 'i1',
    url: 'https://example.az/1',
    title: 'Başlıq',
    publishedAt: '2024-02-01T10:00:00+04:00',
    source: { id: 'apa', name: 'APA', kind: 'rss' as const, ownership: 'private' as const },
    mentions: [
      mention({ start: 40, surface: 'Orucun' }),
      mention({ start: 10, entity: 'aliyev_ilham', kind: 'title', surface: 'dövlət başçısı' }),
    ],
  };
  it('lists mentions in text order with item context', () => {
    const out = mentionsTable([item]);
    expect(out.map((m) => m.surface)).toEqual(['dövlət başçısı', 'Orucun']);
    expect(out[0]).toMatchObject({
      itemId: 'i1',
      outlet: 'APA',
      kind: 'title',
      ownership: 'private',
    });
  });
  it('filters by entity', () => {
    expect(mentionsTable([item], { entities: ['oruc_zahid'] }).map((m) => m.entity)).toEqual([
      'oruc_zahid',
    ]);
  });
});

describe('itemsTable', () => {
  it('flattens hits and strips highlight markup', () => {
    const hit: SearchHit = {
      item: {
        id: 'i1',
        url: 'https://example.az/1',
        title: 'Nurullayev',
        publishedAt: null,
        sourceId: 'apa',
        sourceName: 'APA',
        ownership: 'private',
        kind: 'rss',
        lang: 'az',
        storyId: 's1',
        duplicateOf: null,
        entities: ['nurullayev_razi', 'milli_cebhe'],
      },
      highlights: ['<mark>Nurullayevin</mark> &quot;çıxışı&quot;', 'A &amp; B &lt;'],
    };
    const [r] = itemsTable([hit]);
    expect(r).toMatchObject({
      outlet: 'APA',
      entities: 'nurullayev_razi; milli_cebhe',
      highlights: 'Nurullayevin "çıxışı" … A & B <',
    });
    expect(plainSnippet('&amp;lt;')).toBe('&lt;'); // decoded once, not twice
  });
});
