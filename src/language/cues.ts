// Script and letter cues that settle the language before (or instead of) trigram models:
// Cyrillic → ru; ə → az; Azerbaijani typed without its letters still has q, x and
// endings like -ib/-ub; Turkish has its own function words and -yor.
import type { Lang } from '../core/types.ts';

const AZ_WORDS = new Set(
  `və ve ilə üçün ucun deyil xalq qeyd edib olub bildirib etdi seçki secki seçici secici namizəd namized
   prezident dövlət dovlet başçısı bascisi ölkə olke həm hem amma lakin çox cox yaxşı yaxsi bu gün
   görüş gorus artıq artiq hələ hele isə ise indi edir olan qarşı qarsi xeyli`.split(/\s+/),
);
const TR_WORDS = new Set(
  `için icin değil degil çok cok olarak gibi ile ancak şey sey cumhurbaşkanı cumhurbaskani seçim secim
   ve bir daha sonra oldu dedi göre gore yeni kadar ise diye tarafından tarafindan`.split(/\s+/),
);
const EN_WORDS = new Set(
  `the and of to in is was for on with that by as at from has have said his her will not are be an
   this which president election candidate`.split(/\s+/),
);
const TR_ONLY = new Set([
  'için',
  'icin',
  'değil',
  'degil',
  'çok',
  'olarak',
  'gibi',
  'cumhurbaşkanı',
  'cumhurbaskani',
  'seçim',
  'tarafından',
  'göre',
  'diye',
  'kadar',
]);
const AZ_ONLY = new Set([
  'və',
  'üçün',
  'ucun',
  'deyil',
  'xalq',
  'edib',
  'olub',
  'bildirib',
  'seçki',
  'secki',
  'namizəd',
  'namized',
  'çox',
  'cox',
  'həm',
  'hem',
  'qarşı',
  'qarsi',
  'prezident',
  'isə',
]);

export interface CueScores {
  cyrillic: number;
  latin: number;
  az: number;
  tr: number;
  en: number;
}

export function cueScores(text: string): CueScores {
  let cyrillic = 0;
  let latin = 0;
  let az = 0;
  let tr = 0;
  for (const ch of text) {
    if (/[\u0400-\u04ff]/.test(ch)) cyrillic++;
    else if (/\p{Script=Latin}/u.test(ch)) {
      latin++;
      if (ch === 'ə' || ch === 'Ə') az += 3;
      else if (ch === 'â' || ch === 'î' || ch === 'û') tr += 2;
    }
  }
  let en = 0;
  const words = text.toLocaleLowerCase('tr').match(/\p{L}+/gu) ?? [];
  for (const w of words) {
    if (TR_ONLY.has(w)) tr += 2;
    else if (TR_WORDS.has(w)) tr += 0.5;
    if (AZ_ONLY.has(w)) az += 2;
    else if (AZ_WORDS.has(w)) az += 0.5;
    if (EN_WORDS.has(w)) en += 1;
    if (w.length > 4) {
      if (/(ib|ub|üb|ıb)$/.test(w)) az += 1; // görüşüb, edib: Azerbaijani perfect
      if (/(iyor|ıyor|uyor|üyor|iyorum|yordu)/.test(w)) tr += 2;
      if (/(dir|dır|dur|dür)$/.test(w) && w.includes('ə')) az += 1;
      if (/[qx]/.test(w) && !/(qu|x)$/.test(w) && !EN_WORDS.has(w)) az += 0.5;
      if (/(tion|ing|ed)$/.test(w)) en += 0.5;
    }
  }
  return { cyrillic, latin, az, tr, en };
}

/** A confident answer from cues alone, or null. */
export function decideByCues(s: CueScores): Lang | null {
  if (s.cyrillic === 0 && s.latin === 0) return 'und';
  if (s.cyrillic > s.latin) return 'ru';
  const ranked = (['az', 'tr', 'en'] as const)
    .map((l) => [l, s[l]] as const)
    .sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first![1] >= 2 && first![1] >= 2 * second![1]) return first![0];
  return null;
}
