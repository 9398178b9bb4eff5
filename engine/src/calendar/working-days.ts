/**
 * Working days: what a day is, and limits counted in working days (工作日).
 * @module
 */
import type { BusinessCalendar, DueDate } from './calendar.types.ts';
import type { DayStatus } from './day-table.ts';
import { parseDayNumber } from './civil-date.ts';
import { MAX_SPAN_DAYS, checkAmount } from './counting-limits.ts';
import { dayTableOf } from './day-table.ts';
import { toDueDate } from './due-date.ts';
import { InvalidDateError } from './errors/invalid-date.error.ts';
import { InvalidDurationError } from './errors/invalid-duration.error.ts';
import { fromLocalTime, instantMs, toLocalTime } from './local-time.ts';

/** What a day is on a calendar, with its date. */
export interface DayDescription extends DayStatus {
  date: string;
}

function dayNumberOrThrow(date: string): number {
  const dayNumber = typeof date === 'string' ? parseDayNumber(date) : undefined;
  if (dayNumber === undefined) throw new InvalidDateError(String(date), 'a date YYYY-MM-DD that exists');
  return dayNumber;
}

/**
 * What the local day `date` (`YYYY-MM-DD`) is on `calendar`: working or not, why (`kind`, the
 * holiday's `name`), and whether that is a guess for a year with no loaded notice (`provisional`).
 *
 * Order of precedence: the calendar's adjustments, then the notices, then the weekend rule
 * (Saturday and Sunday off).
 *
 * Pure: performs no I/O.
 * @throws {InvalidDateError} when `date` is malformed or does not exist.
 * @throws {InvalidCalendarError} when `calendar` is not valid calendar data.
 */
export function describeDay(calendar: BusinessCalendar, date: string): DayDescription {
  return { date, ...dayTableOf(calendar).status(dayNumberOrThrow(date)) };
}

/**
 * True when the local day `date` (`YYYY-MM-DD`) is a working day on `calendar`. A make-up
 * working day (调休上班) is a working day; a statutory holiday is not (行政许可法 art. 82).
 *
 * Pure: performs no I/O.
 * @throws {InvalidDateError} when `date` is malformed or does not exist.
 */
export function isWorkingDay(calendar: BusinessCalendar, date: string): boolean {
  return dayTableOf(calendar).status(dayNumberOrThrow(date)).working;
}

/**
 * The limit of `n` working days counted from the instant `from`.
 *
 * - The day of `from` is not counted (民法典 art. 201): the first working day is the first one
 *   after the local day of `from`, whatever the hour of `from`.
 * - The limit ends at close of business (the end of the last working period, 17:00 on
 *   `cn-mainland`) of the `n`-th working day (民法典 art. 203).
 * - Statutory holidays are not working days, make-up working days are (行政许可法 art. 82).
 * - `n = 0` means the same day: close of business of the day of `from` if it is a working day,
 *   else of the next working day.
 *
 * `provisional` is true when a day counted or skipped lies in a year with no loaded notice.
 *
 * Pure: performs no I/O.
 * @example
 * ```ts
 * addWorkingDays(cnMainlandCalendar, parseLocalDateTime(cnMainlandCalendar, '2026-02-13T10:00'), 1);
 * // { dueDate: '2026-02-14', dueAt: 2026-02-14T17:00+08:00, provisional: false } (a make-up Saturday)
 * ```
 * @throws {InvalidDurationError} when `n` is negative, fractional, not finite or over 100 years.
 * @throws {InvalidDateError} when `from` is `Invalid Date`.
 */
export function addWorkingDays(calendar: BusinessCalendar, from: Date, n: number): DueDate {
  checkAmount(n, 'workingDay', { whole: true, max: MAX_SPAN_DAYS });
  const table = dayTableOf(calendar);
  const startDay = toLocalTime(table.timeZone, instantMs(from)).dayNumber;
  let day = n === 0 ? startDay - 1 : startDay;
  let counted = 0;
  let provisional = false;
  while (counted < Math.max(n, 1)) {
    day += 1;
    if (day - startDay > MAX_SPAN_DAYS) throw new InvalidDurationError(n, 'workingDay', 'the count runs beyond 100 years');
    const status = table.status(day);
    if (status.provisional) provisional = true;
    if (status.working) counted += 1;
  }
  return toDueDate(table.timeZone, fromLocalTime(table.timeZone, day, table.closeOfBusinessMs), provisional);
}
