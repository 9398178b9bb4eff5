import type { Duration } from '../definition/sla.schema.ts';
import type { BusinessCalendar, DueDate } from './calendar.types.ts';
import { durationSchema } from '../definition/sla.schema.ts';
import { addCalendarDays, addElapsedHours } from './elapsed-time.ts';
import { InvalidDurationError } from './errors/invalid-duration.error.ts';
import { addWorkingDays } from './working-days.ts';
import { addWorkingHours } from './working-time.ts';

/**
 * The limit `duration` counted from `from`, in any unit of the definition schema:
 * - `workingDay`: `addWorkingDays` (close of business of the n-th working day after the day of `from`);
 * - `workingHour`: `addWorkingHours` (inside working periods of working days);
 * - `calendarDay`: `addCalendarDays` (24:00 of the n-th day after the day of `from`);
 * - `hour`: `addElapsedHours` (elapsed time).
 *
 * Pure: performs no I/O.
 * @throws {InvalidDurationError} when `duration` does not satisfy `durationSchema` (amount > 0),
 *   or its amount cannot be counted in its unit (fractional days, over 100 years).
 * @throws {InvalidDateError} when `from` is `Invalid Date`.
 */
export function addDuration(calendar: BusinessCalendar, from: Date, duration: Duration): DueDate {
  const parsed = durationSchema.safeParse(duration);
  if (!parsed.success) {
    const given = typeof duration === 'object' && duration !== null ? duration : { amount: duration, unit: 'unknown unit' };
    throw new InvalidDurationError(given.amount, String(given.unit), parsed.error.issues.map((issue) => issue.message).join('; '));
  }
  const { amount, unit } = parsed.data;
  switch (unit) {
    case 'workingDay':
      return addWorkingDays(calendar, from, amount);
    case 'workingHour':
      return addWorkingHours(calendar, from, amount);
    case 'calendarDay':
      return addCalendarDays(calendar, from, amount);
    case 'hour':
      return addElapsedHours(calendar, from, amount);
  }
}
