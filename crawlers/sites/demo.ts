// The source list of the offline demo web (src/demo/server.ts), relative to wherever the
// demo server listens. Private addresses are allowed because it runs on 127.0.0.1.
import { sourceSchema, type Source, type SourceInput } from '../../src/core/source.ts';

const common = {
  schedule: '*/5 * * * *',
  allowPrivate: true,
  fetchArticles: true,
  enabled: true,
} satisfies Partial<SourceInput>;

export function demoSources(baseUrl: string): Source[] {
  const b = baseUrl.replace(/\/+$/, '');
  const inputs: SourceInput[] = [
    {
      ...common,
      id: 'demo_mxa',
      name: 'Mərkəz Xəbər Agentliyi (demo)',
      nameEn: 'Markaz News Agency (demo)',
      kind: 'rss',
      urls: [`${b}/agency/rss/az.xml`, `${b}/agency/rss/ru.xml`, `${b}/agency/rss/en.xml`],
      languages: ['az', 'ru', 'en'],
      ownership: 'state',
      notes: 'Fictional state news agency; one RSS feed per language edition.',
    },
    {
      ...common,
      id: 'demo_gunxeber',
      name: 'Günaydın Xəbər (demo)',
      nameEn: 'Gunaydin Khabar (demo)',
      kind: 'rss',
      urls: [`${b}/xeber/rss.xml`],
      languages: ['az'],
      ownership: 'private',
      notes: 'Fictional private Azerbaijani news site.',
    },
    {
      ...common,
      id: 'demo_novosti',
      name: 'Каспийская Лента (demo)',
      nameEn: 'Caspian Feed (demo)',
      kind: 'rss',
      urls: [`${b}/novosti/rss.xml`],
      languages: ['ru'],
      ownership: 'private',
      notes: 'Fictional Russian-language site served in windows-1251.',
    },
    {
      ...common,
      id: 'demo_azadsoz',
      name: 'Azad Söz (demo)',
      nameEn: 'Azad Soz (demo)',
      kind: 'html',
      urls: [`${b}/azadsoz/`],
      languages: ['az'],
      ownership: 'opposition',
      selectors: {
        links: 'ul.xeber-siyahi a.xeber-siyahi__link',
        title: 'h1.xeber-basliq',
        body: '.xeber-metn',
        date: '.xeber-tarix time',
        remove: ['.sidebar', '.related-news', '.comments', '.share-buttons'],
      },
      notes: 'Fictional opposition site without a feed: crawled from its listing page.',
    },
    {
      ...common,
      id: 'demo_observer',
      name: 'The Caspian Ledger (demo)',
      kind: 'rss',
      urls: [`${b}/observer/feed.atom`],
      languages: ['en'],
      ownership: 'international',
      notes: 'Fictional English-language international outlet; Atom feed.',
    },
    {
      ...common,
      id: 'demo_tg_seckigundemi',
      name: 'Seçki Gündəmi (demo Telegram)',
      nameEn: 'Election Agenda (demo Telegram)',
      kind: 'telegram',
      urls: [`${b}/t/s/seckigundemi`],
      languages: ['az'],
      ownership: 'social',
      fetchArticles: false,
      notes: 'Imitation of a t.me/s/<channel> preview; older posts via ?before=<id>.',
    },
  ];
  return inputs.map((s) => sourceSchema.parse(s));
}
