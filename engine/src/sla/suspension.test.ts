import { describe, expect, it } from 'vitest';
import { cnMainlandCalendar as calendar } from '../calendar/cn-mainland-calendar.ts';
import { InvalidDurationError } from '../calendar/errors/invalid-duration.error.ts';
import { formatLocalDateTime, parseLocalDateTime } from '../calendar/local-date-time.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import { pauseDeadline } from './pause-deadline.ts';
import { resumeDeadline } from './resume-deadline.ts';

const at = (text: string): Date => parseLocalDateTime(calendar, text);
const local = (due: { dueAt: Date }): string => formatLocalDateTime(calendar, due.dueAt);

describe('pauseDeadline and resumeDeadline', () => {
  const dueAt = addWorkingDays(calendar, at('2026-03-02T09:30'), 3).dueAt;

  it('keeps the working minutes left and adds them back from the resumption', () => {
    const remaining = pauseDeadline(calendar, at('2026-03-02T10:00'), dueAt);
    expect(remaining).toBe(6 * 60 + 3 * 7 * 60);
    expect(local(resumeDeadline(calendar, at('2026-03-09T10:00'), remaining))).toBe('2026-03-12T17:00:00+08:00');
  });

  it('does not count a suspension over the Spring Festival break twice', () => {
    const due = addWorkingDays(calendar, at('2026-02-11T10:00'), 2).dueAt;
    const remaining = pauseDeadline(calendar, at('2026-02-12T17:00'), due, 'workingDay');
    expect(remaining).toBe(7 * 60);
    expect(local(resumeDeadline(calendar, at('2026-02-20T10:00'), remaining, 'workingDay'))).toBe('2026-02-24T17:00:00+08:00');
  });

  it('counts elapsed minutes for elapsed-time limits', () => {
    const due = at('2026-03-02T20:00');
    const remaining = pauseDeadline(calendar, at('2026-03-02T18:00'), due, 'hour');
    expect(remaining).toBe(120);
    expect(local(resumeDeadline(calendar, at('2026-03-07T23:00'), remaining, 'hour'))).toBe('2026-03-08T01:00:00+08:00');
  });

  it('leaves nothing to a clock paused after it ran out, which is due again at resumption', () => {
    expect(pauseDeadline(calendar, at('2026-03-06T10:00'), dueAt)).toBe(0);
    expect(pauseDeadline(calendar, at('2026-03-06T10:00'), dueAt, 'calendarDay')).toBe(0);
    expect(local(resumeDeadline(calendar, at('2026-03-09T20:00'), 0))).toBe('2026-03-09T20:00:00+08:00');
  });

  it('rejects a negative or non-finite remainder', () => {
    expect(() => resumeDeadline(calendar, at('2026-03-09T10:00'), -5)).toThrow(InvalidDurationError);
    expect(() => resumeDeadline(calendar, at('2026-03-09T10:00'), Number.NaN)).toThrow(/remaining minutes/);
  });
});
