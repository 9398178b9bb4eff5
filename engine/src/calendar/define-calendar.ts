import type { BusinessCalendar } from './calendar.types.ts';
import { buildDayTable, rememberDayTable, validateCalendar } from './day-table.ts';

/**
 * Validates calendar data and returns it as a frozen `BusinessCalendar`.
 *
 * Pure: performs no I/O.
 *
 * @example
 * ```ts
 * import data from './data/cn-mainland.json' with { type: 'json' };
 * const calendar = defineCalendar(data);
 * ```
 * @throws {InvalidCalendarError} listing every problem with its path, e.g.
 *   `Calendar 'cn-mainland' is invalid: years[1].holidays[6].makeUpWorkdays[0]: 2026-09-19 is a …`.
 */
export function defineCalendar(data: unknown): BusinessCalendar {
  const calendar = deepFreeze(validateCalendar(data));
  rememberDayTable(calendar, buildDayTable(calendar));
  return calendar;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
