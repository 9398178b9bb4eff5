import type { BusinessCalendar, DueDate } from '../calendar/calendar.types.ts';
import type { SlaUnit } from '../definition/sla.schema.ts';
import { MAX_SPAN_DAYS, checkAmount } from '../calendar/counting-limits.ts';
import { addElapsedHours } from '../calendar/elapsed-time.ts';
import { addWorkingMinutes } from '../calendar/working-time.ts';
import { isWorkingTimeUnit } from './pause-deadline.ts';

/**
 * Resumes a suspended clock at `now` with the `remainingMinutes` that `pauseDeadline` returned:
 * the new deadline, the remaining working minutes (working-time units, the default) or elapsed
 * minutes (`calendarDay`, `hour`) after `now`.
 *
 * A pause never shortens a limit: for a deadline from `addDuration`, resuming at or after the
 * pause gives a deadline at or after the one without the pause. A clock that had run out
 * (`remainingMinutes = 0`) is due at `now`.
 *
 * Pure: performs no I/O.
 * @throws {InvalidDurationError} when `remainingMinutes` is negative or not finite.
 * @throws {InvalidDateError} when `now` is `Invalid Date`.
 */
export function resumeDeadline(
  calendar: BusinessCalendar,
  now: Date,
  remainingMinutes: number,
  unit: SlaUnit = 'workingHour',
): DueDate {
  checkAmount(remainingMinutes, 'remaining minutes', { whole: false, max: MAX_SPAN_DAYS * 24 * 60 });
  if (remainingMinutes === 0 || !isWorkingTimeUnit(unit)) return addElapsedHours(calendar, now, remainingMinutes / 60);
  return addWorkingMinutes(calendar, now, remainingMinutes);
}
