import { describe, expect, it } from 'vitest';
import { textQuery } from '../../../src/store/elasticsearch/text-query.ts';
import { SkipItemError } from '../../../src/core/errors.ts';

const prefix = (v: string) => ({
  bool: {
    should: [
      { prefix: { 'title.folded': { value: v } } },
      { prefix: { 'text.folded': { value: v } } },
    ],
    minimum_should_match: 1,
  },
});
const phrase = (v: string) => ({
  bool: {
    should: ['title.folded', 'text.folded'].map((f) => ({
      match_phrase_prefix: { [f]: { query: v, max_expansions: 200 } },
    })),
    minimum_should_match: 1,
  },
});

describe('textQuery', () => {
  it('turns words into folded prefix queries so endings and plain-ASCII typing match', () => {
    expect(textQuery('Nurullayev').query).toEqual({ bool: { must: [prefix('nurullayev')] } });
    const q = textQuery('Dövlət başçısı');
    expect(q.query).toEqual({
      bool: { must: [{ bool: { must: [prefix('dovlet'), prefix('bascisi')] } }] },
    });
    expect(q.terms).toEqual(['dovlet', 'bascisi']);
  });

  it('supports phrases, OR groups and NOT / -word', () => {
    expect(textQuery('"seçicilərlə görüşdü"').query).toEqual({
      bool: { must: [phrase('secicilerle gorusdu')] },
    });
    expect(textQuery('Müsavat OR məktəbin').query).toEqual({
      bool: { should: [prefix('musavat'), prefix('mektebin')], minimum_should_match: 1 },
    });
    const not = { bool: { must: [prefix('gorus')], must_not: [prefix('gence')] } };
    expect(textQuery('görüş NOT Gəncə').query).toEqual(not);
    expect(textQuery('görüş -Gəncə').query).toEqual(not);
  });

  it('has no query for an empty box and refuses a purely negative one', () => {
    expect(textQuery('  ').query).toBeNull();
    expect(() => textQuery('-Gəncə')).toThrow(SkipItemError);
  });
});
