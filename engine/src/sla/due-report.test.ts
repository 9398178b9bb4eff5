import { describe, expect, it } from 'vitest';
import { cnMainlandCalendar as calendar } from '../calendar/cn-mainland-calendar.ts';
import { InvalidDurationError } from '../calendar/errors/invalid-duration.error.ts';
import { parseLocalDateTime } from '../calendar/local-date-time.ts';
import type { DueLimit } from './due-report.ts';
import { dueReport } from './due-report.ts';

const from = (text: string): Date => parseLocalDateTime(calendar, text);

describe('dueReport', () => {
  it('prints exactly { from, dueDate, dueAt, provisional } for working days', () => {
    expect(dueReport(calendar, from('2026-02-13'), { workingDays: 5 })).toStrictEqual({
      from: '2026-02-13T00:00:00+08:00',
      dueDate: '2026-02-27',
      dueAt: '2026-02-27T17:00:00+08:00',
      provisional: false,
    });
  });

  it('prints working hours and a provisional date into 2027', () => {
    expect(dueReport(calendar, from('2026-02-13T16:00'), { workingHours: 2 })).toStrictEqual({
      from: '2026-02-13T16:00:00+08:00',
      dueDate: '2026-02-14',
      dueAt: '2026-02-14T10:00:00+08:00',
      provisional: false,
    });
    expect(dueReport(calendar, from('2026-12-24'), { workingDays: 10 })).toMatchObject({ dueDate: '2027-01-07', provisional: true });
  });

  it('rejects a limit with neither or both counts', () => {
    expect(() => dueReport(calendar, from('2026-02-13'), {} as DueLimit)).toThrow(InvalidDurationError);
    expect(() => dueReport(calendar, from('2026-02-13'), { workingDays: 1, workingHours: 1 } as DueLimit)).toThrow(/exactly one/);
  });
});
