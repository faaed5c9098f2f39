// The made-up outlets of the demo web: names, path prefixes, URL shapes, labels and the
// markup differences between them (class names, sidebar order, charset), so an
// extractor meets several site templates rather than one.
import type { Ownership } from '../core/types.ts';
import type { DemoArticle, NewsOutletKey } from './corpus.ts';

export type PageLang = 'az' | 'ru' | 'en';

export interface Labels {
  home: string;
  latest: string;
  related: string;
  comments: string;
  breaking: string;
  share: string;
  tags: string;
  menu: string[];
  footer: string;
  readMore: string;
}

export const LABELS: Record<PageLang, Labels> = {
  az: {
    home: 'Ana səhifə',
    latest: 'Son xəbərlər',
    related: 'Oxşar xəbərlər',
    comments: 'Şərhlər',
    breaking: 'Təcili',
    share: 'Paylaş',
    tags: 'Teqlər',
    menu: ['Siyasət', 'Seçki-2024', 'İqtisadiyyat', 'Cəmiyyət', 'Dünya', 'İdman'],
    footer: 'Bu sayt uydurmadır: seçki monitorunun nümayişi üçün yazılıb.',
    readMore: 'Ətraflı',
  },
  ru: {
    home: 'Главная',
    latest: 'Последние новости',
    related: 'Читайте также',
    comments: 'Комментарии',
    breaking: 'Срочно',
    share: 'Поделиться',
    tags: 'Теги',
    menu: ['Политика', 'Выборы-2024', 'Экономика', 'Общество', 'В мире', 'Спорт'],
    footer: 'Вымышленное издание, созданное для демонстрации монитора выборов.',
    readMore: 'Подробнее',
  },
  en: {
    home: 'Home',
    latest: 'Latest',
    related: 'Related',
    comments: 'Comments',
    breaking: 'Breaking',
    share: 'Share',
    tags: 'Tags',
    menu: ['Politics', 'Election 2024', 'Economy', 'Society', 'World', 'Sport'],
    footer: 'A fictional outlet written to demonstrate the election media monitor.',
    readMore: 'Read more',
  },
};

/** Class names of the article template; each outlet uses its own set. */
export interface Markup {
  article: string;
  title: string;
  meta: string;
  body: string;
  list: string;
  /** Sidebar before the article in source order (as on many older templates). */
  sidebarFirst: boolean;
}

export interface NewsOutlet {
  key: NewsOutletKey;
  name: string;
  prefix: string;
  lang: PageLang;
  ownership: Ownership;
  charset: 'utf-8' | 'windows-1251';
  feed: 'rss' | 'atom' | null;
  markup: Markup;
  /** Fixed ticker lines shown above every page, as real tickers repeat. */
  ticker: string[];
  articlePath(a: DemoArticle): string;
}

const ymd = (iso: string): string[] => iso.slice(0, 10).split('-');

export const OUTLETS: Record<NewsOutletKey, NewsOutlet> = {
  mxa: {
    key: 'mxa',
    name: 'Mərkəz Xəbər Agentliyi',
    prefix: '/agency/',
    lang: 'az',
    ownership: 'state',
    charset: 'utf-8',
    feed: 'rss',
    markup: {
      article: 'news-detail',
      title: 'news-title',
      meta: 'news-meta',
      body: 'news-text',
      list: 'news-list',
      sidebarFirst: false,
    },
    ticker: [
      'Prezident İlham Əliyev xarici qonaqları qəbul edib',
      'Heydər Əliyev Fondunun yeni layihəsinin təqdimatı olub',
    ],
    articlePath: (a) => `/agency/${a.lang}/news/${a.id}.html`,
  },
  gunxeber: {
    key: 'gunxeber',
    name: 'Günaydın Xəbər',
    prefix: '/xeber/',
    lang: 'az',
    ownership: 'private',
    charset: 'utf-8',
    feed: 'rss',
    markup: {
      article: 'post single',
      title: 'entry-title',
      meta: 'entry-meta',
      body: 'entry-content',
      list: 'post-list',
      sidebarFirst: false,
    },
    ticker: ['Bakıda hava küləkli olacaq', 'Manatın məzənnəsi dəyişməz qalıb'],
    articlePath: (a) => {
      const [y, m, d] = ymd(a.date);
      return `/xeber/${y}/${m}/${d}/${a.id}.html`;
    },
  },
  novosti: {
    key: 'novosti',
    name: 'Каспийская Лента',
    prefix: '/novosti/',
    lang: 'ru',
    ownership: 'private',
    charset: 'windows-1251',
    feed: 'rss',
    markup: {
      article: 'material',
      title: 'material-header',
      meta: 'material-info',
      body: 'material-body',
      list: 'lenta',
      sidebarFirst: true,
    },
    ticker: ['Курс маната к доллару не изменился', 'В Баку ожидается снег'],
    articlePath: (a) => `/novosti/news/${a.id}`,
  },
  azadsoz: {
    key: 'azadsoz',
    name: 'Azad Söz',
    prefix: '/azadsoz/',
    lang: 'az',
    ownership: 'opposition',
    charset: 'utf-8',
    feed: null,
    markup: {
      article: 'xeber',
      title: 'xeber-basliq',
      meta: 'xeber-tarix',
      body: 'xeber-metn',
      list: 'xeber-siyahi',
      sidebarFirst: true,
    },
    ticker: ['Müxalifət seçkilərə münasibətini açıqlayıb', 'Jurnalistlərin həbsinə etirazlar'],
    articlePath: (a) => `/azadsoz/xeber/${a.id}`,
  },
  observer: {
    key: 'observer',
    name: 'The Caspian Ledger',
    prefix: '/observer/',
    lang: 'en',
    ownership: 'international',
    charset: 'utf-8',
    feed: 'atom',
    markup: {
      article: 'story',
      title: 'story-headline',
      meta: 'byline',
      body: 'story-body',
      list: 'story-list',
      sidebarFirst: false,
    },
    ticker: ['Oil prices edge higher', 'Regional talks resume in Geneva'],
    articlePath: (a) => {
      const [y, m] = ymd(a.date);
      return `/observer/${y}/${m}/${a.id}`;
    },
  },
};

/** The Telegram-style channel preview. */
export const CHANNEL = {
  key: 'seckigundemi',
  title: 'Seçki Gündəmi',
  description: 'Seçki-2024: qısa xəbərlər, rəqəmlər, açıqlamalar. Uydurma nümayiş kanalı.',
  subscribers: '48.2K subscribers',
  previewPath: '/t/s/seckigundemi',
  postPath: (id: number): string => `/t/seckigundemi/${id}`,
  pageSize: 20,
} as const;

/** Feed paths per outlet (the agency has one feed per language edition). */
export function feedPaths(o: NewsOutlet): string[] {
  if (o.key === 'mxa') return ['az', 'ru', 'en'].map((l) => `/agency/rss/${l}.xml`);
  if (o.feed === 'rss') return [`${o.prefix}rss.xml`];
  if (o.feed === 'atom') return [`${o.prefix}feed.atom`];
  return [];
}

/** Listing (home) pages: the agency has one per language edition. */
export function homePaths(o: NewsOutlet): { path: string; lang: PageLang }[] {
  if (o.key === 'mxa') {
    return [
      { path: '/agency/', lang: 'az' },
      { path: '/agency/ru/', lang: 'ru' },
      { path: '/agency/en/', lang: 'en' },
    ];
  }
  return [{ path: o.prefix, lang: o.lang }];
}
