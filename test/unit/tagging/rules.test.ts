import { describe, expect, it } from 'vitest';
import { itemDocument } from '../../../src/core/types.ts';
import { presidential, tags } from './helpers.ts';

describe('namesakes', () => {
  it('keep Heydər Əliyev and things named after him out', () => {
    expect(
      tags(
        'Heydər Əliyev Fondu, Heydər Əliyev adına məktəb, Ümummilli Lider, Heydər Əliyevin irsi.',
      ),
    ).toEqual([]);
    expect(tags('İlham Heydər oğlu Əliyev and içdi.')).toEqual(['aliyev_ilham']);
  });

  it('keep Mehriban and Leyla Əliyeva out, and Fuad Əliyev separate', () => {
    expect(tags('Mehriban Əliyeva və Leyla Əliyeva gəldi. Əliyeva danışdı.')).toEqual([]);
    expect(tags('Fuad Əliyev çıxış etdi. Əliyev proqramını açıqladı.')).toEqual([
      'aliyev_fuad',
      'aliyev_fuad',
    ]);
  });

  it('tell Elşad from Elşən Musayev', () => {
    expect(tags('Elşən Musayev danışdı. Musayev büdcəni tənqid etdi.')).toEqual([]);
    expect(tags('Elşad Musayev danışdı. Musayev proqramını açıqladı.')).toEqual([
      'musayev_elshad',
      'musayev_elshad',
    ]);
  });

  it('count a bare surname only when the document named the person', () => {
    expect(tags('Əliyev bu gün bəyanat verdi.')).toEqual([]);
    expect(tags('Rauf Əliyev adlı sakin. Əliyev danışdı.')).toEqual([]);
    expect(tags('Əliyev bu gün bəyanat verdi. İlham Əliyev Bakıda idi.')).toEqual([
      'aliyev_ilham',
      'aliyev_ilham',
    ]);
  });

  it('do not take ordinary words for names', () => {
    expect(
      tags('Oruc ayı başladı. ORUC tutanlar çoxdur. Sakinlər razı qaldı. Qüdrət birlikdədir.'),
    ).toEqual([]);
    expect(tags('Zahid Oruc gəldi. Oruc ayı da başladı. Oruc çıxış etdi.')).toEqual([
      'oruc_zahid',
      'oruc_zahid',
    ]);
    expect(tags('Fazil Mustafa gəldi. Mustafa Kamal haqqında danışdı.')).toEqual(['mustafa_fazil']);
    expect(tags('Ana vətən, Böyük Azərbaycan şairi, Yeni Azərbaycan qəzeti, real həyat.')).toEqual(
      [],
    );
  });

  it('keep longer party names apart', () => {
    expect(tags('Bütöv Azərbaycan Xalq Cəbhəsi Partiyası, BAXCP')).toEqual(['baxcp', 'baxcp']);
    expect(tags('Müasir Müsavat Partiyası və Klassik Xalq Cəbhəsi Partiyası')).toEqual([]);
  });
});

describe('abbreviations and initials', () => {
  it('match abbreviations in upper case only, with endings', () => {
    expect(tags('YAP-ın, AXCP-nin, ƏHD, VHP, BQP-dən, REAL-ın')).toEqual([
      'yap',
      'axcp',
      'ehd',
      'vetendas_hemreyliyi',
      'bqp',
      'real',
    ]);
    expect(tags('yap, real, Real, axcp')).toEqual([]);
  });

  it('match initials', () => {
    expect(tags('Z.Oruc, İ.Əliyev, F.Mustafa və И.Алиев')).toEqual([
      'oruc_zahid',
      'aliyev_ilham',
      'mustafa_fazil',
      'aliyev_ilham',
    ]);
  });

  it('match Azerbaijani typed without its letters and English spellings', () => {
    expect(tags('Ilham Eliyev ve Zahid Oruj, Gudrat Hasanguliyev, Elshad Musayev')).toEqual([
      'aliyev_ilham',
      'oruc_zahid',
      'hasanguliyev_gudrat',
      'musayev_elshad',
    ]);
  });
});

describe('titles', () => {
  it('report the incumbent by title as kind title', () => {
    expect(tags('Dövlət başçısı fərman imzaladı. Ölkə başçısı danışdı.')).toEqual([
      'aliyev_ilham:title',
      'aliyev_ilham:title',
    ]);
    expect(tags('Глава государства подписал указ.', 'ru')).toEqual(['aliyev_ilham:title']);
    expect(tags('The head of state signed a decree.', 'en')).toEqual(['aliyev_ilham:title']);
  });

  it('not when another president is meant or no person at all', () => {
    expect(
      tags('Prezident Ərdoğan gəldi. Türkiyə Prezidenti danışdı. Prezident seçkiləri keçirildi.'),
    ).toEqual([]);
    expect(tags('Президент России Путин. Russian President Putin.', 'ru')).toEqual([]);
  });

  it('fold a title into the name that follows it', () => {
    expect(tags('Prezident İlham Əliyev gəldi. Prezident Əliyev danışdı.')).toEqual([
      'aliyev_ilham',
      'aliyev_ilham',
    ]);
  });
});

describe('mentions', () => {
  it('carry offsets into itemDocument, surface, position and sentence', () => {
    const title = 'Zahid Oruc Gəncədə';
    const text = 'Namizəd Zahid Orucun görüşü. İkinci cümlə.\nSonra Z.Oruc yenə danışdı.';
    const doc = itemDocument({ title, text });
    const ms = presidential().tag({ title, text, lang: 'az' });
    expect(ms.map((m) => m.position)).toEqual(['headline', 'lead', 'body']);
    for (const m of ms) expect(doc.slice(m.start, m.end)).toBe(m.surface);
    expect(ms[1]!.surface).toBe('Zahid Orucun');
    expect(ms[1]!.sentence).toBe('Namizəd Zahid Orucun görüşü.');
    expect(ms[2]!.sentence).toBe('Sonra Z.Oruc yenə danışdı.');
    expect(ms[0]).toMatchObject({ type: 'candidate', kind: 'name', toneSource: 'auto' });
    expect(ms[0]!.dictionaryVersion).toBe(presidential().version);
  });

  it('finds topics', () => {
    const t = presidential().topics!({
      text: 'Namizəd seçicilərlə görüşüb. Müşahidəçilər karusel hallarını MSK-ya bildirib.',
      lang: 'az',
    });
    expect(t).toEqual(['campaign_meeting', 'election_commission', 'observers', 'violation']);
  });
});

describe('forms other presses use', () => {
  it('reads possessives and endings after abbreviations in English and Turkish', () => {
    expect(tags("YAP's candidate spoke in Baku.", 'en')).toEqual(['yap']);
    expect(tags("AXCP'nin ve YAP'ın adayları", 'tr')).toEqual(['axcp', 'yap']);
    // Lower-case "naps" is a word, never the abbreviation.
    expect(tags('The children take naps after lunch.', 'en')).toEqual([]);
  });

  it('counts both parties of a bloc written with a hyphen', () => {
    expect(tags('Müsavat-AXCP bloku bəyanat yaydı.')).toEqual(['musavat', 'axcp']);
    expect(tags('The Musavat-APFP bloc boycotted the vote.', 'en')).toEqual(['musavat', 'axcp']);
    // A hyphenated ending stays one word.
    expect(tags('YAP-ın qurultayı')).toEqual(['yap']);
  });

  it('counts an abbreviation the text defines after a party’s full name', () => {
    expect(
      tags(
        'Azərbaycan Demokratik Maarifçilik Partiyası (ADMP) bəyanat yaydı. ADMP-nin sədri danışdı. ADMP seçkiyə qatılır.',
      ),
    ).toEqual(['demokratik_maarifchilik', 'demokratik_maarifchilik', 'demokratik_maarifchilik']);
    // Before the definition, or after a name that is not a party's, it means nothing.
    expect(
      tags('ADMP bəyanat yaydı. Azərbaycan Demokratik Maarifçilik Partiyası danışdı.'),
    ).toEqual(['demokratik_maarifchilik']);
    expect(tags('Mərkəzi Seçki Komissiyası (MSK) bildirdi. MSK açıqlama verdi.')).toEqual([]);
  });

  it('folds Cyrillic look-alike letters typed inside a Latin name', () => {
    // Cyrillic А (U+0410) and а (U+0430) in Latin words.
    expect(tags('İlham \u0410liyev çıxış etdi.')).toEqual(['aliyev_ilham']);
    expect(tags('Mus\u0430v\u0430t Partiyası bəyanat yaydı.')).toEqual(['musavat']);
    expect(tags('Ильхам Алиев выступил.', 'ru')).toEqual(['aliyev_ilham']);
  });

  it('knows Turkish and transliterated spellings and surname-first forms', () => {
    expect(tags('Zahit Oruç açıklama yaptı.', 'tr')).toEqual(['oruc_zahid']);
    expect(tags('Zakhid Orudzh said.', 'en')).toEqual(['oruc_zahid']);
    expect(tags('Kudret Hasanguliyev konuştu.', 'tr')).toEqual(['hasanguliyev_gudrat']);
    expect(tags('Nurullayev Razi namizəd kimi qeydə alınıb.')).toEqual(['nurullayev_razi']);
  });
});
