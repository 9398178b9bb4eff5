import type { BusinessCalendar, CalendarYear } from './calendar.types.ts';
import { dayTableOf } from './day-table.ts';
import { defineCalendar } from './define-calendar.ts';

/**
 * `calendar` with the holiday notice of `notice.year` loaded, e.g. the State Council's notice for
 * next year once it is published; a notice for a year already loaded replaces it (a corrected
 * notice). The year's days stop being provisional. Adjustments, working hours and key stay.
 *
 * Pure: performs no I/O.
 * @example
 * ```ts
 * const next = withCalendarYear(cnMainlandCalendar, notice2027);
 * ```
 * @throws {InvalidCalendarError} when the notice is invalid or clashes with the calendar (e.g. a
 *   make-up working day on a weekday), naming the path, e.g. `years[2].holidays[0].makeUpWorkdays[0]`.
 */
export function withCalendarYear(calendar: BusinessCalendar, notice: CalendarYear): BusinessCalendar {
  const base = dayTableOf(calendar).calendar;
  const years = [...base.years.filter((year) => year.year !== notice.year), notice].sort((a, b) => a.year - b.year);
  return defineCalendar({ ...base, years });
}
