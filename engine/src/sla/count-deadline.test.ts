import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Duration } from '../definition/sla.schema.ts';
import notice2027 from '../calendar/__fixtures__/hypothetical-2027-notice.json' with { type: 'json' };
import { addDuration } from '../calendar/add-duration.ts';
import { cnMainlandCalendar as calendar } from '../calendar/cn-mainland-calendar.ts';
import { formatLocalDateTime, parseLocalDateTime } from '../calendar/local-date-time.ts';
import { withCalendarYear } from '../calendar/with-calendar-year.ts';
import { countDeadline } from './count-deadline.ts';
import { pauseDeadline } from './pause-deadline.ts';
import { resumeDeadline } from './resume-deadline.ts';

const with2027 = withCalendarYear(calendar, notice2027);
const at = (text: string): Date => parseLocalDateTime(calendar, text);
const local = (due: { dueAt: Date }): string => formatLocalDateTime(calendar, due.dueAt);
const threeDays: Duration = { amount: 3, unit: 'workingDay' };

describe('countDeadline', () => {
  it('should give what addDuration gives when nothing happened to the limit', () => {
    const from = at('2026-03-02T09:30');
    expect(countDeadline(calendar, { from, limit: threeDays })).toEqual(addDuration(calendar, from, threeDays));
  });

  it('should replay a suspension as pausing and resuming the clock live does', () => {
    const from = at('2026-03-02T09:30');
    const live = resumeDeadline(calendar, at('2026-03-09T10:00'), pauseDeadline(calendar, at('2026-03-02T10:00'), addDuration(calendar, from, threeDays).dueAt, 'workingDay'), 'workingDay');
    const replayed = countDeadline(calendar, { from, limit: threeDays, changes: [{ type: 'pause', from: at('2026-03-02T10:00'), to: at('2026-03-09T10:00') }] });
    expect(replayed).toEqual(live);
    expect(local(replayed)).toBe('2026-03-12T17:00:00+08:00');
  });

  it('should tell the minutes left, and the deadline the limit had, while a suspension lasts', () => {
    const from = at('2026-03-02T09:30');
    const counted = countDeadline(calendar, { from, limit: threeDays, changes: [{ type: 'pause', from: at('2026-03-02T10:00') }] });
    expect(counted.remainingMinutes).toBe(6 * 60 + 3 * 7 * 60);
    expect(counted.dueAt).toEqual(addDuration(calendar, from, threeDays).dueAt);
  });

  it('should count an extension from the deadline the limit had, after the suspensions before it', () => {
    const from = at('2026-03-02T09:30');
    const counted = countDeadline(calendar, {
      from,
      limit: threeDays,
      changes: [
        { type: 'pause', from: at('2026-03-02T10:00'), to: at('2026-03-09T10:00') },
        { type: 'extend', by: { amount: 2, unit: 'workingDay' } },
      ],
    });
    expect(local(counted)).toBe('2026-03-16T17:00:00+08:00');
  });

  it('should move a resumed deadline that crosses New Year once the new notice is loaded', () => {
    const basis = {
      from: at('2026-12-14T09:00'),
      limit: { amount: 10, unit: 'workingDay' } as Duration,
      changes: [{ type: 'pause' as const, from: at('2026-12-16T09:00'), to: at('2026-12-22T09:00') }],
    };
    const before = countDeadline(calendar, basis);
    const after = countDeadline(with2027, basis);
    expect(before.provisional).toBe(true);
    expect(after.provisional).toBe(false);
    expect(local(before)).toBe('2027-01-01T17:00:00+08:00');
    expect(local(after)).toBe('2027-01-04T17:00:00+08:00');
  });

  it('should never end earlier for a suspension, nor for a newly loaded notice that only adds days off', () => {
    const instant = (min: number, max: number) =>
      fc.integer({ min: min / 60_000, max: max / 60_000 }).map((minute) => new Date(minute * 60_000));
    const from = instant(Date.UTC(2026, 9, 1), Date.UTC(2026, 11, 20));
    fc.assert(
      fc.property(from, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 20 * 24 * 60 }), fc.integer({ min: 0, max: 10 * 24 * 60 }), (start, days, pauseAfter, pauseFor) => {
        const limit: Duration = { amount: days, unit: 'workingDay' };
        const pauseFrom = new Date(start.getTime() + pauseAfter * 60_000);
        const basis = { from: start, limit, changes: [{ type: 'pause' as const, from: pauseFrom, to: new Date(pauseFrom.getTime() + pauseFor * 60_000) }] };
        const plain = countDeadline(calendar, { from: start, limit });
        const paused = countDeadline(calendar, basis);
        expect(paused.dueAt.getTime()).toBeGreaterThanOrEqual(plain.dueAt.getTime());
        expect(countDeadline(with2027, basis).dueAt.getTime()).toBeGreaterThanOrEqual(paused.dueAt.getTime());
      }),
    );
  });
});
