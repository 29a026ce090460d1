import { describe, expect, it } from 'vitest';
import {
  compareDates,
  formatIsoDate,
  formatMachineDate,
  formatReadableDate,
  parseDate,
  toFullDay,
} from '../../src/domain/dates';

describe('dates at their precision', () => {
  it.each([
    [2024, [[2024]], '2024', '2024'],
    ['2024', [[2024]], '2024', '2024'],
    ['2024-05', [[2024, 5]], '2024-05', 'May 2024'],
    ['2024-05-22', [[2024, 5, 22]], '2024-05-22', 'May 22, 2024'],
    [
      '2024-05-20/2024-05-24',
      [
        [2024, 5, 20],
        [2024, 5, 24],
      ],
      '2024-05-20/2024-05-24',
      'May 20–24, 2024',
    ],
    [
      '2024-05-30/2024-06-02',
      [
        [2024, 5, 30],
        [2024, 6, 2],
      ],
      '2024-05-30/2024-06-02',
      'May 30 – Jun 2, 2024',
    ],
    ['2019/2021', [[2019], [2021]], '2019/2021', '2019–2021'],
    ['0001-01-01', [[1, 1, 1]], '0001-01-01', 'Jan 1, 1'],
    ['2000-02-29', [[2000, 2, 29]], '2000-02-29', 'Feb 29, 2000'],
  ])('%s', (input, parts, iso, readable) => {
    const date = parseDate(input);
    expect(date['date-parts']).toEqual(parts);
    expect(formatIsoDate(date)).toBe(iso);
    expect(formatReadableDate(date)).toBe(readable);
  });

  it('keeps circa', () => {
    const date = parseDate('1850~');
    expect(date).toEqual({ 'date-parts': [[1850]], circa: true });
    expect(formatReadableDate(date)).toBe('c. 1850');
    expect(formatIsoDate(date)).toBe('1850~');
  });

  it.each([
    ['2024-02-30', /not a real calendar date \(Feb 2024 has 29 days\)/],
    ['1900-02-29', /Feb 1900 has 28 days/],
    ['2024-13', /no month 13/],
    ['0000', /year 0000/],
    ['2024-5-2', /not a date/],
    ['2024-03-01T23:00:00-05:00', /not a date/],
    ['2025/2024', /ends before it starts/],
    ['May 2024', /not a date/],
  ])('refuses %s', (input, message) => {
    expect(() => parseDate(input)).toThrow(message);
  });

  it('never invents a day: no full day for a year or month, HTML datetime at the given precision', () => {
    expect(toFullDay(parseDate('2024'))).toBeUndefined();
    expect(toFullDay(parseDate('2024-05'))).toBeUndefined();
    expect(toFullDay(parseDate('2024-05-22'))?.toISOString()).toBe('2024-05-22T00:00:00.000Z');
    expect(toFullDay(parseDate('0099-01-02'))?.getUTCFullYear()).toBe(99);
    expect(formatMachineDate(parseDate('2024-05'))).toBe('2024-05');
  });

  it('orders by start date; at equal known parts the less precise date first; undated last', () => {
    const sorted = ['2024-05-22', undefined, '2024', '2023-12-31', '2024-05'].map((value) =>
      value === undefined ? undefined : parseDate(value),
    );
    sorted.sort(compareDates);
    expect(sorted.map((date) => (date ? formatIsoDate(date) : 'n.d.'))).toEqual([
      '2023-12-31',
      '2024',
      '2024-05',
      '2024-05-22',
      'n.d.',
    ]);
  });
});
