import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Duration } from '../definition/sla.schema.ts';
import { addDuration } from '../calendar/add-duration.ts';
import { cnMainlandCalendar as calendar } from '../calendar/cn-mainland-calendar.ts';
import { pauseDeadline } from './pause-deadline.ts';
import { resumeDeadline } from './resume-deadline.ts';

const MINUTE = 60_000;
/** Instants on whole minutes through 2025 and 2026. */
const instant = fc.integer({ min: Date.UTC(2024, 11, 31, 16) / MINUTE, max: Date.UTC(2026, 11, 31) / MINUTE }).map((m) => new Date(m * MINUTE));
const duration: fc.Arbitrary<Duration> = fc.oneof(
  fc.record({ amount: fc.integer({ min: 1, max: 30 }), unit: fc.constantFrom('workingDay' as const, 'calendarDay' as const) }),
  fc.record({ amount: fc.integer({ min: 1, max: 200 }), unit: fc.constantFrom('workingHour' as const, 'hour' as const) }),
);
/** Offsets in minutes: up to about two months. */
const offset = fc.integer({ min: 0, max: 90_000 });

describe('a suspension', () => {
  it('never yields an earlier deadline than without it', () => {
    fc.assert(
      fc.property(instant, duration, offset, offset, (from, limit, toPause, pausedFor) => {
        const original = addDuration(calendar, from, limit).dueAt;
        const pausedAt = new Date(from.getTime() + toPause * MINUTE);
        const resumedAt = new Date(pausedAt.getTime() + pausedFor * MINUTE);
        const remaining = pauseDeadline(calendar, pausedAt, original, limit.unit);
        const resumed = resumeDeadline(calendar, resumedAt, remaining, limit.unit).dueAt;
        expect(resumed.getTime()).toBeGreaterThanOrEqual(original.getTime());
      }),
    );
  });

  it('changes nothing when the clock resumes the instant it paused, before the deadline', () => {
    fc.assert(
      fc.property(instant, duration, offset, (from, limit, toPause) => {
        const original = addDuration(calendar, from, limit).dueAt;
        const pausedAt = new Date(from.getTime() + toPause * MINUTE);
        fc.pre(pausedAt < original);
        const remaining = pauseDeadline(calendar, pausedAt, original, limit.unit);
        expect(resumeDeadline(calendar, pausedAt, remaining, limit.unit).dueAt).toEqual(original);
      }),
    );
  });
});
