import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Duration, SlaUnit } from '../definition/sla.schema.ts';
import type { BusinessCalendar } from '../calendar/calendar.types.ts';
import { addDuration } from '../calendar/add-duration.ts';
import { cnMainlandCalendar } from '../calendar/cn-mainland-calendar.ts';
import { COUNTABLE_RANGE, durationProblem, MAX_DURATION } from '../calendar/countable-range.ts';
import { defineCalendar } from '../calendar/define-calendar.ts';
import { workingMinutesBetween } from '../calendar/working-time.ts';
import { countDeadline } from './count-deadline.ts';
import { pauseDeadline } from './pause-deadline.ts';
import { resumeDeadline } from './resume-deadline.ts';

/** Weekends-only calendars at the ends of the offsets, one with daylight saving time and a one-hour working day. */
const weekendsOnly = (key: string, timeZone: string, workingHours: BusinessCalendar['workingHours']): BusinessCalendar =>
  defineCalendar({ key, name: `Weekends only in ${timeZone}`, timeZone, workingHours, years: [] });
const calendars: [string, BusinessCalendar][] = [
  ['cn-mainland', cnMainlandCalendar],
  ['UTC+14', weekendsOnly('test-kiritimati', 'Pacific/Kiritimati', [{ start: '09:00', end: '17:00' }])],
  ['UTC−12', weekendsOnly('test-baker', 'Etc/GMT+12', [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }])],
  ['one hour a day, with daylight saving time', weekendsOnly('test-berlin', 'Europe/Berlin', [{ start: '10:00', end: '11:00' }])],
];

const FIRST = Date.parse(COUNTABLE_RANGE.from);
const LAST = Date.parse(COUNTABLE_RANGE.to);
/** Any instant of the countable range, its ends included, to the millisecond. */
const instant = fc.oneof(fc.integer({ min: FIRST, max: LAST }), fc.constantFrom(FIRST, LAST)).map((ms) => new Date(ms));
const units: SlaUnit[] = ['workingDay', 'workingHour', 'calendarDay', 'hour'];
/** Any limit a definition may set: whole days, hours to the minute, the maximum of each unit often. */
const limit: fc.Arbitrary<Duration> = fc.constantFrom(...units).chain((unit) => {
  const max = MAX_DURATION[unit];
  const amount = unit === 'workingDay' || unit === 'calendarDay' ? fc.integer({ min: 1, max }) : fc.integer({ min: 1, max: max * 60 }).map((minutes) => minutes / 60);
  return fc.record({ amount: fc.oneof(amount, fc.constant(max)), unit: fc.constant(unit) });
});

describe.each(calendars)('counting on %s', (_, calendar) => {
  it('never throws for a limit a definition may set, from any instant of the countable range', () => {
    fc.assert(
      fc.property(instant, limit, (from, duration) => {
        expect(durationProblem(duration)).toBeUndefined();
        const due = addDuration(calendar, from, duration);
        expect(due.dueAt.getTime()).toBeGreaterThan(from.getTime());
        const extended = countDeadline(calendar, { from, limit: duration, changes: [{ type: 'extend', by: { amount: MAX_DURATION[duration.unit], unit: duration.unit } }] });
        expect(extended.dueAt.getTime()).toBeGreaterThanOrEqual(due.dueAt.getTime());
        const left = pauseDeadline(calendar, from, due.dueAt, duration.unit);
        expect(resumeDeadline(calendar, due.dueAt, Math.ceil(left), duration.unit).dueAt.getTime()).toBeGreaterThanOrEqual(due.dueAt.getTime());
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('counts the working time between any two instants of the countable range', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(workingMinutesBetween(calendar, from, to).minutes).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 60 },
    );
    expect(workingMinutesBetween(calendar, new Date(FIRST), new Date(LAST)).minutes).toBeGreaterThan(0);
  }, 60_000);
});
