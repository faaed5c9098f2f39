import { describe, expect, it } from 'vitest';
import { displayName, displayNames } from '../../../src/core/display-name.ts';
import { loadElection } from '../../../src/tagging/index.ts';
import { loadSources } from '../../../crawlers/index.ts';
import { demoSources } from '../../../crawlers/sites/demo.ts';
import { fileURLToPath } from 'node:url';

const root = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));

describe('display names', () => {
  const election = loadElection(root('dictionaries/az-2024-presidential'));

  it('gives English spellings in English outputs, Azerbaijani ones otherwise', () => {
    const en = displayNames(election.entities, 'en');
    expect(
      [
        'aliyev_ilham',
        'oruc_zahid',
        'nurullayev_razi',
        'mustafa_fazil',
        'musayev_elshad',
        'hasanguliyev_gudrat',
        'aliyev_fuad',
      ].map((id) => en[id]),
    ).toEqual([
      'Ilham Aliyev',
      'Zahid Oruj',
      'Razi Nurullayev',
      'Fazil Mustafa',
      'Elshad Musayev',
      'Gudrat Hasanguliyev',
      'Fuad Aliyev',
    ]);
    expect(en.yap).toBe('New Azerbaijan Party');
    expect(displayNames(election.entities, 'az').aliyev_ilham).toBe('İlham Əliyev');
    expect(election.names).toEqual({
      az: 'Azərbaycan Respublikasında növbədənkənar prezident seçkisi, 2024',
      en: 'Azerbaijan snap presidential election 2024',
    });
  });

  it('has an English name for every entity and every outlet whose name is not English already', () => {
    const parliamentary = loadElection(root('dictionaries/az-2024-parliamentary'));
    for (const e of [...election.entities, ...parliamentary.entities])
      expect(/[əğıöüşçİ]/i.test(displayName(e, 'en')), e.id).toBe(false);
    const outlets = [
      ...loadSources(root('crawlers/sites/azerbaijan.yaml')),
      ...demoSources('http://127.0.0.1:1'),
    ];
    for (const s of outlets)
      expect(/[əğıöüşçİ\u0400-\u04ff]/i.test(displayName(s, 'en')), s.id).toBe(false);
  });
});
