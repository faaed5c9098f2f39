import { describe, expect, it } from 'vitest';
import type { Mention, Tagger } from '../../../src/core/types.ts';
import { retagAll } from '../../../src/pipeline/retag.ts';
import { mergeReviewed } from '../../../src/store/review-merge.ts';
import { sqliteStore } from '../../../src/store/sqlite/index.ts';
import { makeItem, mentionOf } from '../../helpers/make-item.ts';

const doc = 'Xəbər\n\nZahid Oruc və Fazil Mustafa debatda çıxış ediblər.';

describe('retag', () => {
  it('keeps reviewed mentions and drops automatic ones that overlap them', () => {
    const reviewed = mentionOf(doc, 'Zahid Oruc', 'oruc_zahid', {
      toneSource: 'review',
      tone: 'negative',
    });
    const autoSame = mentionOf(doc, 'Zahid Oruc', 'oruc_zahid', {
      tone: 'neutral',
      dictionaryVersion: '2',
    });
    const autoOther = mentionOf(doc, 'Fazil Mustafa', 'mustafa_fazil', { dictionaryVersion: '2' });
    const merged = mergeReviewed([autoSame, autoOther], [reviewed]);
    expect(merged).toEqual([reviewed, autoOther]);
  });

  it('re-tags stored items with the new dictionary version, keeping corrections', async () => {
    const store = sqliteStore({ path: ':memory:' });
    const item = makeItem(
      {
        url: 'https://x.example/debat',
        title: 'Xəbər',
        text: 'Zahid Oruc və Fazil Mustafa debatda çıxış ediblər.',
      },
      [['Zahid Oruc', 'oruc_zahid', { toneSource: 'review', tone: 'negative' }]],
    );
    await store.upsertItems([item]);
    const tagger: Tagger = {
      version: 'v2',
      tag: (d) => {
        const full = `${d.title}\n\n${d.text}`;
        return [
          mentionOf(full, 'Zahid Oruc', 'oruc_zahid', { dictionaryVersion: 'v2' }),
          mentionOf(full, 'Fazil Mustafa', 'mustafa_fazil', { dictionaryVersion: 'v2' }),
        ] as Mention[];
      },
    };
    const summary = await retagAll(store, tagger);
    expect(summary).toEqual({ items: 1, changed: 1 });
    const stored = await store.getItem(item.id);
    expect(
      stored?.mentions.map((m) => [m.entity, m.tone, m.toneSource, m.dictionaryVersion]),
    ).toEqual([
      ['oruc_zahid', 'negative', 'review', 'test-1'],
      ['mustafa_fazil', 'neutral', 'auto', 'v2'],
    ]);
    await store.close();
  });
});

describe('retag after a rejection', () => {
  const full = `Xəbər\n\nZahid Oruc və Fazil Mustafa debatda çıxış ediblər.`;
  const tagger: Tagger = {
    version: 'v3',
    tag: (d) => {
      const text = `${d.title}\n\n${d.text}`;
      return [
        mentionOf(text, 'Zahid Oruc', 'oruc_zahid', { dictionaryVersion: 'v3' }),
        mentionOf(text, 'Fazil Mustafa', 'mustafa_fazil', { dictionaryVersion: 'v3' }),
      ];
    },
  };

  it('drops fresh mentions of a rejected entity at the rejected place only', () => {
    const zahid = mentionOf(full, 'Zahid Oruc', 'oruc_zahid');
    const other = mentionOf(full, 'Zahid Oruc', 'oruc_other');
    const fazil = mentionOf(full, 'Fazil Mustafa', 'mustafa_fazil');
    const rejected = [{ entity: 'oruc_zahid', start: zahid.start + 2, end: zahid.end + 1 }];
    expect(mergeReviewed([zahid, other, fazil], [], rejected)).toEqual([other, fazil]);
  });

  it('does not bring back a mention a coder rejected', async () => {
    const store = sqliteStore({ path: ':memory:' });
    const item = makeItem({ url: 'https://x.example/r', title: 'Xəbər', text: full.slice(7) }, [
      ['Zahid Oruc', 'oruc_zahid'],
      ['Fazil Mustafa', 'mustafa_fazil'],
    ]);
    await store.upsertItems([item]);
    await store.reviewMention({ itemId: item.id, action: 'reject', mention: 0, coder: 'aysel' });
    await retagAll(store, tagger);
    const stored = await store.getItem(item.id);
    expect(stored?.mentions.map((m) => [m.entity, m.dictionaryVersion])).toEqual([
      ['mustafa_fazil', 'v3'],
    ]);
    await store.close();
  });
});
