// Script, letter, word and ending cues that settle the language before (or instead of) a
// statistical model. Cyrillic → ru. Azerbaijani and Turkish share most letters, but
// Azerbaijani has ə, q and x where Turkish has e, k and h, perfect forms in -ib/-ub where
// Turkish has -ip, present forms in -ir/-ur + -am/-əm where Turkish has -iyor, and its
// own everyday words; all of these survive typing without the Azerbaijani letters
// ("ucun", "yoxdur", "gedirem"). Weights are points of evidence, not probabilities.
import type { Lang } from '../core/types.ts';

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

// Words that are Azerbaijani and not Turkish, with and without the Azerbaijani letters.
const AZ_ONLY = words(`
  və ilə üçün ucun deyil deyildir yox yoxdur xeyr bəli beli çox cox indi necə nece neçə
  hansı hansi mən men mənim menim məni meni mənə mene sənə sene bizə size ona hamı hami hamıya
  hamiya hamını hamini hara harda hardasan hardasiz hardasız haradasan belə bele elə axı axi
  görəsən gorasen gorusek görüşək gorushek olub edib gedib gəlib gelib verib deyib olar olmur
  xahiş xahis zəhmət zehmet qardaş qardas qardash uşaq usaq ushaq uwaq qız qiz nənə nene
  yaxşı yaxsi yaxshi yaxwi axşam axsam axsham axwam dünən dunen vaxt heç hec xalq xəbər xeber
  seçki secki seçici secici namizəd namized dövlət dovlet ölkə olke qarşı qarsi artıq artiq
  ancaq amma bax hələ isə edir edirəm edirem gedir gedirəm gedirem gedirik deyir
  bilirəm bilirem bilmirəm bilmirem istəyirəm isteyirem sağol sagol salam təşəkkür
  çünki cunki əgər yenə yene qonaq qonsu qonşu qonshu küçə kuce şəhər seher səhər
  `);
// Words that are Turkish and not Azerbaijani.
const TR_ONLY = words(`
  için icin değil degil çok cok yok ben beni bana benim sana nasıl nasil şimdi simdi hiç hic
  gibi kadar evet hayır hayir iyi arkadaş arkadas arkadaşlar arkadaslar çocuk cocuk acaba
  galiba lütfen lutfen çünkü cunku artık artik ancak tarafından tarafindan
  cumhurbaşkanı cumhurbaskani seçim secim seçmen secmen diye
  yine mı mi mu mü misin mısın musun müsün miyiz değilim neden nerede nereye
  `);
const EN_WORDS = words(`
  the and of to in is was for on with that by as at from has have had said his her will not
  are be an this which president election candidate i you he she it we they my your our their
  me him us them what who when where why how so but or if just can do does did don't can't
  it's i'm there here up out get go going got new all any some no yes one about after before
  again very too much many more most only also still then than into over back time day today
  tonight tomorrow yesterday know think want need like love happy good great thanks thank
  please who's what's let's that's everyone anyone someone
  `);

export interface CueScores {
  cyrillic: number;
  latin: number;
  az: number;
  tr: number;
  en: number;
}

const isEnglish = (w: string) => EN_WORDS.has(w);

/** Letters by script, and the Azerbaijani ə: enough to settle most texts at once. */
export function letterCounts(text: string): { cyrillic: number; latin: number; schwa: number } {
  let cyrillic = 0;
  let latin = 0;
  let schwa = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
    else if (c >= 0xc0 && c <= 0x2af) {
      latin++;
      if (c === 0x259 || c === 0x18f) schwa++;
    }
  }
  return { cyrillic, latin, schwa };
}

export function cueScores(text: string): CueScores {
  const { cyrillic, latin, schwa } = letterCounts(text);
  let az = schwa * 3;
  let tr = (text.match(/[âîû]/g) ?? []).length * 2;
  let en = 0;
  const list = text.toLocaleLowerCase('tr').match(/[\p{L}'’]+/gu) ?? [];
  for (const raw of list) {
    const w = raw.replace(/[’]/g, "'").replace(/'.*$/, '');
    if (EN_WORDS.has(raw.replace(/[’]/g, "'"))) en += 1;
    if (AZ_ONLY.has(w)) az += 2;
    if (TR_ONLY.has(w)) tr += 2;
    if (w.length < 3 || isEnglish(w)) continue;
    // Letters Turkish does not write: q and x (English words aside), and ASCII digraphs
    // or w standing for ş.
    if (/q/.test(w) && !/qu/.test(w)) az += 1.5;
    if (/x/.test(w) && !/(^ex|xt|x$)/.test(w)) az += 1.5;
    if (/w/.test(w) && !/(ow|aw|ew|wh|^w)/.test(w)) az += 1;
    if (/sh|ch/.test(w) && !/(sh$|ch$|^sh|^ch)/.test(w)) az += 0.5;
    // Endings. Perfect -ib/-ub (Turkish converb -ip); present -ir/-ur with a person
    // ending -am/-əm (Turkish -iyorum); present negative -mir/-mur (Turkish -miyor);
    // word-final q where Turkish has k ("-acaq", "-maq", "yataq").
    if (w.length > 3 && /(ib|ıb|ub|üb)$/.test(w)) az += 1.5;
    // Turkish turns a suffix's d into t after a voiceless consonant (gittim, markette,
    // sestir); Azerbaijani writes d (getdim, marketdə, səsdir).
    if (/[ptkçsşfh]d[aeiıuüəo]/.test(w) && !/(sh|ch)d/.test(w.slice(0, 3))) az += 1.5;
    // Second person plural -siz/-sız on a verb (tr -siniz), e.g. "verəcəksiz".
    if (/(cək|cek|caq|cak|ir|ır|ur|ür)(siz|sız)$/.test(w)) az += 1.5;
    if (/(ir|ır|ur|ür)(əm|em|am|ik|iq|sən|sen|san|siz|sız)$/.test(w)) az += 1.5;
    if (/m(i|ı|u|ü)r(əm|em|am|ik|sən|sen|san|siz|sız|dı|di)?$/.test(w) && w.length > 4) az += 1;
    if (/(aq|əq|ıq|iq|uq|üq)$/.test(w)) az += 1.5;
    if (/(iyor|ıyor|uyor|üyor)/.test(w)) tr += 2.5;
    if (/(ak|ık|uk|ek|ik|ük)$/.test(w) && /(acak|ecek|mak|mek|ak|ık|uk)$/.test(w)) tr += 1;
    if (/(ip|ıp|up|üp)$/.test(w) && w.length > 4) tr += 0.5;
    if (/(tion|ing|ed|ly)$/.test(w)) en += 0.5;
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
  if (first![1] >= 1.5 && first![1] >= 2 * second![1]) return first![0];
  return null;
}
