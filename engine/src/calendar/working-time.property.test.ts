import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './calendar.types.ts';
import { formatDayNumber, parseDayNumber } from './civil-date.ts';
import { cnMainlandCalendar } from './cn-mainland-calendar.ts';
import { applyCalendarOverride } from './calendar-override.ts';
import { defineCalendar } from './define-calendar.ts';
import { addCalendarDays } from './elapsed-time.ts';
import { formatLocalDate, formatLocalDateTime, parseLocalDateTime } from './local-date-time.ts';
import { addWorkingDays, isWorkingDay } from './working-days.ts';
import { addWorkingMinutes, workingMinutesBetween } from './working-time.ts';

const newYork = defineCalendar({
  key: 'us-new-york-test',
  name: 'Weekends only, with daylight saving time',
  timeZone: 'America/New_York',
  workingHours: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }],
  years: [],
});

/** Instants on whole minutes from 2025-01-01 (Asia/Shanghai) to 2027 (2027 has no notice: provisional). */
const instant = fc
  .integer({ min: Date.UTC(2024, 11, 31, 16) / 60_000, max: Date.UTC(2027, 11, 31) / 60_000 })
  .map((minute) => new Date(minute * 60_000));

const WORKING_DAY_MINUTES = 7 * 60;

function isInsideWorkingPeriod(calendar: BusinessCalendar, at: Date): boolean {
  const time = formatLocalDateTime(calendar, at).slice(11, 19);
  const insidePeriod = calendar.workingHours.some((period) => time > `${period.start}:00` && time <= `${period.end}:00`);
  return insidePeriod && isWorkingDay(calendar, formatLocalDate(calendar, at));
}

describe.each([
  ['cn-mainland', cnMainlandCalendar],
  ['a daylight-saving zone', newYork],
])('working-time arithmetic on %s', (_, calendar) => {
  it('adds n working days that span exactly n working days after the day of the event', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), (from, n) => {
        const due = addWorkingDays(calendar, from, Math.max(n, 1));
        const firstDay = (parseDayNumber(formatLocalDate(calendar, from)) as number) + 1;
        const lastDay = parseDayNumber(due.dueDate) as number;
        const workingDays = Array.from({ length: lastDay - firstDay + 1 }, (__, index) => formatDayNumber(firstDay + index)).filter(
          (date) => isWorkingDay(calendar, date),
        );
        expect(workingDays).toHaveLength(Math.max(n, 1));
        const endOfEventDay = addCalendarDays(calendar, from, 0).dueAt;
        expect(workingMinutesBetween(calendar, endOfEventDay, due.dueAt).minutes).toBe(Math.max(n, 1) * WORKING_DAY_MINUTES);
      }),
    );
  });

  it('ends a working-day limit at close of business of a working day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), (from, n) => {
        const due = addWorkingDays(calendar, from, n);
        expect(isWorkingDay(calendar, due.dueDate)).toBe(true);
        expect(formatLocalDateTime(calendar, due.dueAt).slice(0, 19)).toBe(`${due.dueDate}T17:00:00`);
      }),
    );
  });

  it('ends a working-minute limit inside a working period of a working day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30_000 }), (from, minutes) => {
        expect(isInsideWorkingPeriod(calendar, addWorkingMinutes(calendar, from, minutes).dueAt)).toBe(true);
      }),
    );
  });

  it('measures back the working minutes it added', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30_000 }), (from, minutes) => {
        const due = addWorkingMinutes(calendar, from, minutes);
        expect(workingMinutesBetween(calendar, from, due.dueAt).minutes).toBe(minutes);
      }),
    );
  });

  it('reaches from one instant, by the working minutes up to a later one, the last working instant before it', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const minutes = workingMinutesBetween(calendar, from, to).minutes;
        const reached = addWorkingMinutes(calendar, from, minutes).dueAt;
        if (minutes > 0) expect(reached.getTime()).toBeLessThanOrEqual(to.getTime());
        expect(workingMinutesBetween(calendar, reached, to).minutes).toBe(0);
      }),
    );
  });

  it('never gives an earlier deadline for a later start', () => {
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 0, max: 10_000 }), (a, b, minutes) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const earlyDue = addWorkingMinutes(calendar, early, minutes).dueAt.getTime();
        expect(addWorkingMinutes(calendar, late, minutes).dueAt.getTime()).toBeGreaterThanOrEqual(earlyDue);
      }),
    );
  });
});

describe.each([
  ['cn-mainland', cnMainlandCalendar],
  ['a daylight-saving zone', newYork],
])('composing limits on %s', (_, calendar) => {
  it('counts a + b working days as a working days, then b more from that deadline', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), (from, a, b) => {
        const first = addWorkingDays(calendar, from, a).dueAt;
        expect(addWorkingDays(calendar, first, b).dueAt).toEqual(addWorkingDays(calendar, from, a + b).dueAt);
      }),
    );
  });

  it('counts a + b working minutes as a working minutes, then b more from where they end', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (from, a, b) => {
        const first = addWorkingMinutes(calendar, from, a).dueAt;
        expect(addWorkingMinutes(calendar, first, b).dueAt).toEqual(addWorkingMinutes(calendar, from, a + b).dueAt);
      }),
    );
  });
});

describe("a jurisdiction's extra day off", () => {
  it('never brings a deadline forward, and moves it only when the day falls inside the count', () => {
    const day = fc.integer({ min: 0, max: 700 }).map((offset) => formatDayNumber((parseDayNumber('2025-01-01') as number) + offset));
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30 }), day, (from, n, date) => {
        const local = applyCalendarOverride(cnMainlandCalendar, { key: 'cn-test-district', name: 'Test district', adjustments: [{ date, working: false, reason: 'test' }] });
        const before = addWorkingDays(cnMainlandCalendar, from, n);
        const after = addWorkingDays(local, from, n);
        expect(after.dueAt.getTime()).toBeGreaterThanOrEqual(before.dueAt.getTime());
        const inside = date > formatLocalDate(cnMainlandCalendar, from) && date <= before.dueDate && isWorkingDay(cnMainlandCalendar, date);
        expect(after.dueAt.getTime() > before.dueAt.getTime()).toBe(inside);
      }),
    );
  });
});

describe('provisional results', () => {
  it('are provisional exactly when the count reaches a working period of 2027', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30_000 }), (from, minutes) => {
        const due = addWorkingMinutes(cnMainlandCalendar, from, minutes);
        const reaches2027 = due.dueAt.getTime() > parseLocalDateTime(cnMainlandCalendar, '2027-01-01T09:00').getTime();
        expect(due.provisional).toBe(reaches2027);
      }),
    );
  });
});
