import { describe, expect, it } from 'vitest';
import { parseMachineDate, parseVisibleDate } from '../../../src/extract/dates.ts';

const opts = { defaultOffset: '+04:00' };

describe('visible dates', () => {
  it.each([
    ['15 yanvar 2024, 12:30', '2024-01-15T08:30:00.000Z'],
    ['Tarix: 3 İyun 2024 | 09:05', '2024-06-03T05:05:00.000Z'],
    ['15.01.2024 12:30', '2024-01-15T08:30:00.000Z'],
    ['12:30 / 15.01.2024', '2024-01-15T08:30:00.000Z'],
    ['15 января 2024 г., 18:00', '2024-01-15T14:00:00.000Z'],
    ['Опубликовано 7 февраля 2024', '2024-02-07T08:00:00.000Z'],
    ['January 15, 2024 3:05 pm', '2024-01-15T11:05:00.000Z'],
    ['1 Şubat 2024 14:00', '2024-02-01T10:00:00.000Z'],
  ])('%s', (text, iso) => {
    expect(parseVisibleDate(text, opts)).toBe(iso);
  });

  it('returns null when there is no date or it is impossible', () => {
    expect(parseVisibleDate('Bu gün hava yaxşıdır', opts)).toBeNull();
    expect(parseVisibleDate('45.13.2024', opts)).toBeNull();
  });
});

describe('machine dates', () => {
  it('keeps explicit zones and applies the default offset otherwise', () => {
    expect(parseMachineDate('2024-02-07T08:00:00Z', opts)).toBe('2024-02-07T08:00:00.000Z');
    expect(parseMachineDate('2024-02-07T08:00:00+0300', opts)).toBe('2024-02-07T05:00:00.000Z');
    expect(parseMachineDate('2024-02-07 08:00', opts)).toBe('2024-02-07T04:00:00.000Z');
    expect(parseMachineDate('2024-02-07', opts)).toBe('2024-02-07T08:00:00.000Z');
  });
});
