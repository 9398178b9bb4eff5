import type { BusinessCalendar, CalendarOverride } from './calendar.types.ts';
import { calendarOverrideSchema } from './calendar.schema.ts';
import { dayTableOf } from './day-table.ts';
import { defineCalendar } from './define-calendar.ts';
import { InvalidCalendarError, calendarIssuesOf } from './errors/invalid-calendar.error.ts';

/**
 * A jurisdiction's calendar: `base` with the override's key, name, working hours (when given) and
 * adjustments. An adjustment replaces any adjustment of `base` on the same date and wins over the
 * notices and the weekend rule. The notices stay those of `base`, so which years are provisional
 * does not change.
 *
 * Pure: performs no I/O.
 * @example
 * ```ts
 * const district = applyCalendarOverride(cnMainlandCalendar, {
 *   key: 'cn-example-district',
 *   name: 'Example district',
 *   adjustments: [{ date: '2026-03-06', working: false, reason: 'District notice 2026-1' }],
 * });
 * ```
 * @throws {InvalidCalendarError} when the override or the merged calendar is invalid (e.g. a date
 *   adjusted twice by the override).
 */
export function applyCalendarOverride(base: BusinessCalendar, override: CalendarOverride): BusinessCalendar {
  const baseCalendar = dayTableOf(base).calendar;
  const parsed = calendarOverrideSchema.safeParse(override);
  if (!parsed.success) {
    const key = typeof override === 'object' && override !== null && typeof override.key === 'string' ? override.key : undefined;
    throw new InvalidCalendarError(key, calendarIssuesOf(parsed.error.issues));
  }
  const overridden = new Set(parsed.data.adjustments.map((adjustment) => adjustment.date));
  return defineCalendar({
    ...baseCalendar,
    key: parsed.data.key,
    name: parsed.data.name,
    workingHours: parsed.data.workingHours ?? baseCalendar.workingHours,
    adjustments: [
      ...baseCalendar.adjustments.filter((adjustment) => !overridden.has(adjustment.date)),
      ...parsed.data.adjustments,
    ],
  });
}
