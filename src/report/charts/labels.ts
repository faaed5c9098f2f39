// Chart wording in Azerbaijani and English. Subject and outlet names are passed in by
// the caller (they come from the dictionaries and the source list).
import type { Tone } from '../../core/types.ts';
import type { PeriodId } from '../../metrics/periods.ts';
import type { CoverageUnit } from '../../metrics/types.ts';

export type ChartLang = 'az' | 'en';

export interface ChartLabels {
  titles: {
    shareByOutlet: string;
    coverageOverTime: string;
    toneBySubject: string;
    lorenz: string;
  };
  axes: {
    outlet: string;
    subject: string;
    date: string;
    sharePercent: string;
    cumulativeSubjects: string;
    cumulativeCoverage: string;
  };
  units: Record<CoverageUnit, string>;
  tones: Record<Tone, string>;
  periods: Record<PeriodId, string>;
  equalityLine: string;
  lorenzCurve: string;
  gini: string;
  ownMeasure: string;
}

export const LABELS: Record<ChartLang, ChartLabels> = {
  az: {
    titles: {
      shareByOutlet: 'Media orqanları üzrə işıqlandırma payı',
      coverageOverTime: 'İşıqlandırmanın günlər üzrə dinamikası',
      toneBySubject: 'Subyektlər üzrə işıqlandırmanın tonu',
      lorenz: 'İşıqlandırmanın Lorens əyrisi',
    },
    axes: {
      outlet: 'Media orqanı',
      subject: 'Subyekt',
      date: 'Tarix',
      sharePercent: 'Pay, %',
      cumulativeSubjects: 'Subyektlərin kumulyativ payı',
      cumulativeCoverage: 'İşıqlandırmanın kumulyativ payı',
    },
    units: { items: 'materiallar', mentions: 'istinadlar', words: 'sözlər', seconds: 'saniyələr' },
    tones: { positive: 'müsbət', neutral: 'neytral', negative: 'mənfi' },
    periods: {
      'pre-campaign': 'Təşviqatdan əvvəl',
      campaign: 'Təşviqat dövrü',
      silence: 'Susqunluq dövrü',
      'voting-day': 'Səsvermə günü',
      'post-election': 'Seçkidən sonra',
    },
    equalityLine: 'Tam bərabərlik',
    lorenzCurve: 'Lorens əyrisi',
    gini: 'Cini əmsalı',
    ownMeasure: 'layihənin öz göstəricisi',
  },
  en: {
    titles: {
      shareByOutlet: 'Share of voice by outlet',
      coverageOverTime: 'Coverage over time',
      toneBySubject: 'Tone of coverage by subject',
      lorenz: 'Lorenz curve of coverage',
    },
    axes: {
      outlet: 'Outlet',
      subject: 'Subject',
      date: 'Date',
      sharePercent: 'Share, %',
      cumulativeSubjects: 'Cumulative share of subjects',
      cumulativeCoverage: 'Cumulative share of coverage',
    },
    units: { items: 'items', mentions: 'mentions', words: 'words', seconds: 'seconds' },
    tones: { positive: 'positive', neutral: 'neutral', negative: 'negative' },
    periods: {
      'pre-campaign': 'Pre-campaign',
      campaign: 'Campaign',
      silence: 'Silence period',
      'voting-day': 'Voting day',
      'post-election': 'After the election',
    },
    equalityLine: 'Perfect equality',
    lorenzCurve: 'Lorenz curve',
    gini: 'Gini coefficient',
    ownMeasure: "project's own measure",
  },
};

export function chartLabels(lang: ChartLang): ChartLabels {
  return LABELS[lang];
}

/** Display name of an id, falling back to the id itself. */
export function nameOf(id: string, names: Record<string, string> | undefined): string {
  return names?.[id] ?? id;
}
