import { describe, expect, it } from 'vitest';
import { cnMainlandCalendar as calendar } from './cn-mainland-calendar.ts';
import { InvalidCalendarError } from './errors/invalid-calendar.error.ts';
import { InvalidDateError } from './errors/invalid-date.error.ts';
import { formatLocalDate, formatLocalDateTime, parseLocalDateTime } from './local-date-time.ts';

const newYork = { timeZone: 'America/New_York' };

describe('parseLocalDateTime', () => {
  it('reads a date as local midnight of the calendar’s time zone', () => {
    expect(parseLocalDateTime(calendar, '2026-02-13').toISOString()).toBe('2026-02-12T16:00:00.000Z');
  });

  it('reads a local date-time, with or without seconds and milliseconds', () => {
    expect(parseLocalDateTime(calendar, '2026-02-13T16:00').toISOString()).toBe('2026-02-13T08:00:00.000Z');
    expect(parseLocalDateTime(calendar, '2026-02-13 16:00:05').toISOString()).toBe('2026-02-13T08:00:05.000Z');
    expect(parseLocalDateTime(calendar, '2026-02-13T16:00:05.25').toISOString()).toBe('2026-02-13T08:00:05.250Z');
  });

  it('reads an ISO date-time with an offset as that instant, whatever the calendar', () => {
    expect(parseLocalDateTime(calendar, '2026-02-13T16:00:00Z').toISOString()).toBe('2026-02-13T16:00:00.000Z');
    expect(parseLocalDateTime(calendar, '2026-02-13T16:00:00-05:00').toISOString()).toBe('2026-02-13T21:00:00.000Z');
    expect(parseLocalDateTime(calendar, '2026-02-13T16:00+0800').toISOString()).toBe('2026-02-13T08:00:00.000Z');
  });

  it.each(['2026-02-30', '2026-13-01', '2026-02-13T24:00', '2026-02-13T16:60', '2026-02-13T16:00+25:00', '13/02/2026', '', '2026-02-13T16'])(
    'rejects %j with invalid-date',
    (text) => {
      expect(() => parseLocalDateTime(calendar, text)).toThrow(InvalidDateError);
    },
  );

  it('moves a local time inside a spring-forward gap forward by the gap', () => {
    expect(formatLocalDateTime(newYork, parseLocalDateTime(newYork, '2026-03-08T02:30'))).toBe('2026-03-08T03:30:00-04:00');
  });

  it('reads a local time that occurs twice as the earlier instant', () => {
    expect(parseLocalDateTime(newYork, '2026-11-01T01:30').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('formatLocalDateTime', () => {
  it('writes ISO 8601 with the calendar’s offset', () => {
    expect(formatLocalDateTime(calendar, new Date('2026-02-24T09:00:00Z'))).toBe('2026-02-24T17:00:00+08:00');
    expect(formatLocalDateTime(calendar, new Date('2026-02-24T09:00:00.5Z'))).toBe('2026-02-24T17:00:00.500+08:00');
  });

  it('writes the offset in force at the instant', () => {
    expect(formatLocalDateTime(newYork, new Date('2026-01-15T17:00:00Z'))).toBe('2026-01-15T12:00:00-05:00');
    expect(formatLocalDateTime(newYork, new Date('2026-07-15T16:00:00Z'))).toBe('2026-07-15T12:00:00-04:00');
  });

  it('round-trips with parseLocalDateTime', () => {
    const text = '2026-10-10T09:15:30+08:00';
    expect(formatLocalDateTime(calendar, parseLocalDateTime(calendar, text))).toBe(text);
  });

  it('rejects Invalid Date with invalid-date', () => {
    expect(() => formatLocalDateTime(calendar, new Date(Number.NaN))).toThrow(InvalidDateError);
  });
});

describe('a time zone Intl does not know', () => {
  it('is rejected with invalid-calendar', () => {
    expect(() => formatLocalDateTime({ timeZone: 'Mars/Olympus_Mons' }, new Date(0))).toThrow(InvalidCalendarError);
    expect(() => parseLocalDateTime({ timeZone: 'Mars/Olympus_Mons' }, '2026-02-13')).toThrow(/'Mars\/Olympus_Mons' is not an IANA time zone/);
  });
});

describe('formatLocalDate', () => {
  it('gives the local date, which may differ from the UTC date', () => {
    expect(formatLocalDate(calendar, new Date('2026-02-13T16:30:00Z'))).toBe('2026-02-14');
  });
});
