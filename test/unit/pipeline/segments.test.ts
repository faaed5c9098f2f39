import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemDocument } from '../../../src/core/types.ts';
import { itemCoverage } from '../../../src/store/item-coverage.ts';
import { channelSlug, importSegments } from '../../../src/pipeline/segments.ts';
import type { SegmentEntity } from '../../../src/pipeline/segments.ts';
import { loadElection } from '../../../src/tagging/index.ts';

const entities: SegmentEntity[] = [
  { id: 'aliyev_ilham', type: 'candidate', name: 'İlham Əliyev' },
  { id: 'oruc_zahid', type: 'candidate', name: 'Zahid Oruc' },
  { id: 'yap', type: 'party', name: 'Yeni Azərbaycan Partiyası' },
];
const HEADER = 'channel,programme,date,start,duration,subject,tone,speech,coder\n';
const now = () => new Date('2024-02-01T00:00:00Z');

describe('importSegments', () => {
  it('turns a row into an item whose coverage is the coded seconds and tone', () => {
    const { items, errors, warnings } = importSegments(
      HEADER + 'İctimai Televiziya,Xəbərlər,2024-01-15,20:30,2:05,oruc_zahid,mənfi,direct,Aysel\n',
      { entities, ownershipOf: (id) => (id === 'ictimai_televiziya' ? 'public' : undefined), now },
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    const item = items[0]!;
    expect(item.url).toBe('segment://ictimai_televiziya/2024-01-15/20:30:00/oruc_zahid');
    expect(item.source).toEqual({
      id: 'ictimai_televiziya',
      name: 'İctimai Televiziya',
      kind: 'transcript',
      ownership: 'public',
    });
    expect(item.publishedAt).toBe('2024-01-15T16:30:00.000Z');
    expect(item.title).toBe('Xəbərlər');
    expect(item.author).toBe('Aysel');
    expect(item.lang).toBe('az');
    expect(item.topics).toEqual(['speech_direct', 'coded_segment']);
    const m = item.mentions[0]!;
    expect(item.mentions).toHaveLength(1);
    expect(itemDocument(item).slice(m.start, m.end)).toBe('Zahid Oruc');
    expect(m).toMatchObject({ entity: 'oruc_zahid', type: 'candidate', tone: 'negative' });
    expect(m.toneSource).toBe('review');
    expect(item.wordCount).toBeGreaterThan(0);
    expect(itemCoverage(item)).toEqual([
      expect.objectContaining({
        entity: 'oruc_zahid',
        seconds: 125,
        mentions: 1,
        tone: { positive: 0, neutral: 0, negative: 1 },
      }),
    ]);
  });

  it('gives the same id to the same segment however its time is written', () => {
    const a = importSegments(HEADER + 'AzTV,X,2024-01-15,9:05,30,oruc_zahid,0,direct,\n', {
      entities,
    });
    const b = importSegments(HEADER + 'AzTV,Y,15.01.2024,09:05:00,45,Zahid Oruc,+,indirect,\n', {
      entities,
    });
    expect(a.items[0]!.id).toBe(b.items[0]!.id);
    expect(a.items[0]!.contentHash).not.toBe(b.items[0]!.contentHash);
  });

  it('keeps segments that differ only in time from being content duplicates', () => {
    const { items } = importSegments(
      HEADER +
        'AzTV,X,2024-01-15,21:00,30,oruc_zahid,0,direct,\nAzTV,X,2024-01-16,21:00,30,oruc_zahid,0,direct,\n',
      { entities },
    );
    expect(new Set(items.map((i) => i.contentHash)).size).toBe(2);
  });

  it('reports bad rows by number and keeps the good ones', () => {
    const csv =
      HEADER +
      'AzTV,X,2024-01-15,21:00,30,oruc_zahid,0,direct,\n' +
      'AzTV,X,2024-01-15,21:01,soon,oruc_zahid,0,direct,\n' +
      'AzTV,X,2024-13-15,21:02,30,oruc_zahid,0,direct,\n' +
      'AzTV,X,2024-01-15,21:03,30,nobody,0,direct,\n' +
      'AzTV,X,2024-01-15,21:04,30,yap,great,direct,\n' +
      'AzTV,X,2024-01-15,21:00,30,oruc_zahid,+,direct,\n' +
      'AzTV,X,2024-01-15,21:05,30,yap,-,indirect,\n';
    const { items, errors } = importSegments(csv, { entities });
    expect(items.map((i) => i.mentions[0]!.entity)).toEqual(['oruc_zahid', 'yap']);
    expect(items[1]!.mentions[0]!.type).toBe('party');
    expect(errors.map((e) => e.row)).toEqual([2, 3, 4, 5, 6]);
    expect(errors[0]!.message).toMatch(/duration "soon"/);
    expect(errors[1]!.message).toMatch(/date/);
    expect(errors[2]!.message).toMatch(/unknown subject "nobody"/);
    expect(errors[3]!.message).toMatch(/tone "great"/);
    expect(errors[4]!.message).toMatch(/as row 1/);
  });

  it('takes ownership and channel id from columns, else the lookup, else public with a warning', () => {
    const csv =
      'channel,channel_id,ownership,programme,date,start,duration,subject,tone,speech,lang\n' +
      'Radio Azadlıq,azadliq,international,Xəbər,2024-01-15,08:00,60,oruc_zahid,0,direct,ru\n' +
      'Kanal 13,,,Efir,2024-01-15,09:00,60,oruc_zahid,0,direct,\n' +
      'Kanal 13,,,Efir,2024-01-15,10:00,60,oruc_zahid,0,direct,\n' +
      'Kanal 13,,statelike,Efir,2024-01-15,11:00,60,oruc_zahid,0,direct,\n';
    const { items, errors, warnings } = importSegments(csv, {
      entities,
      ownershipOf: () => undefined,
    });
    expect(items.map((i) => [i.source.id, i.source.ownership, i.lang])).toEqual([
      ['azadliq', 'international', 'ru'],
      ['kanal_13', 'public', 'az'],
      ['kanal_13', 'public', 'az'],
    ]);
    expect(warnings).toEqual([{ row: 2, message: expect.stringMatching(/assumed public/) }]);
    expect(errors).toEqual([{ row: 4, message: expect.stringMatching(/ownership "statelike"/) }]);
  });

  it('slugs channel names the way source ids are written', () => {
    expect(channelSlug('Xəzər TV')).toBe('xezer_tv');
    expect(channelSlug(' ARB Günəş ')).toBe('arb_gunes');
  });

  it('reads the AzTV fixture against the real 2024 candidate list', () => {
    const election = loadElection(
      resolve(import.meta.dirname, '../../../dictionaries/az-2024-presidential'),
    );
    const csv = readFileSync(
      resolve(import.meta.dirname, '../../fixtures/segments/aztv-2024-01.csv'),
      'utf8',
    );
    const { items, errors } = importSegments(csv, { entities: election.entities });
    expect(items).toHaveLength(10);
    expect(errors).toEqual([{ row: 10, message: expect.stringMatching(/qurbanov_ali/) }]);
  });
});
