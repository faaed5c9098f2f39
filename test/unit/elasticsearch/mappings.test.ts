import { describe, expect, it } from 'vitest';
import {
  indexNames,
  indexTemplates,
  loadMapping,
  plainIndices,
  yearIndex,
} from '../../../src/store/elasticsearch/mappings.ts';
import { fold } from '../../../src/store/search/fold.ts';

type Analysis = {
  char_filter: Record<string, { type: string; mappings: string[] }>;
  analyzer: Record<string, { tokenizer: string; char_filter?: string[]; filter: string[] }>;
  filter: Record<string, { type: string; language?: string }>;
  tokenizer: Record<string, { type: string; pattern: string }>;
};

describe('Elasticsearch mappings (data files)', () => {
  const items = loadMapping('items');
  const analysis = (items.settings as { analysis: Analysis }).analysis;
  const props = items.mappings.properties as Record<
    string,
    {
      type?: string;
      fields?: Record<string, { analyzer: string }>;
      properties?: Record<string, { type: string }>;
    }
  >;

  it('analyse title and text the Azerbaijani way, folded, and in Russian and English', () => {
    for (const field of ['title', 'text']) {
      expect(props[field]?.type).toBe('text');
      expect(props[field]?.fields?.folded?.analyzer).toBe('az_folded');
      expect(props[field]?.fields?.ru?.analyzer).toBe('russian');
      expect(props[field]?.fields?.en?.analyzer).toBe('english');
    }
    const azLower = analysis.analyzer.az_text!.filter[0]!;
    expect(analysis.filter[azLower]).toEqual({ type: 'lowercase', language: 'turkish' });
    const folded = analysis.analyzer.az_folded!;
    expect(folded.filter).toEqual(['lowercase', 'asciifolding']);
    expect(folded.char_filter).toEqual(['az_fold_chars']);
  });

  it('fold characters exactly as the shared fold() does, splitting words like the highlighter', () => {
    const lines = analysis.char_filter.az_fold_chars!.mappings;
    for (const line of lines) {
      const [from, to] = line.split(' => ');
      expect(fold(from!), line).toBe(to);
    }
    // The letters asciifolding does not map the Azerbaijani way must all be there.
    const mapped = new Set(lines.map((l) => l.split(' => ')[0]));
    for (const ch of ['Ə', 'ə', 'ı', 'I', 'İ']) expect(mapped.has(ch), ch).toBe(true);
    expect(analysis.tokenizer.words?.pattern).toBe('[^\\p{L}\\p{N}]+');
  });

  it('model entity rows as nested documents and keep raw mentions unindexed', () => {
    expect(props.entities?.type).toBe('nested');
    expect(Object.keys(props.entities?.properties ?? {})).toEqual(
      expect.arrayContaining([
        'entity',
        'type',
        'mentions',
        'nameMentions',
        'titleMentions',
        'words',
        'seconds',
        'positive',
        'neutral',
        'negative',
      ]),
    );
    expect(props.mentions).toEqual({ type: 'object', enabled: false });
    for (const k of ['id', 'url', 'lang', 'storyId', 'duplicateOf', 'contentHash', 'topics'])
      expect(props[k]?.type, k).toBe('keyword');
    expect(props.publishedAt?.type).toBe('date');
    expect(props.isStoryHead?.type).toBe('boolean');
    // Signatures are only read back; their band keys are what the lookup matches.
    expect(props.signature).toEqual({ type: 'long', index: false, doc_values: false });
    expect(props.storyBands).toMatchObject({ type: 'keyword' });
  });

  it('name per-year indices behind read aliases', () => {
    const names = indexNames('lab');
    expect(yearIndex(names.items, '2024-02-06T10:00:00.000Z')).toBe('lab-items-2024');
    expect(yearIndex(names.items, null)).toBe('lab-items-undated');
    const [itemsTpl, eventsTpl] = indexTemplates('lab');
    expect(itemsTpl).toMatchObject({
      name: 'lab-items',
      index_patterns: ['lab-items-*'],
      template: { aliases: { 'lab-items': {} } },
    });
    expect(itemsTpl?.template.mappings).toEqual(items.mappings);
    expect(eventsTpl?.index_patterns).toEqual(['lab-fetch-events-*']);
    expect(plainIndices('lab').map((i) => i.index)).toEqual(['lab-sources', 'lab-source-state']);
  });
});

describe('documents fit the strict mappings', () => {
  it('only use fields the items mapping declares', async () => {
    const { itemToDoc } = await import('../../../src/store/elasticsearch/docs.ts');
    const { makeItem } = await import('../../helpers/make-item.ts');
    const item = makeItem(
      {
        url: 'https://a.example/1',
        title: 'Başlıq',
        text: 'Namizəd Zahid Oruc danışdı.',
        cues: [{ startSec: 0, endSec: 3, charStart: 0, charEnd: 10 }],
        signature: [1, 2, 3, 4],
      },
      [['Zahid Oruc', 'oruc_zahid']],
    );
    const doc = itemToDoc(item, {
      id: item.id,
      storyId: item.id,
      duplicateOf: null,
      ingestedAt: item.ingestedAt,
      updatedAt: item.updatedAt,
      seq: 1,
    });
    const props = loadMapping('items').mappings.properties as Record<
      string,
      { properties?: Record<string, unknown> }
    >;
    expect(Object.keys(doc).filter((k) => !(k in props))).toEqual([]);
    for (const e of doc.entities)
      expect(Object.keys(e).filter((k) => !(k in props.entities!.properties!))).toEqual([]);
    expect(doc.entityIds).toEqual(['oruc_zahid']);
    expect(doc.storyBands).toHaveLength(1);
  });
});
