import { describe, expect, it } from 'vitest';
import type { TaskSla } from '../definition/sla.schema.ts';
import { cnMainlandCalendar as calendar } from '../calendar/cn-mainland-calendar.ts';
import { InvalidDurationError } from '../calendar/errors/invalid-duration.error.ts';
import { formatLocalDateTime, parseLocalDateTime } from '../calendar/local-date-time.ts';
import { caseDeadline } from './case-deadline.ts';
import { InvalidSlaError } from './invalid-sla.error.ts';
import { taskDeadlines } from './task-deadlines.ts';

const activatedAt = parseLocalDateTime(calendar, '2026-02-13T10:00');
const local = (due: { dueAt: Date } | undefined): string | undefined => due && formatLocalDateTime(calendar, due.dueAt);

describe('taskDeadlines', () => {
  it('warns at the promised limit and breaches at the statutory one (fire-safety pledge mode: 1 and 20 WD)', () => {
    const deadlines = taskDeadlines(
      calendar,
      { promised: { amount: 1, unit: 'workingDay' }, statutory: { amount: 20, unit: 'workingDay' } },
      activatedAt,
    );
    expect(local(deadlines.atRisk)).toBe('2026-02-14T17:00:00+08:00');
    expect(local(deadlines.breach)).toBe('2026-03-19T17:00:00+08:00');
  });

  it('gives only the deadline whose limit is set', () => {
    expect(taskDeadlines(calendar, { statutory: { amount: 4, unit: 'workingHour' } }, activatedAt)).toEqual({
      breach: { dueDate: '2026-02-13', dueAt: parseLocalDateTime(calendar, '2026-02-13T15:00'), provisional: false },
    });
    expect(Object.keys(taskDeadlines(calendar, { promised: { amount: 2, unit: 'hour' } }, activatedAt))).toEqual(['atRisk']);
  });

  it('rejects an SLA with neither limit, or a limit that cannot be counted', () => {
    expect(() => taskDeadlines(calendar, {} as TaskSla, activatedAt)).toThrow(InvalidSlaError);
    expect(() => taskDeadlines(calendar, {} as TaskSla, activatedAt)).toThrow(expect.objectContaining({ code: 'invalid-sla' }));
    expect(() => taskDeadlines(calendar, { statutory: { amount: 1.5, unit: 'workingDay' } }, activatedAt)).toThrow(InvalidDurationError);
  });
});

describe('caseDeadline', () => {
  it('counts the promised total from acceptance', () => {
    const acceptedAt = parseLocalDateTime(calendar, '2026-09-30T16:30');
    expect(local(caseDeadline(calendar, { amount: 5, unit: 'workingDay' }, acceptedAt))).toBe('2026-10-13T17:00:00+08:00');
  });
});
