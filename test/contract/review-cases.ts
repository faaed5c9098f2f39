// Review of automatic tags, the audit log, rejections surviving re-tagging and double
// codings: cases of the store contract (called inside storeContract's describe).
import { expect, it } from 'vitest';
import type { Store } from '../../src/core/store.ts';
import type { Tagger } from '../../src/core/types.ts';
import { SkipItemError } from '../../src/core/errors.ts';
import { retagAll } from '../../src/pipeline/retag.ts';
import { makeItem, mentionOf } from '../helpers/make-item.ts';

const title = 'Debat keçirildi';
const text =
  'Zahid Oruc və Fazil Mustafa televiziya debatında çıxış ediblər. Sonra Razi Nurullayev danışıb.';
const debate = makeItem({ url: 'https://tv.example/debat', title, text }, [
  ['Zahid Oruc', 'oruc_zahid'],
  ['Fazil Mustafa', 'mustafa_fazil', { tone: 'positive' }],
]);
const doc = `${title}\n\n${text}`;

const coverageOf = async (store: Store, entity: string) =>
  (await store.coverage({ entities: [entity] })).find((r) => r.itemId === debate.id);

export function reviewCases(store: () => Store): void {
  it('accept and correct change the mentions and the coverage rows metrics read', async () => {
    const s = store();
    await s.upsertItems([debate]);
    const accepted = await s.reviewMention({
      itemId: debate.id,
      action: 'accept',
      mention: 0,
      coder: 'aysel',
    });
    expect(accepted.mentions[0]).toMatchObject({ status: 'accepted', toneSource: 'review' });
    await s.reviewMention({
      itemId: debate.id,
      action: 'correct',
      mention: 1,
      tone: 'negative',
      speech: 'direct',
      coder: 'aysel',
    });
    const got = await s.getItem(debate.id);
    expect(
      got?.mentions.map((m) => [m.entity, m.tone, m.status ?? 'auto', m.speech ?? null]),
    ).toEqual([
      ['oruc_zahid', 'neutral', 'accepted', null],
      ['mustafa_fazil', 'negative', 'corrected', 'direct'],
    ]);
    expect((await coverageOf(s, 'mustafa_fazil'))?.tone).toEqual({
      positive: 0,
      neutral: 0,
      negative: 1,
    });
    // Correcting the entity moves the mention to another candidate's coverage.
    await s.reviewMention({
      itemId: debate.id,
      action: 'correct',
      mention: 0,
      entity: 'nurullayev_razi',
      type: 'candidate',
      coder: 'murad',
    });
    expect(await coverageOf(s, 'oruc_zahid')).toBeUndefined();
    expect((await coverageOf(s, 'nurullayev_razi'))?.mentions).toBe(1);
  });

  it('reject removes the mention and add creates one from document offsets', async () => {
    const s = store();
    await s.upsertItems([debate]);
    const afterReject = await s.reviewMention({
      itemId: debate.id,
      action: 'reject',
      mention: 0,
      coder: 'aysel',
      note: 'not the candidate',
    });
    expect(afterReject.mentions.map((m) => m.entity)).toEqual(['mustafa_fazil']);
    expect(await coverageOf(s, 'oruc_zahid')).toBeUndefined();
    expect((await s.rejectedMentions([debate.id, 'nothing'])).get(debate.id)).toEqual([
      { entity: 'oruc_zahid', start: doc.indexOf('Zahid'), end: doc.indexOf('Zahid') + 10 },
    ]);
    const start = doc.indexOf('Razi Nurullayev');
    const added = await s.reviewMention({
      itemId: debate.id,
      action: 'add',
      entity: 'nurullayev_razi',
      type: 'candidate',
      start,
      end: start + 'Razi Nurullayev'.length,
      tone: 'positive',
      speech: 'indirect',
      coder: 'aysel',
    });
    expect(added.mentions.at(-1)).toMatchObject({
      entity: 'nurullayev_razi',
      surface: 'Razi Nurullayev',
      sentence: 'Sonra Razi Nurullayev danışıb.',
      // The lead is the first two sentences of the text, as the tagger counts it.
      position: 'lead',
      status: 'added',
      toneSource: 'review',
      speech: 'indirect',
    });
    expect((await coverageOf(s, 'nurullayev_razi'))?.tone.positive).toBe(1);
  });

  it('refuses bad reviews with a reason the caller can show', async () => {
    const s = store();
    await s.upsertItems([debate]);
    const bad = [
      { action: 'accept' as const, mention: 5 },
      { action: 'add' as const, entity: 'musavat', type: 'party' as const, start: 40, end: 9999 },
      { action: 'add' as const, start: 0, end: 5 },
      { action: 'correct' as const, mention: 0 },
    ];
    for (const b of bad) {
      await expect(s.reviewMention({ itemId: debate.id, coder: 'aysel', ...b })).rejects.toThrow(
        SkipItemError,
      );
    }
    await expect(
      s.reviewMention({ itemId: 'ffff', action: 'accept', mention: 0, coder: 'x' }),
    ).rejects.toThrow(SkipItemError);
    expect(await s.reviewLog(debate.id)).toEqual([]);
    expect((await s.getItem(debate.id))?.mentions).toHaveLength(2);
  });

  it('keeps every review with who, when, before and after', async () => {
    const s = store();
    await s.upsertItems([debate]);
    const t0 = Date.now();
    await s.reviewMention({ itemId: debate.id, action: 'accept', mention: 0, coder: 'aysel' });
    await s.reviewMention({
      itemId: debate.id,
      action: 'reject',
      mention: 1,
      coder: 'murad',
      note: 'street name',
    });
    const log = await s.reviewLog(debate.id);
    expect(log.map((r) => [r.action, r.coder, r.before?.entity, r.after?.entity ?? null])).toEqual([
      ['accept', 'aysel', 'oruc_zahid', 'oruc_zahid'],
      ['reject', 'murad', 'mustafa_fazil', null],
    ]);
    expect(log[1]?.note).toBe('street name');
    expect(log[0]?.before?.toneSource).toBe('auto');
    expect(log[0]?.after?.status).toBe('accepted');
    for (const r of log) expect(Date.parse(r.at)).toBeGreaterThanOrEqual(t0 - 1000);
    expect(new Set(log.map((r) => r.id)).size).toBe(2);
    expect((await s.reviewLog()).length).toBe(2);
  });

  it('re-tagging keeps reviewed mentions and does not resurrect rejected ones', async () => {
    const s = store();
    await s.upsertItems([debate]);
    await s.reviewMention({ itemId: debate.id, action: 'reject', mention: 0, coder: 'aysel' });
    await s.reviewMention({
      itemId: debate.id,
      action: 'correct',
      mention: 0,
      tone: 'negative',
      speech: 'direct',
      coder: 'aysel',
    });
    const tagger: Tagger = {
      version: 'v2',
      tag: () => [
        mentionOf(doc, 'Zahid Oruc', 'oruc_zahid', { dictionaryVersion: 'v2' }),
        mentionOf(doc, 'Fazil Mustafa', 'mustafa_fazil', { dictionaryVersion: 'v2' }),
        mentionOf(doc, 'Razi Nurullayev', 'nurullayev_razi', { dictionaryVersion: 'v2' }),
      ],
    };
    await retagAll(s, tagger);
    const got = await s.getItem(debate.id);
    expect(
      got?.mentions.map((m) => [m.entity, m.tone, m.status ?? 'auto', m.speech ?? null]),
    ).toEqual([
      ['mustafa_fazil', 'negative', 'corrected', 'direct'],
      ['nurullayev_razi', 'neutral', 'auto', null],
    ]);
    expect(await coverageOf(s, 'oruc_zahid')).toBeUndefined();
  });

  it('stores double codings, one per coder, item and entity', async () => {
    const s = store();
    await s.recordCoding({ itemId: 'i1', entity: 'musavat', coder: 'aysel', tone: 'neutral' });
    await s.recordCoding({
      itemId: 'i1',
      entity: 'musavat',
      coder: 'murad',
      tone: 'negative',
      at: '2024-02-01T10:00:00.000Z',
    });
    await s.recordCoding({ itemId: 'i1', entity: 'musavat', coder: 'aysel', tone: 'positive' });
    const all = await s.codings();
    expect(all.map((c) => [c.itemId, c.entity, c.coder, c.tone])).toEqual([
      ['i1', 'musavat', 'aysel', 'positive'],
      ['i1', 'musavat', 'murad', 'negative'],
    ]);
    expect(all[1]?.at).toBe('2024-02-01T10:00:00.000Z');
    expect((await s.codings({ coders: ['murad'] })).map((c) => c.coder)).toEqual(['murad']);
  });
}

/** Cases of the contract for what happens when a reviewed item is crawled again. */
export function recrawlCases(store: () => Store): void {
  it('a re-crawled item keeps corrections and rejections, and is unchanged the second time', async () => {
    const s = store();
    await s.upsertItems([debate]);
    await s.reviewMention({ itemId: debate.id, action: 'reject', mention: 0, coder: 'aysel' });
    await s.reviewMention({
      itemId: debate.id,
      action: 'correct',
      mention: 0,
      tone: 'negative',
      coder: 'aysel',
    });
    // The crawler fetches the page again: same text, fresh automatic tags.
    const fresh = makeItem({ url: debate.url, title, text }, [
      ['Zahid Oruc', 'oruc_zahid'],
      ['Fazil Mustafa', 'mustafa_fazil', { tone: 'positive' }],
      ['Razi Nurullayev', 'nurullayev_razi'],
    ]);
    await s.upsertItems([fresh]);
    const got = await s.getItem(debate.id);
    expect(got?.mentions.map((m) => [m.entity, m.tone, m.toneSource])).toEqual([
      ['mustafa_fazil', 'negative', 'review'],
      ['nurullayev_razi', 'neutral', 'auto'],
    ]);
    const again = await s.upsertItems([fresh]);
    expect(again[0]?.status).toBe('unchanged');
    expect(doc.slice(got!.mentions[0]!.start, got!.mentions[0]!.end)).toBe('Fazil Mustafa');
  });
}
