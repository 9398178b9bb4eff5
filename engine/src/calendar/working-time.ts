/**
 * Working time: limits in working hours and minutes, and the working time between two instants.
 * Only the working periods of working days count (09:00–12:00 and 13:00–17:00 on `cn-mainland`).
 * @module
 */
import type { BusinessCalendar, DueDate } from './calendar.types.ts';
import type { DayTable } from './day-table.ts';
import { FIRST_INSTANT_MS, LAST_INSTANT_MS, MAX_SPAN_DAYS, checkAmount } from './counting-limits.ts';
import { dayTableOf } from './day-table.ts';
import { toDueDate } from './due-date.ts';
import { InvalidDurationError } from './errors/invalid-duration.error.ts';
import { fromLocalTime, instantMs, toLocalTime } from './local-time.ts';

/** Working time between two instants. */
export interface WorkingSpan {
  /** Working minutes, fractional when the instants are not on whole minutes. */
  minutes: number;
  /** True when a working period of a year with no loaded notice fell inside the span. */
  provisional: boolean;
}

const MS_PER_MINUTE = 60_000;
const MAX_MINUTES = MAX_SPAN_DAYS * 24 * 60;

/**
 * The instant `minutes` working minutes after `from`.
 *
 * - Counting starts at `from` when it is a working instant, else at the start of the next working
 *   period (from 18:00: the next working morning).
 * - A limit that uses up a period exactly ends at that period's end (16:00 + 60 min → 17:00 the
 *   same day); one minute more continues in the next period (→ 09:01 the next working day).
 * - `minutes = 0` gives `from`, or the start of the next working period when `from` is outside
 *   working time.
 *
 * Pure: performs no I/O.
 * @throws {InvalidDurationError} when `minutes` is negative, not finite or over 100 years.
 * @throws {InvalidDateError} when `from` is `Invalid Date`.
 */
export function addWorkingMinutes(calendar: BusinessCalendar, from: Date, minutes: number): DueDate {
  checkAmount(minutes, 'workingMinute', { whole: false, max: MAX_MINUTES });
  return addWorkingMs(dayTableOf(calendar), instantMs(from), Math.round(minutes * MS_PER_MINUTE), minutes, 'workingMinute');
}

/**
 * The instant `n` working hours after `from`, counted as `addWorkingMinutes` counts
 * (from 16:00 + 2 h → 10:00 the next working day on `cn-mainland`). `n` may be fractional.
 *
 * Pure: performs no I/O.
 * @throws {InvalidDurationError} when `n` is negative, not finite or over 100 years.
 * @throws {InvalidDateError} when `from` is `Invalid Date`.
 */
export function addWorkingHours(calendar: BusinessCalendar, from: Date, n: number): DueDate {
  checkAmount(n, 'workingHour', { whole: false, max: MAX_MINUTES / 60 });
  return addWorkingMs(dayTableOf(calendar), instantMs(from), Math.round(n * 60 * MS_PER_MINUTE), n, 'workingHour');
}

function addWorkingMs(table: DayTable, fromMs: number, ms: number, amount: number, unit: string): DueDate {
  const { timeZone } = table;
  const startDay = toLocalTime(timeZone, fromMs).dayNumber;
  let remaining = ms;
  let provisional = false;
  for (let day = startDay; ; day += 1) {
    if (day - startDay > MAX_SPAN_DAYS) throw new InvalidDurationError(amount, unit, 'the count runs beyond 100 years');
    const status = table.status(day);
    for (const period of table.periods) {
      const end = fromLocalTime(timeZone, day, period.endMs);
      if (end <= fromMs) continue;
      if (status.provisional) provisional = true;
      if (!status.working) break;
      const cursor = Math.max(fromMs, fromLocalTime(timeZone, day, period.startMs));
      const available = end - cursor;
      if (remaining <= available) return toDueDate(timeZone, cursor + remaining, provisional);
      remaining -= available;
    }
  }
}

/**
 * Whether `workingMinutesBetween(calendar, from, to)` counts the span rather than refusing it: both
 * instants are valid and their local days lie at most `MAX_SPAN_DAYS` apart. Any two instants of
 * `COUNTABLE_RANGE` are; a host holding instants from elsewhere (a virtual clock an older version
 * moved past the range) asks first.
 *
 * Pure: performs no I/O.
 */
export function isCountableSpan(calendar: Pick<BusinessCalendar, 'timeZone'>, from: Date, to: Date): boolean {
  const fromMs = from instanceof Date ? from.getTime() : Number.NaN;
  const toMs = to instanceof Date ? to.getTime() : Number.NaN;
  const valid = (ms: number): boolean => ms >= FIRST_INSTANT_MS && ms <= LAST_INSTANT_MS;
  if (!valid(fromMs) || !valid(toMs)) return false;
  if (toMs <= fromMs) return true;
  return toLocalTime(calendar.timeZone, toMs).dayNumber - toLocalTime(calendar.timeZone, fromMs).dayNumber <= MAX_SPAN_DAYS;
}

/**
 * The working time from `from` to `to`: the parts of working periods of working days that lie
 * between them. Zero when `to` is not after `from`. The inverse of `addWorkingMinutes`:
 * `workingMinutesBetween(c, from, addWorkingMinutes(c, from, m).dueAt).minutes === m`.
 *
 * Pure: performs no I/O.
 * @throws {InvalidDurationError} when the span covers more than 100 years.
 * @throws {InvalidDateError} when `from` or `to` is `Invalid Date`.
 */
export function workingMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): WorkingSpan {
  const table = dayTableOf(calendar);
  const { timeZone } = table;
  const fromMs = instantMs(from);
  const toMs = instantMs(to);
  if (toMs <= fromMs) return { minutes: 0, provisional: false };
  const firstDay = toLocalTime(timeZone, fromMs).dayNumber;
  const lastDay = toLocalTime(timeZone, toMs).dayNumber;
  if (lastDay - firstDay > MAX_SPAN_DAYS) {
    throw new InvalidDurationError(`${from.toISOString()}..${to.toISOString()}`, 'interval', 'it covers more than 100 years');
  }
  let totalMs = 0;
  let provisional = false;
  for (let day = firstDay; day <= lastDay; day += 1) {
    const status = table.status(day);
    for (const period of table.periods) {
      const overlap =
        Math.min(toMs, fromLocalTime(timeZone, day, period.endMs)) - Math.max(fromMs, fromLocalTime(timeZone, day, period.startMs));
      if (overlap <= 0) continue;
      if (status.provisional) provisional = true;
      if (status.working) totalMs += overlap;
    }
  }
  return { minutes: totalMs / MS_PER_MINUTE, provisional };
}
