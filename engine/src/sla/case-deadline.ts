import type { BusinessCalendar, DueDate } from '../calendar/calendar.types.ts';
import type { Duration } from '../definition/sla.schema.ts';
import { addDuration } from '../calendar/add-duration.ts';

/**
 * The case's promised completion (承诺办结时限): `promisedSla` counted from acceptance (受理).
 * Time before acceptance, e.g. a 受理前补正, is not counted (行政许可法 art. 32: the period runs
 * from acceptance). Suspensions after acceptance are applied with `pauseDeadline` /
 * `resumeDeadline`.
 *
 * Pure: performs no I/O.
 * @throws {InvalidDurationError} when `promisedSla` cannot be counted.
 */
export function caseDeadline(calendar: BusinessCalendar, promisedSla: Duration, acceptedAt: Date): DueDate {
  return addDuration(calendar, acceptedAt, promisedSla);
}
