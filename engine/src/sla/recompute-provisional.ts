import type { BusinessCalendar, DueDate } from '../calendar/calendar.types.ts';
import { countDeadline, type DeadlineBasis } from './count-deadline.ts';

/**
 * A deadline as a host stores it: how it was counted (the limit, the instant it ran from, the
 * extensions and suspensions since) and the due date that gave.
 */
export interface CountedDeadline extends DeadlineBasis {
  due: DueDate;
}

/** A deadline after `recomputeProvisional`: its due date now, and whether that changed. */
export type RecomputedDeadline<T extends CountedDeadline> = T & {
  /** True when `due` differs from the stored one (its instant or its provisional flag). */
  changed: boolean;
};

/**
 * Recounts the provisional deadlines of `deadlines` on `calendar`, typically once the holiday
 * notice of a year they crossed has been loaded: each provisional one is counted again by
 * `countDeadline`, its `due` replaced (and no longer provisional when every day it relied on is now
 * known); the others come back unchanged. Order and other fields are kept.
 *
 * Pure: performs no I/O.
 *
 * @example
 * ```ts
 * // counted in 2026 into 2027 before the 2027 notice: provisional
 * const stored = { from, limit: { amount: 10, unit: 'workingDay' }, due: addDuration(cnMainlandCalendar, from, limit) };
 * const [updated] = recomputeProvisional(calendarWith2027, [stored]);
 * // updated.due.provisional === false; updated.changed === true when the notice moved it
 * ```
 * @throws {InvalidDurationError} when a limit cannot be counted.
 * @throws {InvalidDateError} when a `from` is `Invalid Date`.
 */
export function recomputeProvisional<T extends CountedDeadline>(calendar: BusinessCalendar, deadlines: readonly T[]): RecomputedDeadline<T>[] {
  return deadlines.map((deadline) => {
    if (!deadline.due.provisional) return { ...deadline, changed: false };
    const due = countDeadline(calendar, deadline);
    const changed = due.dueAt.getTime() !== deadline.due.dueAt.getTime() || due.provisional !== deadline.due.provisional;
    return { ...deadline, due, changed };
  });
}
