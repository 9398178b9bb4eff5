/**
 * Limits in elapsed time, holidays included: calendar days (自然日) and hours.
 * @module
 */
import type { BusinessCalendar, DueDate } from './calendar.types.ts';
import { MAX_SPAN_DAYS, checkAmount } from './counting-limits.ts';
import { toDueDate } from './due-date.ts';
import { fromLocalTime, instantMs, toLocalTime } from './local-time.ts';

/**
 * The limit of `n` calendar days counted from `from`: it ends at 24:00 local time of the `n`-th
 * day after the local day of `from`, i.e. at 00:00 of the day after that (`dueDate` is the `n`-th
 * day).
 *
 * Legal basis: 民法典 art. 201 (the day of the event is not counted) and art. 203 para. 2 (the
 * last day ends at 24:00). Holidays and weekends count like any day, as the `calendarDay` unit
 * defines; art. 203 para. 1 (a last day that is a statutory holiday moves to the day after the
 * holiday) is not applied.
 *
 * Pure: performs no I/O.
 * @throws {InvalidDurationError} when `n` is negative, fractional, not finite or over 100 years.
 * @throws {InvalidDateError} when `from` is `Invalid Date`.
 */
export function addCalendarDays(calendar: Pick<BusinessCalendar, 'timeZone'>, from: Date, n: number): DueDate {
  checkAmount(n, 'calendarDay', { whole: true, max: MAX_SPAN_DAYS });
  const startDay = toLocalTime(calendar.timeZone, instantMs(from)).dayNumber;
  return toDueDate(calendar.timeZone, fromLocalTime(calendar.timeZone, startDay + n + 1, 0), false);
}

/**
 * The instant `n` elapsed hours after `from` (holidays, nights and weekends included). `n` may be
 * fractional; the result is rounded to the millisecond.
 *
 * Pure: performs no I/O.
 * @throws {InvalidDurationError} when `n` is negative, not finite or over 100 years.
 * @throws {InvalidDateError} when `from` is `Invalid Date`.
 */
export function addElapsedHours(calendar: Pick<BusinessCalendar, 'timeZone'>, from: Date, n: number): DueDate {
  checkAmount(n, 'hour', { whole: false, max: MAX_SPAN_DAYS * 24 });
  return toDueDate(calendar.timeZone, instantMs(from) + Math.round(n * 3_600_000), false);
}
