import { describe, expect, it } from 'vitest';
import { applyCalendarOverride } from './calendar-override.ts';
import { cnMainlandCalendar } from './cn-mainland-calendar.ts';
import { InvalidCalendarError } from './errors/invalid-calendar.error.ts';
import { formatLocalDateTime, parseLocalDateTime } from './local-date-time.ts';
import { addWorkingDays, describeDay, isWorkingDay } from './working-days.ts';

const district = applyCalendarOverride(cnMainlandCalendar, {
  key: 'cn-example-district',
  name: 'Example district',
  adjustments: [
    { date: '2026-03-06', working: false, reason: 'District notice 1: local festival' },
    { date: '2026-02-15', working: true, reason: 'District notice 2: service hall open' },
  ],
});

describe('applyCalendarOverride', () => {
  it('adds a jurisdiction’s days off and working days on top of the national notices', () => {
    expect(isWorkingDay(district, '2026-03-06')).toBe(false);
    expect(isWorkingDay(district, '2026-02-15')).toBe(true);
    expect(isWorkingDay(district, '2026-02-16')).toBe(false);
    expect(describeDay(district, '2026-03-06')).toMatchObject({ kind: 'adjustedDayOff', name: 'District notice 1: local festival' });
  });

  it('leaves the base calendar unchanged', () => {
    expect(isWorkingDay(cnMainlandCalendar, '2026-03-06')).toBe(true);
    expect(district.key).toBe('cn-example-district');
    expect(district.years).toEqual(cnMainlandCalendar.years);
  });

  it('shifts due dates by the extra day off', () => {
    const from = parseLocalDateTime(district, '2026-03-05T10:00');
    expect(addWorkingDays(district, from, 1).dueDate).toBe('2026-03-09');
    expect(addWorkingDays(cnMainlandCalendar, from, 1).dueDate).toBe('2026-03-06');
  });

  it('replaces a base adjustment of the same date, and may change the working hours', () => {
    const later = applyCalendarOverride(district, {
      key: 'cn-example-street',
      name: 'Example street',
      workingHours: [{ start: '08:30', end: '16:30' }],
      adjustments: [{ date: '2026-03-06', working: true, reason: 'Street notice: festival moved' }],
    });
    expect(later.adjustments.map((adjustment) => adjustment.date)).toEqual(['2026-02-15', '2026-03-06']);
    expect(isWorkingDay(later, '2026-03-06')).toBe(true);
    const due = addWorkingDays(later, parseLocalDateTime(later, '2026-03-05T10:00'), 1);
    expect(formatLocalDateTime(later, due.dueAt)).toBe('2026-03-06T16:30:00+08:00');
  });

  it('rejects an invalid override with invalid-calendar, quoting its key', () => {
    expect(() =>
      applyCalendarOverride(cnMainlandCalendar, {
        key: 'cn-bad',
        name: 'Bad',
        adjustments: [{ date: '2026-02-30', working: false, reason: 'typo' }],
      }),
    ).toThrow(new InvalidCalendarError('cn-bad', [{ path: 'adjustments[0].date', message: 'must be a date YYYY-MM-DD that exists' }]));
  });
});
