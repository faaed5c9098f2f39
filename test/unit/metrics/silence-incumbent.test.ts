import { describe, expect, it } from 'vitest';
import { electionPeriods } from '../../../src/metrics/periods.ts';
import { silenceViolations } from '../../../src/metrics/silence-violations.ts';
import { incumbentSplit } from '../../../src/metrics/incumbent-split.ts';
import { row } from './rows.ts';

const periods = electionPeriods(
  { campaignStart: '2024-01-15', campaignEnd: '2024-02-06T08:00', votingDay: '2024-02-07' },
  '+04:00',
);

describe('silenceViolations', () => {
  const rows = [
    // campaign period: fine
    row({
      itemId: 'c1',
      entity: 'oruc_zahid',
      nameMentions: 1,
      publishedAt: '2024-02-06T07:30:00+04:00',
    }),
    // silence: two candidates in one item → one entry
    row({
      itemId: 's1',
      entity: 'oruc_zahid',
      nameMentions: 2,
      publishedAt: '2024-02-06T12:00:00+04:00',
      topics: ['rally'],
    }),
    row({
      itemId: 's1',
      entity: 'mustafa_fazil',
      nameMentions: 1,
      publishedAt: '2024-02-06T12:00:00+04:00',
      topics: ['rally'],
    }),
    // silence: a party, not a listed candidate
    row({
      itemId: 's2',
      entity: 'yap',
      type: 'party',
      nameMentions: 1,
      publishedAt: '2024-02-06T13:00:00+04:00',
    }),
    // silence: incumbent named only by title (official capacity)
    row({
      itemId: 's3',
      entity: 'aliyev_ilham',
      titleMentions: 2,
      publishedAt: '2024-02-06T14:00:00+04:00',
    }),
    // voting day, earlier item id order is irrelevant: sorted by time
    row({
      itemId: 'v1',
      entity: 'aliyev_ilham',
      nameMentions: 1,
      publishedAt: '2024-02-07T09:00:00+04:00',
    }),
    // after the election: fine
    row({
      itemId: 'p1',
      entity: 'oruc_zahid',
      nameMentions: 1,
      publishedAt: '2024-02-08T09:00:00+04:00',
    }),
  ];
  const candidates = ['aliyev_ilham', 'oruc_zahid', 'mustafa_fazil'];

  it('lists candidate items dated in the silence period or on voting day', () => {
    const v = silenceViolations(rows, periods, candidates);
    expect(v.map((x) => [x.itemId, x.period])).toEqual([
      ['s1', 'silence'],
      ['v1', 'voting-day'],
    ]);
    expect(v[0]!.entities).toEqual(['oruc_zahid', 'mustafa_fazil']);
  });

  it('can require campaign topics', () => {
    const v = silenceViolations(rows, periods, candidates, { campaignTopics: ['rally'] });
    expect(v.map((x) => x.itemId)).toEqual(['s1']);
  });
});

describe('incumbentSplit', () => {
  it('separates official capacity from candidate coverage', () => {
    const rows = [
      // state event: official item; mentions 2 name + 1 title all official
      row({
        itemId: 'r1',
        entity: 'inc',
        topics: ['state-event'],
        nameMentions: 2,
        titleMentions: 1,
        mentions: 3,
        words: 30,
      }),
      // title only: official item; 2 official mentions
      row({
        itemId: 'r2',
        entity: 'inc',
        nameMentions: 0,
        titleMentions: 2,
        mentions: 2,
        words: 10,
        seconds: 5,
      }),
      // campaign item: candidate; 3 name mentions candidate, 1 title mention official
      row({
        itemId: 'r3',
        entity: 'inc',
        topics: ['rally'],
        nameMentions: 3,
        titleMentions: 1,
        mentions: 4,
        words: 20,
      }),
      row({ itemId: 'r3', entity: 'other', nameMentions: 9, mentions: 9, words: 99 }),
    ];
    // official: items r1, r2 = 2; mentions 3 + 2 + 1 = 6; words 40; seconds 5.
    // candidate: items r3 = 1; mentions 3; words 20.
    const s = incumbentSplit(rows, 'inc');
    expect(s.official).toEqual({ items: 2, mentions: 6, words: 40, seconds: 5 });
    expect(s.candidate).toEqual({ items: 1, mentions: 3, words: 20, seconds: 0 });
    expect(s.officialMentionShare).toBeCloseTo(2 / 3, 12);
    expect(s.officialItemShare).toBeCloseTo(2 / 3, 12);
  });

  it('uses the given state-event topics and handles no coverage', () => {
    const rows = [
      row({ itemId: 'x', entity: 'inc', topics: ['visit'], nameMentions: 1, mentions: 1 }),
    ];
    expect(incumbentSplit(rows, 'inc').candidate.items).toBe(1);
    expect(incumbentSplit(rows, 'inc', { stateEventTopics: ['visit'] }).official.items).toBe(1);
    const none = incumbentSplit([], 'inc');
    expect(none.officialMentionShare).toBeNull();
    expect(none.officialItemShare).toBeNull();
  });
});
