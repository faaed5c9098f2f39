// The dictionary assistant on texts written for this test: it proposes the forms the
// dictionaries lack, with counts and examples, and nothing they already list.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { presidential } from './helpers.ts';
import { suggestForms, suggestionsYaml } from '../../../src/tagging/suggest/index.ts';
import type { Lang } from '../../../src/core/types.ts';

const TEXTS: [Lang, string][] = [
  ['az', 'Milli Cəbhə Partiyası (MCP) bəyanat yayıb. Razi Nurullayev çıxış edib.'],
  ['az', 'Milli Cəbhə Partiyası (MCP) yenə toplantı keçirib.'],
  ['az', 'Nurulayev dünən seçicilərlə görüşüb. Razi Nurullayev proqramını açıqlayıb.'],
  ['az', 'Namizəd Nurulayev bu gün Gəncədə olub. Razi Nurullayev sonra Bakıya qayıdıb.'],
  ['az', 'Yaşıllar Birliyi Partiyası seçkidə iştirak etmir.'],
  ['az', 'Yaşıllar Birliyi Partiyası bəyanat yayıb.'],
  ['az', 'Seçki komissiyası Nurullayev Razi Fəxrəddin oğlu adlı namizədi qeydə alıb.'],
  ['az', 'Siyahıda Nurullayev Razi Fəxrəddin oğlu da var.'],
  // Listed forms are not suggested: YAP, Müsavat, İlham Əliyev.
  ['az', 'Yeni Azərbaycan Partiyası (YAP) və Müsavat Partiyası. İlham Əliyev çıxış edib.'],
  ['az', 'Yeni Azərbaycan Partiyası (YAP) qurultay keçirib.'],
];

async function* batches() {
  yield TEXTS.map(([lang, text]) => ({ title: '', text, lang }));
}

describe('dictionary suggest', () => {
  it('finds unlisted abbreviations, party names, spellings and patronymic forms', async () => {
    const tagger = presidential();
    const r = await suggestForms(batches(), tagger, tagger.election, { minCount: 2 });
    expect(r.items).toBe(TEXTS.length);
    const got = r.suggestions.map((s) => `${s.entity}|${s.field}|${s.form}|${s.count}`);
    expect(got).toEqual(
      expect.arrayContaining([
        'milli_cebhe|abbreviations|MCP|2',
        'null|names|Yaşıllar Birliyi Partiyası|2',
        'nurullayev_razi|surnames|Nurulayev|2',
        'nurullayev_razi|names|Nurullayev Razi Fəxrəddin oğlu|2',
      ]),
    );
    // Nothing the dictionaries list, nothing seen once only.
    expect(got.join('\n')).not.toMatch(/\|YAP\||Müsavat|İlham Əliyev/);
    expect(r.suggestions.every((s) => s.count >= 2)).toBe(true);

    const yaml = suggestionsYaml(r, tagger.election);
    const doc = parse(yaml) as {
      candidates: { id: string; names?: string[]; surnames?: string[] }[];
      parties: { id: string; abbreviations: string[] }[];
      unlisted: string[];
    };
    expect(doc.parties).toEqual([{ id: 'milli_cebhe', abbreviations: ['MCP'] }]);
    expect(doc.candidates[0]).toMatchObject({
      id: 'nurullayev_razi',
      surnames: ['Nurulayev'],
      names: ['Nurullayev Razi Fəxrəddin oğlu'],
    });
    expect(doc.unlisted).toEqual(['Yaşıllar Birliyi Partiyası']);
    expect(yaml).toContain('# 2 items; defined in parentheses after the full name');
    expect(yaml).toContain('# e.g. Nurulayev dünən seçicilərlə görüşüb.');
  });
});
