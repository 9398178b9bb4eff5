import {
  applyCalendarOverride,
  builtInCalendars,
  calendarYearSchema,
  defineCalendar,
  UnknownCalendarError,
  withCalendarYear,
  type BusinessCalendar,
  type CalendarOverride,
  type CalendarYear,
} from '@tongban/engine';
import type { CalendarNoticeRow, CalendarRow } from '../db/schema/index.ts';

/** Where a calendar comes from: shipped with the engine, stored whole, or an override of another. */
export type CalendarOrigin = 'builtIn' | 'stored' | 'override';

/** One calendar of the book, with what it was built from. */
export interface CalendarEntry {
  key: string;
  name: string;
  origin: CalendarOrigin;
  /** For an override: the calendar it adjusts. */
  baseKey: string | null;
  /** The stored row's version; null for a built-in calendar without stored notices. */
  version: number | null;
  calendar: BusinessCalendar;
  /** The years whose notice was loaded at run time (`calendar_notices`), ascending. */
  loadedYears: number[];
}

/**
 * The business calendars a runtime counts on, by key: the engine's built-in ones and those stored
 * in `calendars`, each with the notices loaded into it (`calendar_notices`); an override is built on
 * its base with the base's notices. Pure lookups; build it with {@link buildCalendarBook}.
 */
export class CalendarBook {
  private readonly byKey: Map<string, CalendarEntry>;

  constructor(entries: readonly CalendarEntry[]) {
    this.byKey = new Map(entries.map((entry) => [entry.key, entry]));
  }

  /**
   * The calendar with `key`.
   * @throws {UnknownCalendarError} naming the key and the keys known.
   */
  get(key: string): BusinessCalendar {
    return this.entry(key).calendar;
  }

  /**
   * The entry with `key`.
   * @throws {UnknownCalendarError} naming the key and the keys known.
   */
  entry(key: string): CalendarEntry {
    const entry = this.byKey.get(key);
    if (entry === undefined) throw new UnknownCalendarError(key, this.keys());
    return entry;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** The keys, sorted. */
  keys(): string[] {
    return [...this.byKey.keys()].sort();
  }

  /** Every entry, by key. */
  entries(): CalendarEntry[] {
    return this.keys().map((key) => this.entry(key));
  }

  /** `key` and the keys of the overrides built on it: the calendars a change of `key` changes. */
  affectedBy(key: string): string[] {
    return this.entries().flatMap((entry) => (entry.key === key || entry.baseKey === key ? [entry.key] : []));
  }
}

/**
 * Builds the book from the built-in calendars, the stored rows and the loaded notices. A notice
 * replaces the calendar's own notice of its year. Rows are trusted (they were validated when
 * written); a row that no longer validates (e.g. after an engine upgrade) throws.
 *
 * Pure: performs no I/O.
 * @throws {InvalidCalendarError} when stored data does not validate.
 * @throws {UnknownCalendarError} when an override's base is missing.
 */
export function buildCalendarBook(
  stored: readonly CalendarRow[],
  notices: readonly CalendarNoticeRow[],
  builtIn: readonly BusinessCalendar[] = builtInCalendars.keys().map((key) => builtInCalendars.get(key)),
): CalendarBook {
  const noticesOf = (key: string): CalendarYear[] =>
    notices
      .filter((row) => row.calendarKey === key)
      .sort((a, b) => a.year - b.year)
      .map((row) => calendarYearSchema.parse(row.notice));
  const loadedYears = (key: string): number[] => noticesOf(key).map((notice) => notice.year);
  const withNotices = (calendar: BusinessCalendar): BusinessCalendar => noticesOf(calendar.key).reduce(withCalendarYear, calendar);

  const entries = new Map<string, CalendarEntry>();
  for (const calendar of builtIn) {
    const years = loadedYears(calendar.key);
    entries.set(calendar.key, {
      key: calendar.key,
      name: calendar.name,
      origin: 'builtIn',
      baseKey: null,
      version: null,
      calendar: withNotices(calendar),
      loadedYears: years,
    });
  }
  for (const row of stored.filter((r) => r.baseKey === null)) {
    const calendar = defineCalendar({ ...row.data, key: row.key, name: row.name });
    entries.set(row.key, { key: row.key, name: row.name, origin: 'stored', baseKey: null, version: row.version, calendar: withNotices(calendar), loadedYears: loadedYears(row.key) });
  }
  for (const row of stored.filter((r): r is CalendarRow & { baseKey: string } => r.baseKey !== null)) {
    const base = entries.get(row.baseKey);
    if (base === undefined || base.origin === 'override') throw new UnknownCalendarError(row.baseKey, [...entries.keys()].sort());
    const override = { ...(row.data as unknown as CalendarOverride), key: row.key, name: row.name };
    entries.set(row.key, {
      key: row.key,
      name: row.name,
      origin: 'override',
      baseKey: row.baseKey,
      version: row.version,
      calendar: applyCalendarOverride(base.calendar, override),
      loadedYears: base.loadedYears,
    });
  }
  return new CalendarBook([...entries.values()]);
}
