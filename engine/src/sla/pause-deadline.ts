import type { BusinessCalendar } from '../calendar/calendar.types.ts';
import type { SlaUnit } from '../definition/sla.schema.ts';
import { instantMs } from '../calendar/local-time.ts';
import { workingMinutesBetween } from '../calendar/working-time.ts';

/** True for the units counted in working time; the others count elapsed time. */
export function isWorkingTimeUnit(unit: SlaUnit): boolean {
  return unit === 'workingDay' || unit === 'workingHour';
}

/**
 * Suspends a clock (补正, or a period the law does not count, 行政许可法 art. 45): the time the
 * limit due at `dueAt` has left at `now`, in minutes, to store and hand to `resumeDeadline`.
 *
 * - Limits counted in working time (`workingDay`, `workingHour`, the default): working minutes
 *   left, `workingMinutesBetween(now, dueAt)`.
 * - Limits counted in elapsed time (`calendarDay`, `hour`): elapsed minutes left.
 *
 * Zero when the limit has already run out. Fractional when instants are not on whole minutes.
 *
 * Pure: performs no I/O.
 * @throws {InvalidDateError} when `now` or `dueAt` is `Invalid Date`.
 */
export function pauseDeadline(calendar: BusinessCalendar, now: Date, dueAt: Date, unit: SlaUnit = 'workingHour'): number {
  if (isWorkingTimeUnit(unit)) return workingMinutesBetween(calendar, now, dueAt).minutes;
  return Math.max(0, instantMs(dueAt) - instantMs(now)) / 60_000;
}
