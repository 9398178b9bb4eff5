import { describe, expect, it } from 'vitest';
import type { DueDate } from './calendar.types.ts';
import { cnMainlandCalendar as calendar } from './cn-mainland-calendar.ts';
import { InvalidDateError } from './errors/invalid-date.error.ts';
import { InvalidDurationError } from './errors/invalid-duration.error.ts';
import { formatLocalDateTime, parseLocalDateTime } from './local-date-time.ts';
import { addWorkingDays, isWorkingDay } from './working-days.ts';

const at = (text: string): Date => parseLocalDateTime(calendar, text);
const shown = (due: DueDate) => ({ dueDate: due.dueDate, dueAt: formatLocalDateTime(calendar, due.dueAt), provisional: due.provisional });
const due = (from: string, n: number) => shown(addWorkingDays(calendar, at(from), n));

describe('isWorkingDay', () => {
  it('treats a make-up Saturday (调休上班) as a working day and a holiday Monday as a day off', () => {
    expect(isWorkingDay(calendar, '2026-02-14')).toBe(true);
    expect(isWorkingDay(calendar, '2026-02-23')).toBe(false);
    expect(isWorkingDay(calendar, '2026-09-20')).toBe(true);
  });

  it('rejects a malformed or non-existent date with invalid-date', () => {
    expect(() => isWorkingDay(calendar, '2026-2-14')).toThrow(InvalidDateError);
    expect(() => isWorkingDay(calendar, '2026-02-29')).toThrow(/'2026-02-29' is not a valid date/);
  });
});

describe('addWorkingDays', () => {
  it('counts from the day after the event and ends at close of business (民法典 arts. 201, 203)', () => {
    expect(due('2026-03-02T09:30', 1)).toEqual({ dueDate: '2026-03-03', dueAt: '2026-03-03T17:00:00+08:00', provisional: false });
    expect(due('2026-03-02T23:59', 1).dueDate).toBe('2026-03-03');
  });

  it('lands on the make-up Saturday before the Spring Festival: Fri 2026-02-13 + 1', () => {
    expect(due('2026-02-13T10:00', 1)).toEqual({ dueDate: '2026-02-14', dueAt: '2026-02-14T17:00:00+08:00', provisional: false });
  });

  it('skips the 2026-02-15..02-23 Spring Festival break: Fri 2026-02-13 + 5 is Fri 02-27', () => {
    expect(due('2026-02-13T10:00', 2).dueDate).toBe('2026-02-24');
    expect(due('2026-02-13T10:00', 5)).toEqual({ dueDate: '2026-02-27', dueAt: '2026-02-27T17:00:00+08:00', provisional: false });
  });

  it('counts the make-up Saturday 2026-02-28 after the break', () => {
    expect(due('2026-02-26T10:00', 2).dueDate).toBe('2026-02-28');
  });

  it('skips Labour Day 05-01..05-05 and counts the make-up Saturday 05-09', () => {
    expect(due('2026-04-30T15:00', 1).dueDate).toBe('2026-05-06');
    expect(due('2026-04-30T15:00', 4).dueDate).toBe('2026-05-09');
    expect(due('2026-04-30T15:00', 5).dueDate).toBe('2026-05-11');
  });

  it('counts the make-up Sunday 09-20 and Saturday 10-10 around National Day 10-01..10-07', () => {
    expect(due('2026-09-18T10:00', 1).dueDate).toBe('2026-09-20');
    expect(due('2026-09-30T10:00', 1).dueDate).toBe('2026-10-08');
    expect(due('2026-09-30T10:00', 3).dueDate).toBe('2026-10-10');
    expect(due('2026-09-24T10:00', 1).dueDate).toBe('2026-09-28');
  });

  it('counts an event on a day off from the first working day after it', () => {
    expect(due('2026-02-15T10:00', 1).dueDate).toBe('2026-02-24');
    expect(due('2026-10-03', 20).dueDate).toBe('2026-11-03');
  });

  it('marks a limit that runs into 2027 provisional: 2026-12-24 + 10 is 2027-01-07 weekends-only', () => {
    expect(due('2026-12-24T10:00', 10)).toEqual({ dueDate: '2027-01-07', dueAt: '2027-01-07T17:00:00+08:00', provisional: true });
    expect(due('2026-12-24T10:00', 5).provisional).toBe(false);
    expect(due('2026-12-24T10:00', 6).provisional).toBe(true);
  });

  it('reads n = 0 as the same working day, or the next one on a day off', () => {
    expect(due('2026-03-02T10:00', 0).dueAt).toBe('2026-03-02T17:00:00+08:00');
    expect(due('2026-02-21T10:00', 0).dueAt).toBe('2026-02-24T17:00:00+08:00');
  });

  it('rejects a negative, fractional or non-finite count with invalid-duration', () => {
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addWorkingDays(calendar, at('2026-03-02'), n)).toThrow(InvalidDurationError);
    }
    expect(() => addWorkingDays(calendar, at('2026-03-02'), -1)).toThrow(/Duration -1 workingDay cannot be counted: it is negative/);
  });

  it('rejects an invalid instant with invalid-date', () => {
    expect(() => addWorkingDays(calendar, new Date(Number.NaN), 1)).toThrow(InvalidDateError);
  });
});
