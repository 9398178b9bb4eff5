import { describe, expect, it } from 'vitest';
import type { DueDate } from './calendar.types.ts';
import { cnMainlandCalendar as calendar } from './cn-mainland-calendar.ts';
import { InvalidDurationError } from './errors/invalid-duration.error.ts';
import { formatLocalDateTime, parseLocalDateTime } from './local-date-time.ts';
import { addWorkingHours, addWorkingMinutes, workingMinutesBetween } from './working-time.ts';

const at = (text: string): Date => parseLocalDateTime(calendar, text);
const local = (due: DueDate): string => formatLocalDateTime(calendar, due.dueAt);

describe('addWorkingHours', () => {
  it('carries what does not fit today into the next working morning: 16:00 + 2 h → 10:00', () => {
    expect(local(addWorkingHours(calendar, at('2026-03-02T16:00'), 2))).toBe('2026-03-03T10:00:00+08:00');
  });

  it('starts an event after hours at the next working morning: 18:00 + 2 h → 11:00', () => {
    expect(local(addWorkingHours(calendar, at('2026-03-02T18:00'), 2))).toBe('2026-03-03T11:00:00+08:00');
  });

  it('skips the lunch break', () => {
    expect(local(addWorkingHours(calendar, at('2026-03-02T11:00'), 2))).toBe('2026-03-02T14:00:00+08:00');
    expect(local(addWorkingHours(calendar, at('2026-03-02T12:30'), 1))).toBe('2026-03-02T14:00:00+08:00');
  });

  it('ends at close of business when the limit uses up the day exactly', () => {
    const due = addWorkingHours(calendar, at('2026-03-02T16:00'), 1);
    expect(local(due)).toBe('2026-03-02T17:00:00+08:00');
    expect(due.dueDate).toBe('2026-03-02');
  });

  it('crosses the Spring Festival break through the make-up Saturday', () => {
    expect(local(addWorkingHours(calendar, at('2026-02-13T16:00'), 2))).toBe('2026-02-14T10:00:00+08:00');
    expect(local(addWorkingHours(calendar, at('2026-02-14T16:00'), 2))).toBe('2026-02-24T10:00:00+08:00');
  });

  it('counts fractional hours', () => {
    expect(local(addWorkingHours(calendar, at('2026-03-02T09:00'), 1.5))).toBe('2026-03-02T10:30:00+08:00');
  });

  it('marks a count that reaches 2027 provisional', () => {
    expect(addWorkingHours(calendar, at('2026-12-31T16:00'), 2)).toMatchObject({ dueDate: '2027-01-01', provisional: true });
    expect(addWorkingHours(calendar, at('2026-12-31T15:00'), 2).provisional).toBe(false);
  });

  it('rejects a negative or non-finite count with invalid-duration', () => {
    expect(() => addWorkingHours(calendar, at('2026-03-02'), -2)).toThrow(InvalidDurationError);
    expect(() => addWorkingHours(calendar, at('2026-03-02'), Number.NaN)).toThrow(/not a finite number/);
  });
});

describe('addWorkingMinutes', () => {
  it('continues in the next period one minute past a period’s end', () => {
    expect(local(addWorkingMinutes(calendar, at('2026-03-02T11:59'), 2))).toBe('2026-03-02T13:01:00+08:00');
  });

  it('gives the start of the next working period for zero minutes outside working time', () => {
    expect(local(addWorkingMinutes(calendar, at('2026-03-02T12:10'), 0))).toBe('2026-03-02T13:00:00+08:00');
    expect(local(addWorkingMinutes(calendar, at('2026-03-02T10:10'), 0))).toBe('2026-03-02T10:10:00+08:00');
  });
});

describe('workingMinutesBetween', () => {
  it('counts only working periods of working days', () => {
    expect(workingMinutesBetween(calendar, at('2026-03-02T08:00'), at('2026-03-02T20:00'))).toEqual({ minutes: 420, provisional: false });
    expect(workingMinutesBetween(calendar, at('2026-02-13T10:00'), at('2026-02-24T10:00')).minutes).toBe(6 * 60 + 7 * 60 + 60);
  });

  it('is zero when the end is not after the start', () => {
    expect(workingMinutesBetween(calendar, at('2026-03-03T10:00'), at('2026-03-02T10:00'))).toEqual({ minutes: 0, provisional: false });
  });

  it('keeps fractions of a minute', () => {
    expect(workingMinutesBetween(calendar, at('2026-03-02T10:00'), at('2026-03-02T10:00:30')).minutes).toBe(0.5);
  });

  it('is provisional only when working time of an unloaded year lies inside the span', () => {
    expect(workingMinutesBetween(calendar, at('2026-12-31T10:00'), at('2027-01-01T00:00')).provisional).toBe(false);
    expect(workingMinutesBetween(calendar, at('2026-12-31T10:00'), at('2027-01-01T10:00'))).toEqual({ minutes: 420, provisional: true });
  });
});
