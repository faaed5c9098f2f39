import { describe, expect, it } from 'vitest';
import {
  parseDate,
  parseDuration,
  parseSpeech,
  parseStart,
  parseTone,
  readSegmentTable,
} from '../../../src/pipeline/segments-csv.ts';

const value = <T>(p: { ok: true; value: T } | { ok: false; message: string }) =>
  p.ok ? p.value : `error: ${p.message}`;

describe('segment cell readers', () => {
  it('reads durations in seconds, mm:ss and hh:mm:ss', () => {
    expect(value(parseDuration('95'))).toBe(95);
    expect(value(parseDuration('12.5'))).toBe(12.5);
    expect(value(parseDuration('12,5'))).toBe(12.5);
    expect(value(parseDuration('1:35'))).toBe(95);
    expect(value(parseDuration('01:02:03'))).toBe(3723);
    for (const bad of ['', '0', '-5', 'abc', '1:75', '1:61:00', '90s'])
      expect(parseDuration(bad).ok, bad).toBe(false);
  });

  it('reads ISO and day.month.year dates and rejects impossible ones', () => {
    expect(value(parseDate('2024-01-15'))).toBe('2024-01-15');
    expect(value(parseDate('5.2.2024'))).toBe('2024-02-05');
    expect(value(parseDate('07/02/2024'))).toBe('2024-02-07');
    for (const bad of ['2024-02-30', '15/01/24', 'dünən', ''])
      expect(parseDate(bad).ok, bad).toBe(false);
  });

  it('reads start times, defaulting to Baku time unless a zone is written', () => {
    expect(value(parseStart('9:05'))).toEqual({ time: '09:05:00', zone: '+04:00' });
    expect(value(parseStart('21:04:10'))).toEqual({ time: '21:04:10', zone: '+04:00' });
    expect(value(parseStart('17:00Z'))).toEqual({ time: '17:00:00', zone: 'Z' });
    expect(value(parseStart('20:00 +0300'))).toEqual({ time: '20:00:00', zone: '+03:00' });
    for (const bad of ['24:00', '21:60', '2100', '']) expect(parseStart(bad).ok, bad).toBe(false);
  });

  it('reads tone words, signs and Azerbaijani words in any case', () => {
    expect(['Positive', '+', 'MÜSBƏT', 'pos'].map((t) => value(parseTone(t)))).toEqual(
      Array(4).fill('positive'),
    );
    expect(['neutral', '0', 'Neytral'].map((t) => value(parseTone(t)))).toEqual(
      Array(3).fill('neutral'),
    );
    expect(['NEGATIVE', '-', 'mənfi', 'Menfi'].map((t) => value(parseTone(t)))).toEqual(
      Array(4).fill('negative'),
    );
    expect(parseTone('good').ok).toBe(false);
    expect(value(parseSpeech('DOLAYI'))).toBe('indirect');
    expect(value(parseSpeech('Birbaşa'))).toBe('direct');
    expect(parseSpeech('both').ok).toBe(false);
  });
});

describe('readSegmentTable', () => {
  it('accepts a BOM, Azerbaijani headers in any case and quoted fields with commas and newlines', () => {
    const csv =
      '\uFEFFKanal;Proqram;TARIX;Başlanğıc;Müddət;Subyekt;Ton;Nitq;Kodlayıcı\r\n' +
      'AzTV;"Gündəm; axşam\r\n(təkrar)";2024-01-15;21:00;90;oruc_zahid;0;birbaşa;"Aynur ""A"" M."\r\n';
    const t = readSegmentTable(csv);
    expect(t.errors).toEqual([]);
    expect(t.rows).toEqual([
      {
        row: 1,
        cells: {
          channel: 'AzTV',
          programme: 'Gündəm; axşam (təkrar)',
          date: '2024-01-15',
          start: '21:00',
          duration: '90',
          subject: 'oruc_zahid',
          tone: '0',
          speech: 'birbaşa',
          coder: 'Aynur "A" M.',
        },
      },
    ]);
  });

  it('accepts the English aliases and skips blank lines without renumbering rows', () => {
    const csv =
      'Channel,Program,Date,Start,Duration_Sec,Subject,Tone,Speech\n' +
      'ATV,News,2024-01-15,20:00,30,oruc_zahid,+,direct\n,,,,,,,\n' +
      'ATV,News,2024-01-15,20:01,30,oruc_zahid,+,direct\n';
    const t = readSegmentTable(csv);
    expect(t.rows.map((r) => [r.row, r.cells.duration, r.cells.programme])).toEqual([
      [1, '30', 'News'],
      [3, '30', 'News'],
    ]);
  });

  it('fails the whole file when a required column is missing', () => {
    const t = readSegmentTable(
      'channel,programme,date,start,subject,tone\nAzTV,X,2024-01-15,21:00,a,+\n',
    );
    expect(t.rows).toEqual([]);
    expect(t.errors).toHaveLength(1);
    expect(t.errors[0]!.row).toBe(0);
    expect(t.errors[0]!.message).toMatch(/duration.*speech/);
  });

  it('reports a row with more fields than the header', () => {
    const t = readSegmentTable(
      'channel,programme,date,start,duration,subject,tone,speech\nAzTV,X,2024-01-15,21:00,30,a,+,direct,extra\n',
    );
    expect(t.rows).toEqual([]);
    expect(t.errors).toEqual([{ row: 1, message: expect.stringMatching(/9 fields/) }]);
  });
});
