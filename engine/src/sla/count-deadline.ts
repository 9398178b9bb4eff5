import type { BusinessCalendar, DueDate } from '../calendar/calendar.types.ts';
import type { Duration } from '../definition/sla.schema.ts';
import { addDuration } from '../calendar/add-duration.ts';
import { toDueDate } from '../calendar/due-date.ts';
import { instantMs } from '../calendar/local-time.ts';
import { workingMinutesBetween } from '../calendar/working-time.ts';
import { isWorkingTimeUnit, pauseDeadline } from './pause-deadline.ts';
import { resumeDeadline } from './resume-deadline.ts';

/**
 * What happened to a running limit after it was first counted, in the order it happened:
 * - `extend`: an approved extension (行政许可法 art. 42), counted from the deadline the limit had;
 * - `pause`: a suspension (补正, or a period art. 45 does not count) from `from` to `to`; no `to`
 *   while the case is still suspended.
 */
export type DeadlineChange = { type: 'extend'; by: Duration } | { type: 'pause'; from: Date; to?: Date };

/**
 * How a deadline was counted, enough to count it again on another calendar: the limit, the
 * instant it ran from, and the extensions and suspensions since.
 */
export interface DeadlineBasis {
  from: Date;
  limit: Duration;
  changes?: readonly DeadlineChange[];
}

/** A deadline counted from its basis. */
export interface CountedDeadlineResult extends DueDate {
  /**
   * While the last suspension lasts: the minutes the limit has left (working minutes for working
   * units), whole minutes as a host stores them. `dueAt` is then the deadline the limit had when
   * it was suspended.
   */
  remainingMinutes?: number;
}

/**
 * Counts the deadline of `basis` on `calendar` as a host counts it while the case runs:
 * `addDuration` from `from`; an extension adds to the deadline it had; a suspension keeps the
 * minutes left at its start (`pauseDeadline`, rounded to the whole minute) and adds them back from
 * its end (`resumeDeadline`). On the calendar the deadline was first counted on, this gives the
 * deadline the host holds; on a calendar with a newly loaded notice, the deadline the limit has now.
 *
 * Provisional when any count relied on a day of a year with no loaded notice.
 *
 * Pure: performs no I/O.
 * @example
 * ```ts
 * countDeadline(cnMainlandCalendar, {
 *   from: acceptedAt,
 *   limit: { amount: 20, unit: 'workingDay' },
 *   changes: [{ type: 'pause', from: supplementAsked, to: supplementReceived }, { type: 'extend', by: { amount: 10, unit: 'workingDay' } }],
 * });
 * ```
 * @throws {InvalidDurationError} when a limit or an extension cannot be counted.
 * @throws {InvalidDateError} when an instant is `Invalid Date`.
 */
export function countDeadline(calendar: BusinessCalendar, basis: DeadlineBasis): CountedDeadlineResult {
  const unit = basis.limit.unit;
  let due: DueDate = addDuration(calendar, basis.from, basis.limit);
  let provisional = due.provisional;
  for (const change of basis.changes ?? []) {
    if (change.type === 'extend') {
      due = addDuration(calendar, due.dueAt, change.by);
      provisional ||= due.provisional;
      continue;
    }
    const remainingMinutes = Math.round(pauseDeadline(calendar, change.from, due.dueAt, unit));
    if (isWorkingTimeUnit(unit)) provisional ||= workingMinutesBetween(calendar, change.from, due.dueAt).provisional;
    if (change.to === undefined) {
      return { ...toDueDate(calendar.timeZone, instantMs(due.dueAt), provisional), remainingMinutes };
    }
    due = resumeDeadline(calendar, change.to, remainingMinutes, unit);
    provisional ||= due.provisional;
  }
  return { ...due, provisional };
}
