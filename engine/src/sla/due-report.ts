import type { BusinessCalendar } from '../calendar/calendar.types.ts';
import { InvalidDurationError } from '../calendar/errors/invalid-duration.error.ts';
import { formatLocalDateTime } from '../calendar/local-date-time.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import { addWorkingHours } from '../calendar/working-time.ts';

/** The limit `tongban due` counts: working days or working hours. */
export type DueLimit = { workingDays: number } | { workingHours: number };

/** What `tongban due` prints (DESIGN.md §7). */
export interface DueReport {
  /** The start, ISO 8601 with the calendar's offset, e.g. `2026-02-13T00:00:00+08:00`. */
  from: string;
  /** Local date of the due instant, `YYYY-MM-DD`. */
  dueDate: string;
  /** The due instant, ISO 8601 with the calendar's offset, e.g. `2026-02-27T17:00:00+08:00`. */
  dueAt: string;
  /** True when the count relied on a year with no loaded notice. */
  provisional: boolean;
}

/**
 * The JSON object `tongban due --from … (--working-days N | --working-hours N)` prints:
 * `{ from, dueDate, dueAt, provisional }`.
 *
 * Pure: performs no I/O.
 * @example
 * ```ts
 * dueReport(cnMainlandCalendar, parseLocalDateTime(cnMainlandCalendar, '2026-02-13'), { workingDays: 5 });
 * // { from: '2026-02-13T00:00:00+08:00', dueDate: '2026-02-27', dueAt: '2026-02-27T17:00:00+08:00', provisional: false }
 * ```
 * @throws {InvalidDurationError} when `limit` gives neither or both counts, or a count that cannot be counted.
 * @throws {InvalidDateError} when `from` is `Invalid Date`.
 */
export function dueReport(calendar: BusinessCalendar, from: Date, limit: DueLimit): DueReport {
  const days = 'workingDays' in limit ? limit.workingDays : undefined;
  const hours = 'workingHours' in limit ? limit.workingHours : undefined;
  if ((days === undefined) === (hours === undefined)) {
    throw new InvalidDurationError(JSON.stringify(limit), 'limit', 'give exactly one of workingDays and workingHours');
  }
  const due = days !== undefined ? addWorkingDays(calendar, from, days) : addWorkingHours(calendar, from, hours as number);
  return {
    from: formatLocalDateTime(calendar, from),
    dueDate: due.dueDate,
    dueAt: formatLocalDateTime(calendar, due.dueAt),
    provisional: due.provisional,
  };
}
