import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Duration } from '../definition/sla.schema.ts';
import { addDuration } from '../calendar/add-duration.ts';
import { cnMainlandCalendar } from '../calendar/cn-mainland-calendar.ts';
import notice2027 from '../calendar/__fixtures__/hypothetical-2027-notice.json' with { type: 'json' };
import { formatLocalDateTime, parseLocalDateTime } from '../calendar/local-date-time.ts';
import { withCalendarYear } from '../calendar/with-calendar-year.ts';
import { recomputeProvisional } from './recompute-provisional.ts';

/** `cn-mainland` with a made-up 2027 notice (New Year's Day, Friday 2027-01-01, off, and nothing else). */
const with2027 = withCalendarYear(cnMainlandCalendar, notice2027);

const at = (text: string): Date => parseLocalDateTime(cnMainlandCalendar, text);
const counted = (from: Date, limit: Duration) => ({ from, limit, due: addDuration(cnMainlandCalendar, from, limit) });

describe('recomputeProvisional', () => {
  it('should recount a deadline that crossed into an unloaded year once its notice is loaded', () => {
    const stored = { ...counted(at('2026-12-24T10:00'), { amount: 10, unit: 'workingDay' }), taskId: 'review#1' };
    expect(stored.due.provisional).toBe(true);
    expect(formatLocalDateTime(cnMainlandCalendar, stored.due.dueAt)).toBe('2027-01-07T17:00:00+08:00');
    const [updated] = recomputeProvisional(with2027, [stored]);
    expect(updated?.taskId).toBe('review#1');
    expect(updated?.changed).toBe(true);
    expect(updated?.due.provisional).toBe(false);
    expect(formatLocalDateTime(cnMainlandCalendar, updated?.due.dueAt as Date)).toBe('2027-01-08T17:00:00+08:00');
  });

  it('should leave deadlines that were not provisional as they were, and keep their order', () => {
    const firm = counted(at('2026-03-02T09:30'), { amount: 3, unit: 'workingDay' });
    const crossing = counted(at('2026-12-30T09:00'), { amount: 2, unit: 'workingHour' });
    const result = recomputeProvisional(with2027, [firm, crossing]);
    expect(result[0]).toEqual({ ...firm, changed: false });
    expect(result[1]?.due).toEqual(addDuration(with2027, crossing.from, crossing.limit));
  });

  it('should keep a deadline provisional while it still relies on a year with no notice', () => {
    const [updated] = recomputeProvisional(with2027, [counted(at('2026-12-24T10:00'), { amount: 300, unit: 'workingDay' })]);
    expect(updated?.due.provisional).toBe(true);
  });

  it('should equal counting afresh on the new calendar, and change nothing when no notice was added', () => {
    const instant = fc.integer({ min: Date.UTC(2026, 9, 1) / 60_000, max: Date.UTC(2026, 11, 31, 15) / 60_000 }).map((minute) => new Date(minute * 60_000));
    const limit: fc.Arbitrary<Duration> = fc.oneof(
      fc.record({ amount: fc.integer({ min: 1, max: 40 }), unit: fc.constantFrom('workingDay' as const, 'calendarDay' as const) }),
      fc.record({ amount: fc.integer({ min: 1, max: 300 }), unit: fc.constantFrom('workingHour' as const, 'hour' as const) }),
    );
    fc.assert(
      fc.property(instant, limit, (from, duration) => {
        const stored = counted(from, duration);
        const [updated] = recomputeProvisional(with2027, [stored]);
        expect(updated?.due).toEqual(stored.due.provisional ? addDuration(with2027, from, duration) : stored.due);
        expect(updated?.due.dueAt.getTime()).toBeGreaterThanOrEqual(stored.due.dueAt.getTime());
        expect(recomputeProvisional(cnMainlandCalendar, [stored])[0]?.changed).toBe(false);
      }),
    );
  });
});
