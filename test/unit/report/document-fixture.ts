// A small store for the report tests: three outlets, campaign and silence-period items,
// reviewed mentions, failed and paused sources.
import { fileURLToPath } from 'node:url';
import { sourceSchema } from '../../../src/core/source.ts';
import type { Store } from '../../../src/core/store.ts';
import { sqliteStore } from '../../../src/store/sqlite/index.ts';
import { loadElection } from '../../../src/tagging/index.ts';
import { makeItem, SOURCES } from '../../helpers/make-item.ts';

export const ELECTION = loadElection(
  fileURLToPath(new URL('../../../dictionaries/az-2024-presidential', import.meta.url)),
);
export const HOSTILE_TITLE = '<script>alert("x")</script> Zahid Oruc & co';

export async function reportStore(path = ':memory:'): Promise<Store> {
  const store = sqliteStore({ path });
  await store.upsertSources(
    Object.values(SOURCES).map((s) =>
      sourceSchema.parse({
        id: s.id,
        name: s.name,
        kind: s.kind,
        ownership: s.ownership,
        urls: [`https://${s.id}.example/feed`],
      }),
    ),
  );
  const state = SOURCES.state!;
  const priv = SOURCES.private!;
  const opp = SOURCES.opposition!;
  await store.upsertItems([
    makeItem(
      {
        url: 'https://agency.example/1',
        title: 'Prezident İlham Əliyev yeni məktəbin açılışında',
        text: 'İlham Əliyev məktəbi açdı. Dövlət başçısı çıxış etdi. İlham Əliyev müəllimləri təbrik etdi.',
        source: state,
        publishedAt: '2024-01-20T08:00:00.000Z',
      },
      [
        ['İlham Əliyev', 'aliyev_ilham', { tone: 'positive', position: 'headline' }],
        ['Dövlət başçısı', 'aliyev_ilham', { kind: 'title', tone: 'positive' }],
        ['müəllimləri', 'aliyev_ilham', { tone: 'positive', toneSource: 'review' }],
      ],
    ),
    makeItem(
      {
        url: 'https://agency.example/2',
        title: 'Zahid Oruc seçicilərlə görüşdü',
        text: 'Zahid Oruc Sumqayıtda görüş keçirdi. İlham Əliyev haqqında danışmadı.',
        source: state,
        publishedAt: '2024-01-22T09:00:00.000Z',
      },
      [
        ['Zahid Oruc', 'oruc_zahid', { tone: 'neutral' }],
        ['İlham Əliyev', 'aliyev_ilham', { tone: 'neutral' }],
      ],
    ),
    makeItem(
      {
        url: 'https://xeber.example/a',
        title: 'Fazil Mustafa və Zahid Oruc debatda',
        text: 'Fazil Mustafa tənqid olundu. Zahid Oruc tərifləndi. Fazil Mustafa cavab verdi. Zahid Oruc güldü.',
        source: priv,
        publishedAt: '2024-01-25T12:00:00.000Z',
      },
      [
        ['Fazil Mustafa tənqid', 'mustafa_fazil', { tone: 'negative', toneSource: 'review' }],
        ['Zahid Oruc tərifləndi', 'oruc_zahid', { tone: 'positive' }],
        ['Fazil Mustafa cavab', 'mustafa_fazil', { tone: 'negative' }],
        ['Zahid Oruc güldü', 'oruc_zahid', { tone: 'positive' }],
        ['Fazil Mustafa və', 'mustafa_fazil', { tone: 'negative', position: 'headline' }],
        ['Zahid Oruc debatda', 'oruc_zahid', { tone: 'neutral', position: 'headline' }],
      ],
    ),
    // Published in the silence period (6 Feb, 12:00 Baku time), naming a candidate.
    makeItem(
      {
        url: 'https://azadsoz.example/sukut',
        title: HOSTILE_TITLE,
        text: 'Zahid Oruc seçicilərə müraciət etdi.',
        source: opp,
        publishedAt: '2024-02-06T08:00:00.000Z',
      },
      [['Zahid Oruc seçicilərə', 'oruc_zahid', { tone: 'neutral' }]],
    ),
    // Before the campaign: outside every report period.
    makeItem(
      {
        url: 'https://azadsoz.example/old',
        title: 'Köhnə xəbər',
        text: 'Fazil Mustafa bəyanat verdi.',
        source: opp,
        publishedAt: '2023-12-01T08:00:00.000Z',
      },
      [['Fazil Mustafa', 'mustafa_fazil', { tone: 'negative' }]],
    ),
  ]);
  const event = (sourceId: string, at: string, ok: boolean, error: string | null = null) => ({
    sourceId,
    url: `https://${sourceId}.example/feed`,
    at,
    status: ok ? 200 : 503,
    ok,
    itemsNew: ok ? 1 : 0,
    itemsUpdated: 0,
    itemsDuplicate: 0,
    itemsSkipped: 0,
    itemsQueued: 0,
    durationMs: 10,
    error,
  });
  await store.recordFetch(event('agency', '2024-02-01T10:00:00.000Z', true));
  await store.recordFetch(event('agency', '2024-02-02T10:00:00.000Z', true));
  await store.recordFetch(event('xeber', '2024-02-01T10:00:00.000Z', true));
  await store.recordFetch(event('xeber', '2024-02-03T10:00:00.000Z', false, 'HTTP 503'));
  await store.recordFetch(event('xeber', '2024-02-04T10:00:00.000Z', false, 'HTTP 503 again'));
  await store.setSourceState('azadsoz', {
    consecutiveFailures: 8,
    pausedReason: 'blocked by robots.txt',
    nextAttemptAt: null,
    validators: {},
  });
  return store;
}
