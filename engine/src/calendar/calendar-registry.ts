import type { BusinessCalendar } from './calendar.types.ts';
import { cnMainlandCalendar } from './cn-mainland-calendar.ts';
import { dayTableOf } from './day-table.ts';
import { InvalidCalendarError } from './errors/invalid-calendar.error.ts';
import { UnknownCalendarError } from './errors/unknown-calendar.error.ts';

/** Calendars by key. */
export interface CalendarRegistry {
  /**
   * The calendar with `key`.
   * @throws {UnknownCalendarError} naming the key and the keys known.
   */
  get(key: string): BusinessCalendar;
  /** True when a calendar has `key`. */
  has(key: string): boolean;
  /** The keys held, sorted. */
  keys(): string[];
}

/**
 * A registry of `calendars` (validated on the way in), e.g. the built-in ones plus those a
 * runtime loads from its database.
 *
 * Pure: performs no I/O.
 * @throws {InvalidCalendarError} when a calendar is invalid, or two calendars share a key.
 */
export function createCalendarRegistry(calendars: readonly BusinessCalendar[]): CalendarRegistry {
  const byKey = new Map<string, BusinessCalendar>();
  for (const calendar of calendars) {
    dayTableOf(calendar);
    if (byKey.has(calendar.key)) throw new InvalidCalendarError(calendar.key, [{ path: 'key', message: 'is registered twice' }]);
    byKey.set(calendar.key, calendar);
  }
  return {
    get(key) {
      const calendar = byKey.get(key);
      if (calendar === undefined) throw new UnknownCalendarError(key, [...byKey.keys()].sort());
      return calendar;
    },
    has: (key) => byKey.has(key),
    keys: () => [...byKey.keys()].sort(),
  };
}

/** The calendars Tongban ships: `cn-mainland` (`cnMainlandCalendar`). */
export const builtInCalendars: CalendarRegistry = createCalendarRegistry([cnMainlandCalendar]);

/**
 * The built-in calendar with `key`, e.g. `getCalendar('cn-mainland')`.
 * @throws {UnknownCalendarError} when no built-in calendar has that key.
 */
export function getCalendar(key: string): BusinessCalendar {
  return builtInCalendars.get(key);
}
