// Every label, heading and sentence of the report, in Azerbaijani and English. Sentences
// are functions of the numbers so that the findings say nothing the data does not.
import type { Ownership, SourceKind, Tone } from '../../core/types.ts';
import type { ReportKind, ReportLang } from './types.ts';

export interface ReportTexts {
  title: (kind: ReportKind, election: string) => string;
  generated: string;
  periodCovered: string;
  lastItem: string;
  sections: {
    methodology: string;
    coverage: string;
    charts: string;
    findings: string;
    silence: string;
    completeness: string;
  };
  methodology: {
    sources: string;
    period: (from: string, to: string) => string;
    units: string;
    unitText: Record<'items' | 'mentions' | 'words' | 'seconds', string>;
    tagging: (versions: string) => string;
    review: (reviewed: number, total: number, share: string) => string;
    noMentions: string;
    tables: string;
  };
  columns: {
    outlet: string;
    kind: string;
    ownership: string;
    candidate: string;
    party: string;
    items: string;
    mentions: string;
    share: string;
    time: string;
    title: string;
    url: string;
    period: string;
    fetches: string;
    failures: string;
    lastSuccess: string;
    paused: string;
    lastError: string;
    status: string;
    error: string;
    total: string;
    index: string;
    value: string;
  };
  indices: Record<
    'gini' | 'hhi' | 'hhiNormalized' | 'evenness' | 'maxMinRatio' | 'chiSquare',
    string
  >;
  tones: Record<Tone, string>;
  ownership: Record<Ownership, string>;
  kinds: Record<SourceKind, string>;
  periods: { silence: string; 'voting-day': string };
  outletShares: string;
  candidateTable: string;
  failureList: string;
  failuresShown: (shown: number, total: number) => string;
  noSilenceItems: string;
  silenceShown: (shown: number, total: number) => string;
  noFailures: string;
  none: string;
  findings: {
    noMentions: string;
    top: (outlet: string, name: string, pct: string, n: number, total: number) => string;
    topTied: (outlet: string, names: string, pct: string, n: number, total: number) => string;
    toneEven: (count: number, net: string) => string;
    incumbent: (name: string, total: number, official: number, pct: string, cand: number) => string;
    noIncumbent: (name: string) => string;
    tone: (best: string, bestNet: string, worst: string, worstNet: string) => string;
    toneSame: (name: string, net: string) => string;
  };
}

export const TEXTS: Record<ReportLang, ReportTexts> = {
  en: {
    title: (kind, election) =>
      `${kind === 'final' ? 'Final' : 'Interim'} media monitoring report: ${election}`,
    generated: 'Generated',
    periodCovered: 'Period covered',
    lastItem: 'newest item',
    sections: {
      methodology: 'Methodology',
      coverage: 'Coverage of candidates',
      charts: 'Charts',
      findings: 'Findings by outlet',
      silence: 'Items in the silence period and on voting day',
      completeness: 'Data completeness',
    },
    methodology: {
      sources: 'Sources monitored',
      period: (from, to) => `Items published from ${from} to ${to} (Baku time) are counted.`,
      units: 'Units of measurement',
      unitText: {
        items: 'items: documents (articles, posts, transcripts) that mention a candidate',
        mentions: 'mentions: each naming of a candidate, by name or by official title',
        words: 'words: words of the sentences that mention a candidate',
        seconds: 'seconds: airtime of the broadcast segments that mention a candidate',
      },
      tagging: (v) =>
        `Mentions were found automatically with the election's dictionaries of names, titles and parties (dictionary version ${v}), and tone was scored per sentence with tone lexicons.`,
      review: (r, t, pct) =>
        `Monitors reviewed ${r} of the ${t} mentions in the period (${pct}); reviewed values replace the automatic ones in every figure.`,
      noMentions: 'No mentions were found in the period, so nothing was reviewed.',
      tables:
        'Shares are each candidate’s part of all candidate mentions. Tone counts mentions judged positive, neutral or negative.',
    },
    columns: {
      outlet: 'Outlet',
      kind: 'Kind',
      ownership: 'Ownership',
      candidate: 'Candidate',
      party: 'Party',
      items: 'Items',
      mentions: 'Mentions',
      share: 'Share',
      time: 'Time (Baku)',
      title: 'Title',
      url: 'URL',
      period: 'Period',
      fetches: 'Fetches',
      failures: 'Failures',
      lastSuccess: 'Last success',
      paused: 'Paused',
      lastError: 'Last error',
      status: 'Status',
      error: 'Error',
      total: 'Total',
      index: 'Index',
      value: 'Value',
    },
    indices: {
      gini: 'Gini coefficient',
      hhi: 'Herfindahl–Hirschman index',
      hhiNormalized: 'Normalised Herfindahl–Hirschman index',
      evenness: 'Shannon evenness',
      maxMinRatio: 'Max/min ratio',
      chiSquare: 'Chi-square against an equal split',
    },
    tones: { positive: 'positive', neutral: 'neutral', negative: 'negative' },
    ownership: {
      state: 'state',
      public: 'public',
      private: 'private',
      opposition: 'opposition',
      international: 'international',
      social: 'social media',
    },
    kinds: {
      rss: 'news feed',
      html: 'website',
      browser: 'website (browser)',
      telegram: 'Telegram channel',
      youtube: 'YouTube channel',
      transcript: 'broadcast transcript',
      import: 'imported records',
    },
    periods: { silence: 'silence period', 'voting-day': 'voting day' },
    outletShares: 'Share of candidate mentions by outlet',
    candidateTable: 'Coverage per candidate',
    failureList: 'Failed fetches',
    failuresShown: (s, t) => `The latest ${s} of ${t} failed fetches are listed.`,
    noSilenceItems:
      'No item naming a candidate was published in the silence period or on voting day.',
    silenceShown: (s, t) => `${s} of ${t} items are listed.`,
    noFailures: 'No fetch failed.',
    none: 'none',
    findings: {
      noMentions: 'No candidate was mentioned in the period.',
      top: (outlet, name, pct, n, total) =>
        `${outlet} gave the largest share of its candidate mentions to ${name}: ${pct} (${n} of ${total}).`,
      incumbent: (name, total, official, pct, cand) =>
        `Of ${name}'s ${total} mentions, ${official} (${pct}) were in an official capacity and ${cand} as a candidate.`,
      topTied: (outlet, names, pct, n, total) =>
        `${outlet} gave the same largest share of its candidate mentions to ${names}: ${pct} each (${n} of ${total}).`,
      toneEven: (count, net) =>
        `Tone: the ${count} candidates with enough mentions to compare had the same net tone (${net} percentage points, positive minus negative).`,
      noIncumbent: (name) => `${name} was not mentioned.`,
      tone: (best, bestNet, worst, worstNet) =>
        `Most favourable tone: ${best} (net ${bestNet} percentage points, positive minus negative); least favourable: ${worst} (net ${worstNet}).`,
      toneSame: (name, net) =>
        `Tone: only ${name} had enough mentions to compare (net ${net} percentage points, positive minus negative).`,
    },
  },
  az: {
    title: (kind, election) =>
      `Medianın monitorinqi üzrə ${kind === 'final' ? 'yekun' : 'aralıq'} hesabat: ${election}`,
    generated: 'Hazırlanıb',
    periodCovered: 'Əhatə olunan dövr',
    lastItem: 'ən son material',
    sections: {
      methodology: 'Metodologiya',
      coverage: 'Namizədlərin işıqlandırılması',
      charts: 'Qrafiklər',
      findings: 'Media orqanları üzrə nəticələr',
      silence: 'Susqunluq dövründə və səsvermə günü dərc olunan materiallar',
      completeness: 'Məlumatların tamlığı',
    },
    methodology: {
      sources: 'Monitorinq olunan mənbələr',
      period: (from, to) =>
        `${from} tarixindən ${to} tarixinədək (Bakı vaxtı) dərc olunan materiallar sayılıb.`,
      units: 'Ölçü vahidləri',
      unitText: {
        items: 'materiallar: namizədin adı keçən sənədlər (məqalələr, paylaşımlar, transkriptlər)',
        mentions: 'istinadlar: namizədin adı və ya rəsmi vəzifəsi ilə hər bir xatırlanması',
        words: 'sözlər: namizədin adı keçən cümlələrin sözləri',
        seconds: 'saniyələr: namizədin adı keçən yayım seqmentlərinin efir vaxtı',
      },
      tagging: (v) =>
        `İstinadlar seçkinin adlar, vəzifələr və partiyalar lüğətləri ilə avtomatik tapılıb (lüğət versiyası ${v}); ton hər cümlə üzrə ton leksikonları ilə qiymətləndirilib.`,
      review: (r, t, pct) =>
        `Dövr ərzindəki ${t} istinaddan ${r} istinad monitorlar tərəfindən yoxlanılıb (${pct}); bütün göstəricilərdə yoxlanılmış dəyərlər avtomatik dəyərləri əvəz edir.`,
      noMentions: 'Dövr ərzində istinad tapılmayıb, ona görə yoxlanılacaq heç nə olmayıb.',
      tables:
        'Pay hər namizədin bütün namizəd istinadlarındakı hissəsidir. Ton müsbət, neytral və ya mənfi qiymətləndirilən istinadları sayır.',
    },
    columns: {
      outlet: 'Media orqanı',
      kind: 'Növ',
      ownership: 'Mülkiyyət',
      candidate: 'Namizəd',
      party: 'Partiya',
      items: 'Materiallar',
      mentions: 'İstinadlar',
      share: 'Pay',
      time: 'Vaxt (Bakı)',
      title: 'Başlıq',
      url: 'Keçid',
      period: 'Dövr',
      fetches: 'Sorğular',
      failures: 'Uğursuz',
      lastSuccess: 'Son uğurlu',
      paused: 'Dayandırılıb',
      lastError: 'Son xəta',
      status: 'Status',
      error: 'Xəta',
      total: 'Cəmi',
      index: 'Göstərici',
      value: 'Dəyər',
    },
    indices: {
      gini: 'Cini əmsalı',
      hhi: 'Herfindal–Hirşman indeksi',
      hhiNormalized: 'Normallaşdırılmış Herfindal–Hirşman indeksi',
      evenness: 'Şennon bərabərliyi',
      maxMinRatio: 'Maksimum/minimum nisbəti',
      chiSquare: 'Bərabər bölgüyə qarşı xi-kvadrat',
    },
    tones: { positive: 'müsbət', neutral: 'neytral', negative: 'mənfi' },
    ownership: {
      state: 'dövlət',
      public: 'ictimai',
      private: 'özəl',
      opposition: 'müxalifət',
      international: 'beynəlxalq',
      social: 'sosial media',
    },
    kinds: {
      rss: 'xəbər lenti',
      html: 'sayt',
      browser: 'sayt (brauzer)',
      telegram: 'Telegram kanalı',
      youtube: 'YouTube kanalı',
      transcript: 'yayım transkripti',
      import: 'idxal olunan qeydlər',
    },
    periods: { silence: 'susqunluq dövrü', 'voting-day': 'səsvermə günü' },
    outletShares: 'Media orqanları üzrə namizəd istinadlarının payı',
    candidateTable: 'Namizədlər üzrə işıqlandırma',
    failureList: 'Uğursuz sorğular',
    failuresShown: (s, t) => `Son ${s} uğursuz sorğu göstərilib (cəmi ${t}).`,
    noSilenceItems:
      'Susqunluq dövründə və səsvermə günü namizədin adı keçən material dərc olunmayıb.',
    silenceShown: (s, t) => `${s} material göstərilib (cəmi ${t}).`,
    noFailures: 'Uğursuz sorğu olmayıb.',
    none: 'yoxdur',
    findings: {
      noMentions: 'Dövr ərzində heç bir namizəd xatırlanmayıb.',
      top: (outlet, name, pct, n, total) =>
        `${outlet} namizəd istinadlarının ən böyük payını ${name} namizədinə ayırıb: ${pct} (${total} istinaddan ${n}).`,
      incumbent: (name, total, official, pct, cand) =>
        `${name} ilə bağlı ${total} istinaddan ${official} istinad (${pct}) onun rəsmi vəzifəsi ilə, ${cand} istinad isə namizəd kimi fəaliyyəti ilə bağlı olub.`,
      topTied: (outlet, names, pct, n, total) =>
        `${outlet} namizəd istinadlarının eyni ən böyük payını bu namizədlərə ayırıb: ${names}, hər biri ${pct} (${total} istinaddan ${n}).`,
      toneEven: (count, net) =>
        `Ton: müqayisə üçün kifayət qədər istinadı olan ${count} namizədin tonu eyni olub (müsbət və mənfi payların fərqi ${net} faiz bəndi).`,
      noIncumbent: (name) => `${name} xatırlanmayıb.`,
      tone: (best, bestNet, worst, worstNet) =>
        `Ən müsbət ton: ${best} (müsbət və mənfi payların fərqi ${bestNet} faiz bəndi); ən mənfi ton: ${worst} (fərq ${worstNet}).`,
      toneSame: (name, net) =>
        `Ton: müqayisə üçün kifayət qədər istinad yalnız ${name} üzrə olub (müsbət və mənfi payların fərqi ${net} faiz bəndi).`,
    },
  },
};

/** 0.1234 → "12.3%" (en) or "12,3%" (az); "—" for null. */
export function percent(x: number | null, lang: ReportLang): string {
  if (x === null || !Number.isFinite(x)) return '—';
  const s = (x * 100).toFixed(1);
  return `${lang === 'az' ? s.replace('.', ',') : s}%`;
}

/** Signed percentage points: 0.25 → "+25.0". */
export function points(x: number, lang: ReportLang): string {
  const s = `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x * 100).toFixed(1)}`;
  return lang === 'az' ? s.replace('.', ',') : s;
}

/** A number with a fixed count of decimals in the report's style; "—" for null. */
export function decimal(x: number | null | undefined, lang: ReportLang, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const s = x.toFixed(digits);
  return lang === 'az' ? s.replace('.', ',') : s;
}

/** "2024-02-06 08:00" in Baku time (+04:00, no daylight saving). */
export function bakuTime(iso: string | null): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return new Date(t + 4 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function textsOf(lang: ReportLang): ReportTexts {
  return TEXTS[lang];
}
