// A synthetic corpus of any size: Azerbaijani campaign articles of about `chars`
// characters built from sentences we wrote, naming candidates and parties in varied
// forms. Deterministic for a seed. Used by benchmarks and the crash test.
import type { RawItem, SourceRef } from '../../src/core/types.ts';
import { mulberry32 } from '../../src/metrics/prng.ts';

/** Subject phrases and the entity each names (title = official-capacity reference). */
export const SUBJECT_ENTITIES: Array<[phrase: string, entity: string, kind: 'name' | 'title']> = [
  ['İlham Əliyev', 'aliyev_ilham', 'name'],
  ['Prezident İlham Əliyevin', 'aliyev_ilham', 'name'],
  ['dövlət başçısı', 'aliyev_ilham', 'title'],
  ['Zahid Oruc', 'oruc_zahid', 'name'],
  ['Zahid Orucun', 'oruc_zahid', 'name'],
  ['Fazil Mustafa', 'mustafa_fazil', 'name'],
  ['Fazil Mustafanın', 'mustafa_fazil', 'name'],
  ['Qüdrət Həsənquliyev', 'hasanguliyev_gudrat', 'name'],
  ['Qüdrət Həsənquliyevə', 'hasanguliyev_gudrat', 'name'],
  ['Razi Nurullayev', 'nurullayev_razi', 'name'],
  ['Razi Nurullayevin', 'nurullayev_razi', 'name'],
  ['Elşad Musayev', 'musayev_elshad', 'name'],
  ['Elşad Musayevə', 'musayev_elshad', 'name'],
  ['Fuad Əliyev', 'aliyev_fuad', 'name'],
  ['Fuad Əliyevin', 'aliyev_fuad', 'name'],
  ['Yeni Azərbaycan Partiyası', 'yap', 'name'],
  ['YAP-ın', 'yap', 'name'],
  ['Böyük Quruluş Partiyasının', 'bqp', 'name'],
  ['Milli Cəbhə Partiyası', 'milli_cebhe', 'name'],
  ['Müsavat Partiyası', 'musavat', 'name'],
];
/** The phrases of each entity, so an item can stay with its subjects. */
const SUBJECT_GROUPS: string[][] = [
  ...SUBJECT_ENTITIES.reduce((groups, [phrase, entity]) => {
    groups.set(entity, [...(groups.get(entity) ?? []), phrase]);
    return groups;
  }, new Map<string, string[]>()).values(),
];
const FRAMES = [
  '{s} {d} {p} seçicilərlə görüşüb və regionun inkişaf planından danışıb.',
  'Mərkəzi Seçki Komissiyası {s} ilə bağlı {n} saylı müraciəti araşdırdığını bildirib.',
  'Müşahidəçilər {p} {s} tərəfindən keçirilən toplantının sakit keçdiyini qeyd ediblər.',
  'Televiziya debatında {s} {p} gənclərin məşğulluğu məsələsini qaldırıb.',
  '{p} yaşayan {n} sakin {s} barədə fikirlərini jurnalistlərlə bölüşüb.',
  'Ekspertlər {d} {s} proqramının iqtisadi tərəfini təhlil ediblər.',
  '{s} kampaniya qərargahı {d} {n} səhifəlik yeni bəyanat yayıb.',
  '{p} keçirilən görüşdə {s} təhsil islahatlarından bəhs edib.',
];
const FILLER = [
  '{p} hava şəraiti {d} görüşə təsir göstərməyib.',
  'Tədbirdə {p} {n} sakin iştirak edib.',
  'Jurnalistlərin {n} sualı {d} cavabsız qalmayıb.',
  'Görüş {p} təxminən {n} dəqiqə davam edib.',
  '{p} yol tikintisi işləri {d} də davam etdirilir.',
  'Sakinlər {p} su təchizatı ilə bağlı {n} problemi dilə gətiriblər.',
  'Bakıda {d} {n} yeni avtobus xəttinin açılışı gözlənilir.',
  '{p} məktəblərində {n} sinif otağı təmir olunub.',
];
const PLACES = [
  'Gəncədə',
  'Sumqayıtda',
  'Şəkidə',
  'Lənkəranda',
  'Mingəçevirdə',
  'Naxçıvanda',
  'Qubada',
  'Şamaxıda',
  'Bərdədə',
  'Zaqatalada',
  'Masallıda',
  'Şirvanda',
  'Yevlaxda',
  'Ağdamda',
  'Füzulidə',
  'Xaçmazda',
];
const DAYS = [
  'bazar ertəsi',
  'çərşənbə axşamı',
  'çərşənbə günü',
  'cümə axşamı',
  'cümə günü',
  'şənbə günü',
  'bu gün',
  'dünən',
];
const SOURCES: SourceRef[] = [
  { id: 'agency', name: 'Dövlət Agentliyi', kind: 'rss', ownership: 'state' },
  { id: 'xeber', name: 'Xəbər Portalı', kind: 'html', ownership: 'private' },
  { id: 'azadsoz', name: 'Azad Söz', kind: 'rss', ownership: 'opposition' },
  { id: 'ictimai', name: 'İctimai Xəbər', kind: 'rss', ownership: 'public' },
  { id: 'kanal', name: 'Kanal Postları', kind: 'telegram', ownership: 'social' },
];

export interface CorpusOptions {
  count: number;
  chars?: number;
  seed?: number;
  /** First publication day; items spread over `days` days. */
  start?: string;
  days?: number;
  urlPrefix?: string;
  /**
   * Part of the items that are about the campaign (default 1). Outlets publish far more
   * than election news; the rest name no candidate or party.
   */
  electionShare?: number;
}

export function* generateCorpus(opts: CorpusOptions): Generator<RawItem> {
  const r = mulberry32(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chars = opts.chars ?? 3000;
  const start = Date.parse(opts.start ?? '2024-01-01T04:00:00Z');
  const days = opts.days ?? 45;
  const electionShare = opts.electionShare ?? 1;
  for (let i = 0; i < opts.count; i++) {
    const parts: string[] = [];
    let len = 0;
    const political = r() < electionShare;
    // A campaign item is about one or two subjects, named in several forms.
    const focus = [pick(SUBJECT_GROUPS), pick(SUBJECT_GROUPS)].flat();
    while (len < chars) {
      const s = (political && r() < 0.3 ? pick(FRAMES).replace('{s}', pick(focus)) : pick(FILLER))
        .replace('{p}', pick(PLACES))
        .replace('{d}', pick(DAYS))
        .replace('{n}', String(2 + Math.floor(r() * 500)));
      parts.push(s);
      len += s.length + 1;
    }
    const paragraphs: string[] = [];
    for (let p = 0; p < parts.length; p += 4) paragraphs.push(parts.slice(p, p + 4).join(' '));
    const subject = pick(focus);
    const title = political
      ? `${subject[0]!.toUpperCase()}${subject.slice(1)}: seçki kampaniyasından xəbər №${i}`
      : `${pick(PLACES).replace(/(da|də)$/, '')}: gündəlik xəbər №${i}`;
    yield {
      url: `${opts.urlPrefix ?? 'https://bench.example'}/news/${i}`,
      title,
      text: paragraphs.join('\n\n'),
      publishedAt: new Date(start + Math.floor(r() * days * 86_400_000)).toISOString(),
      source: pick(SOURCES),
      lang: 'az',
    };
  }
}

/** The corpus as JSON Lines, for `monitor ingest`. */
export function* corpusJsonLines(opts: CorpusOptions): Generator<string> {
  for (const item of generateCorpus(opts)) yield `${JSON.stringify(item)}\n`;
}
