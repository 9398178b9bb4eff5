import { describe, expect, it } from 'vitest';
import type { Duration } from '../definition/sla.schema.ts';
import { addDuration } from './add-duration.ts';
import { cnMainlandCalendar as calendar } from './cn-mainland-calendar.ts';
import { InvalidDurationError } from './errors/invalid-duration.error.ts';
import { formatLocalDateTime, parseLocalDateTime } from './local-date-time.ts';

const from = parseLocalDateTime(calendar, '2026-02-13T16:00');
const due = (duration: Duration) => {
  const result = addDuration(calendar, from, duration);
  return { dueDate: result.dueDate, dueAt: formatLocalDateTime(calendar, result.dueAt), provisional: result.provisional };
};

describe('addDuration', () => {
  it('counts working days to close of business', () => {
    expect(due({ amount: 5, unit: 'workingDay' })).toEqual({ dueDate: '2026-02-27', dueAt: '2026-02-27T17:00:00+08:00', provisional: false });
  });

  it('counts working hours inside working periods', () => {
    expect(due({ amount: 2, unit: 'workingHour' })).toEqual({ dueDate: '2026-02-14', dueAt: '2026-02-14T10:00:00+08:00', provisional: false });
  });

  it('counts calendar days through holidays to 24:00 of the last day', () => {
    expect(due({ amount: 3, unit: 'calendarDay' })).toEqual({ dueDate: '2026-02-16', dueAt: '2026-02-17T00:00:00+08:00', provisional: false });
  });

  it('counts hours as elapsed time', () => {
    expect(due({ amount: 24, unit: 'hour' })).toEqual({ dueDate: '2026-02-14', dueAt: '2026-02-14T16:00:00+08:00', provisional: false });
    expect(due({ amount: 8, unit: 'hour' })).toEqual({ dueDate: '2026-02-13', dueAt: '2026-02-14T00:00:00+08:00', provisional: false });
  });

  it('rejects a duration the definition schema rejects, or fractional days', () => {
    expect(() => addDuration(calendar, from, { amount: 0, unit: 'workingDay' })).toThrow(InvalidDurationError);
    expect(() => addDuration(calendar, from, { amount: 2, unit: 'week' as Duration['unit'] })).toThrow(/Duration 2 week cannot be counted/);
    expect(() => addDuration(calendar, from, { amount: 0.5, unit: 'calendarDay' })).toThrow(/days are counted whole/);
  });
});
