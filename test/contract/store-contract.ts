// The contract every Store backend passes. Each backend's test file calls storeContract()
// with a factory that gives a fresh, empty store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/store.ts';
import { sourceSchema } from '../../src/core/source.ts';
import { makeItem, SOURCES } from '../helpers/make-item.ts';
import { signature } from '../../src/pipeline/minhash.ts';
import { recrawlCases, reviewCases } from './review-cases.ts';

const fuad = makeItem(
  {
    url: 'https://agency.example/news/1?utm_source=x',
    title: 'Fuad Əliyev seçicilərlə görüşdü',
    text: 'Namizəd Fuad Əliyev Gəncədə seçicilərlə görüşdü. Görüşdə Nurullayevin çıxışı da müzakirə olundu.',
    publishedAt: '2024-01-20T08:00:00.000Z',
  },
  [
    ['Fuad Əliyev', 'aliyev_fuad', { position: 'headline' }],
    ['Nurullayevin', 'nurullayev_razi', { tone: 'positive' }],
  ],
);
const president = makeItem(
  {
    url: 'https://xeber.example/2024/01/22/prezident',
    title: 'Dövlət başçısı yeni məktəbin açılışında iştirak edib',
    text: 'Dövlət başçısı İlham Əliyev məktəbin açılışında çıxış edib. Prezident müəllimlərlə görüşüb.',
    publishedAt: '2024-01-22T06:30:00.000Z',
    source: SOURCES.private!,
  },
  [
    ['Dövlət başçısı', 'aliyev_ilham', { kind: 'title', position: 'headline' }],
    ['İlham Əliyev', 'aliyev_ilham', { tone: 'positive' }],
    ['Prezident', 'aliyev_ilham', { kind: 'title' }],
  ],
);
const opposition = makeItem(
  {
    url: 'https://azadsoz.example/musavat-bayanat',
    title: 'Müsavat seçkiləri boykot edir',
    text: 'Müsavat Partiyası bəyanat yayıb. Partiya seçkinin şəffaf keçməyəcəyini bildirir.',
    publishedAt: '2024-02-06T10:00:00.000Z',
    source: SOURCES.opposition!,
    lang: 'az',
  },
  [['Müsavat Partiyası', 'musavat', { tone: 'negative' }]],
);

export function storeContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('items', () => {
      it('stores new items and reads them back with their mentions', async () => {
        const out = await store.upsertItems([fuad, president]);
        expect(out.map((o) => o.status)).toEqual(['new', 'new']);
        const got = await store.getItem(fuad.id);
        expect(got?.title).toBe(fuad.title);
        expect(got?.url).toBe('https://agency.example/news/1');
        expect(got?.mentions.map((m) => m.entity).sort()).toEqual([
          'aliyev_fuad',
          'nurullayev_razi',
        ]);
        expect(got?.mentions.find((m) => m.entity === 'nurullayev_razi')?.tone).toBe('positive');
        expect((await store.getItemByUrl(president.url))?.id).toBe(president.id);
        expect(await store.countItems()).toBe(2);
      });

      it('updates an item re-ingested under the same URL instead of duplicating it', async () => {
        await store.upsertItems([fuad]);
        expect((await store.upsertItems([fuad]))[0]?.status).toBe('unchanged');
        const edited = { ...fuad, text: `${fuad.text} Yenilənib.`, contentHash: 'changed' };
        expect((await store.upsertItems([edited]))[0]?.status).toBe('updated');
        expect(await store.countItems()).toBe(1);
        expect((await store.getItem(fuad.id))?.text).toContain('Yenilənib');
      });

      it('records an exact copy under another URL as a duplicate of the earlier item', async () => {
        await store.upsertItems([fuad]);
        const copy = makeItem({
          ...fuad,
          url: 'https://xeber.example/copy',
          contentHash: fuad.contentHash,
          source: SOURCES.private!,
        });
        const [out] = await store.upsertItems([copy]);
        expect(out?.status).toBe('duplicate');
        expect(out?.duplicateOf).toBe(fuad.id);
        const stored = await store.getItem(copy.id);
        expect(stored?.duplicateOf).toBe(fuad.id);
        expect(stored?.storyId).toBe(fuad.id);
        expect(await store.countItems()).toBe(2);
        expect(await store.countItems({ dedupe: 'story' })).toBe(1);
        expect((await store.storyItems(fuad.id)).map((s) => s.id)).toEqual([fuad.id, copy.id]);
      });

      it('links a lightly edited repost to the earliest copy of the story', async () => {
        const body =
          'Mərkəzi Seçki Komissiyası namizədlərin qeydiyyatı ilə bağlı yeni qərar qəbul edib. ' +
          'Qərara görə imza vərəqələrinin yoxlanması üç gün ərzində başa çatdırılacaq. ' +
          'Komissiyanın sədri bildirib ki, bütün namizədlərə bərabər şərait yaradılacaq və ' +
          'müşahidəçilər prosesi izləyə biləcəklər.';
        const original = makeItem({
          url: 'https://agency.example/msk',
          title: 'MSK yeni qərar qəbul edib',
          text: body,
          publishedAt: '2024-01-18T09:00:00Z',
          signature: signature(body),
        });
        const repostText = `Dövlət Agentliyinə istinadən xəbər verilir. ${body} Ətraflı məlumat sonra veriləcək.`;
        const repost = makeItem({
          url: 'https://xeber.example/msk-qerar',
          title: 'MSK-dan yeni qərar',
          text: repostText,
          publishedAt: '2024-01-18T11:00:00Z',
          source: SOURCES.private!,
          signature: signature(repostText),
        });
        const otherText =
          'Bakıda keçirilən beynəlxalq konfransda iqtisadi əməkdaşlığın yeni istiqamətləri, enerji layihələri, nəqliyyat dəhlizləri və regionda ticarətin artırılması yolları geniş müzakirə olunub, iştirakçılar birgə bəyanat qəbul ediblər.';
        const other = makeItem({
          url: 'https://xeber.example/konfrans',
          title: 'Konfrans',
          text: otherText,
          signature: signature(otherText),
        });
        // The repost arrives first: the original, published earlier, becomes the head.
        await store.upsertItems([repost, other]);
        await store.upsertItems([original]);
        expect((await store.getItem(repost.id))?.storyId).toBe(original.id);
        expect((await store.getItem(original.id))?.storyId).toBe(original.id);
        expect((await store.getItem(other.id))?.storyId).toBe(other.id);
        expect(await store.countItems({ dedupe: 'story' })).toBe(2);
      });

      it('replaces mentions and recomputes per-entity coverage', async () => {
        await store.upsertItems([fuad]);
        await store.replaceMentions(fuad.id, fuad.mentions.slice(0, 1));
        const got = await store.getItem(fuad.id);
        expect(got?.mentions.map((m) => m.entity)).toEqual(['aliyev_fuad']);
        expect(await store.countItems({ entities: ['nurullayev_razi'] })).toBe(0);
      });

      it('scans every item in batches', async () => {
        await store.upsertItems([fuad, president, opposition]);
        const seen: string[] = [];
        for await (const batch of store.scanItems(2)) {
          expect(batch.length).toBeLessThanOrEqual(2);
          seen.push(...batch.map((i) => i.id));
        }
        expect(seen.sort()).toEqual([fuad.id, president.id, opposition.id].sort());
      });
    });

    describe('search', () => {
      beforeEach(async () => {
        await store.upsertItems([fuad, president, opposition]);
      });

      it('finds a name with Azerbaijani endings and highlights it safely', async () => {
        const r = await store.search({ q: 'Nurullayev' });
        expect(r.total).toBe(1);
        expect(r.hits[0]?.item.id).toBe(fuad.id);
        expect(r.hits[0]?.highlights.join(' ')).toContain('<mark>Nurullayevin</mark>');
      });

      it('matches text typed without Azerbaijani letters', async () => {
        const r = await store.search({ q: 'Dovlet bascisi' });
        expect(r.hits.map((h) => h.item.id)).toEqual([president.id]);
      });

      it('supports phrases, OR and NOT', async () => {
        expect((await store.search({ q: '"seçicilərlə görüşdü"' })).total).toBe(1);
        expect((await store.search({ q: '"görüşdü seçicilərlə"' })).total).toBe(0);
        expect((await store.search({ q: 'Müsavat OR məktəbin' })).total).toBe(2);
        expect((await store.search({ q: 'görüş NOT Gəncə' })).hits.map((h) => h.item.id)).toEqual([
          president.id,
        ]);
        expect((await store.search({ q: 'görüş -Gəncə' })).total).toBe(1);
      });

      it('filters by entity, type, mention kind, outlet, ownership, kind, language, dates and tone', async () => {
        const ids = async (f: Parameters<Store['search']>[0]) =>
          (await store.search(f)).hits.map((h) => h.item.id).sort();
        expect(await ids({ entities: ['aliyev_ilham'] })).toEqual([president.id]);
        expect(await ids({ entityType: 'party' })).toEqual([opposition.id]);
        expect(await ids({ mentionKind: 'title' })).toEqual([president.id]);
        expect(await ids({ sources: ['azadsoz'] })).toEqual([opposition.id]);
        expect(await ids({ ownership: ['state', 'private'] })).toEqual(
          [fuad.id, president.id].sort(),
        );
        expect(await ids({ kinds: ['html'] })).toEqual([president.id]);
        expect(await ids({ langs: ['ru'] })).toEqual([]);
        expect(await ids({ from: '2024-01-21', to: '2024-01-31' })).toEqual([president.id]);
        // A date-only upper bound includes that day (Baku time).
        expect(await ids({ from: '2024-02-06', to: '2024-02-06' })).toEqual([opposition.id]);
        expect(await ids({ tone: 'negative' })).toEqual([opposition.id]);
        expect(await ids({ entities: ['nurullayev_razi'], tone: 'negative' })).toEqual([]);
        expect(await ids({ q: 'seçici', entities: ['aliyev_fuad'], ownership: ['state'] })).toEqual(
          [fuad.id],
        );
      });

      it('combines a text query with filters, counting days in Baku time', async () => {
        const late = makeItem(
          {
            url: 'https://agency.example/gece',
            title: 'Gecə görüşü',
            text: 'Gecə yarısı Fuad Əliyev seçicilərlə görüşüb.',
            publishedAt: '2024-01-21T21:30:00Z',
          },
          [['Fuad Əliyev', 'aliyev_fuad']],
        );
        await store.upsertItems([late]);
        const ids = async (f: Parameters<Store['search']>[0]) =>
          (await store.search(f)).hits.map((h) => h.item.id).sort();
        // 21:30 UTC on the 21st is the 22nd in Baku.
        expect(await ids({ q: 'Fuad', from: '2024-01-22', to: '2024-01-22' })).toEqual([late.id]);
        expect(await ids({ q: 'Fuad', from: '2024-01-21', to: '2024-01-21' })).toEqual([]);
        expect(
          await ids({
            q: 'görüş',
            entities: ['aliyev_fuad'],
            sources: ['agency'],
            from: '2024-01-01',
            to: '2024-01-31',
          }),
        ).toEqual([fuad.id, late.id].sort());
        expect(await ids({ q: 'görüş', entities: ['aliyev_fuad'], sources: ['xeber'] })).toEqual(
          [],
        );
        // After a review changes an item's entities, filtered text search follows.
        await store.replaceMentions(late.id, []);
        expect(await ids({ q: 'görüş', entities: ['aliyev_fuad'] })).toEqual([fuad.id]);
      });

      it('pages through results newest first and lists each item’s entities', async () => {
        const first = await store.search({ limit: 2 });
        expect(first.total).toBe(3);
        expect(first.hits.map((h) => h.item.id)).toEqual([opposition.id, president.id]);
        const second = await store.search({ limit: 2, offset: 2 });
        expect(second.hits.map((h) => h.item.id)).toEqual([fuad.id]);
        expect(second.hits[0]?.item.entities.sort()).toEqual(['aliyev_fuad', 'nurullayev_razi']);
      });

      it('never returns crawled markup unescaped in highlights', async () => {
        const evil = makeItem({
          url: 'https://evil.example/x',
          title: 'Xəbər',
          text: 'Nurullayev <script>alert(1)</script> <img src=x onerror=alert(2)>',
        });
        await store.upsertItems([evil]);
        const r = await store.search({ q: 'Nurullayev', sources: ['agency'] });
        const html = r.hits.map((h) => h.highlights.join('')).join('');
        expect(html).not.toContain('<script>');
        expect(html).not.toContain('<img');
        expect(html).toContain('&#60;script&#62;');
      });
    });

    describe('aggregations', () => {
      beforeEach(async () => {
        await store.upsertItems([fuad, president, opposition]);
      });

      it('counts items and mentions by entity × source × day', async () => {
        const rows = await store.counts({ by: ['entity', 'source', 'day'] });
        expect(rows).toContainEqual({
          entity: 'aliyev_ilham',
          source: 'xeber',
          day: '2024-01-22',
          items: 1,
          mentions: 3,
        });
        expect(rows).toContainEqual({
          entity: 'musavat',
          source: 'azadsoz',
          day: '2024-02-06',
          items: 1,
          mentions: 1,
        });
        expect(rows.filter((r) => r.entity === 'aliyev_fuad')).toHaveLength(1);
      });

      it('buckets days in Baku time and weeks from Monday', async () => {
        const late = makeItem(
          {
            url: 'https://agency.example/late',
            title: 'Gecə xəbəri',
            text: 'Gecə yarısı Fuad Əliyev bəyanat verdi.',
            publishedAt: '2024-01-21T21:30:00Z',
          },
          [['Fuad Əliyev', 'aliyev_fuad']],
        );
        await store.upsertItems([late]);
        const days = await store.counts({ by: ['day'], entities: ['aliyev_fuad'] });
        expect(days).toEqual([
          { day: '2024-01-20', items: 1, mentions: 2 },
          { day: '2024-01-22', items: 1, mentions: 1 },
        ]);
        const weeks = await store.counts({ by: ['entity', 'week'], entities: ['aliyev_fuad'] });
        expect(weeks).toEqual([
          { entity: 'aliyev_fuad', week: '2024-01-15', items: 1, mentions: 1 },
          { entity: 'aliyev_fuad', week: '2024-01-22', items: 1, mentions: 1 },
        ]);
      });

      it('gives coverage rows per item and entity with words and tone', async () => {
        const rows = await store.coverage({});
        const ilham = rows.find((r) => r.entity === 'aliyev_ilham');
        expect(ilham).toMatchObject({
          itemId: president.id,
          sourceId: 'xeber',
          ownership: 'private',
          mentions: 3,
          nameMentions: 1,
          titleMentions: 2,
          tone: { positive: 1, neutral: 2, negative: 0 },
        });
        expect(ilham!.words).toBeGreaterThan(5);
        expect(rows.filter((r) => r.entity === 'musavat')[0]?.tone.negative).toBe(1);
        const onlyState = await store.coverage({ ownership: ['state'] });
        expect(new Set(onlyState.map((r) => r.entity))).toEqual(
          new Set(['aliyev_fuad', 'nurullayev_razi']),
        );
      });

      it('measures seconds from transcript cues that mention a subject', async () => {
        const text = 'Xəbərlər. Namizəd Zahid Oruc çıxış etdi. Hava proqnozu.';
        const tv = makeItem(
          {
            url: 'https://tv.example/news-0120',
            title: '',
            text,
            cues: [
              { startSec: 0, endSec: 4, charStart: 0, charEnd: 9 },
              { startSec: 4, endSec: 16.5, charStart: 10, charEnd: 40 },
              { startSec: 16.5, endSec: 30, charStart: 41, charEnd: text.length },
            ],
          },
          [['Zahid Oruc', 'oruc_zahid']],
        );
        await store.upsertItems([tv]);
        const [row] = await store.coverage({ entities: ['oruc_zahid'] });
        expect(row?.seconds).toBe(12.5);
      });
    });

    describe('sources and health', () => {
      const src = sourceSchema.parse({
        id: 'agency',
        name: 'Dövlət Agentliyi',
        kind: 'rss',
        urls: ['https://agency.example/rss'],
        ownership: 'state',
      });

      it('stores sources, state and fetch events, and reports health', async () => {
        await store.upsertSources([src]);
        expect((await store.listSources()).map((s) => s.id)).toEqual(['agency']);
        const fresh = await store.getSourceState('agency');
        expect(fresh.consecutiveFailures).toBe(0);
        await store.setSourceState('agency', {
          consecutiveFailures: 3,
          pausedReason: 'HTTP 503 eight times',
          nextAttemptAt: '2024-01-01T00:00:00.000Z',
          validators: { 'https://agency.example/rss': { etag: '"abc"' } },
        });
        expect(
          (await store.getSourceState('agency')).validators['https://agency.example/rss']?.etag,
        ).toBe('"abc"');
        const base = {
          sourceId: 'agency',
          url: 'https://agency.example/rss',
          itemsNew: 0,
          itemsUpdated: 0,
          itemsDuplicate: 0,
          itemsSkipped: 0,
          itemsQueued: 0,
          durationMs: 5,
        };
        await store.recordFetch({
          ...base,
          at: '2024-01-01T00:00:00.000Z',
          status: 200,
          ok: true,
          itemsNew: 4,
          error: null,
        });
        await store.recordFetch({
          ...base,
          at: '2024-01-01T01:00:00.000Z',
          status: 503,
          ok: false,
          error: 'HTTP 503',
        });
        const events = await store.fetchEvents('agency');
        expect(events.map((e) => e.status)).toEqual([503, 200]);
        const [health] = await store.sourceHealth();
        expect(health).toMatchObject({
          sourceId: 'agency',
          lastSuccessAt: '2024-01-01T00:00:00.000Z',
          lastError: 'HTTP 503',
          consecutiveFailures: 3,
          pausedReason: 'HTTP 503 eight times',
          fetches: 2,
        });
      });
    });

    describe('reviews', () => reviewCases(() => store));
    describe('re-crawling reviewed items', () => recrawlCases(() => store));
  });
}
