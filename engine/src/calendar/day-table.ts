/**
 * The compiled form of a calendar: what each day is, looked up in constant time. Built once per
 * calendar object and cached (a pure function of the data).
 * @module
 */
import type { BusinessCalendar } from './calendar.types.ts';
import { businessCalendarSchema } from './calendar.schema.ts';
import { dayNumberOf, isWeekend, parseDayNumber } from './civil-date.ts';
import { InvalidCalendarError, calendarIssuesOf } from './errors/invalid-calendar.error.ts';

/**
 * What a day is, and why:
 * - `workday`: a Monday–Friday no notice touches;
 * - `weekend`: a Saturday or Sunday no notice touches;
 * - `holiday`: a day off of a notice (法定节假日 or a day moved into the holiday);
 * - `makeUpWorkday`: a weekend day a notice makes a working day (调休上班);
 * - `adjustedWorkday`, `adjustedDayOff`: a jurisdiction's own adjustment.
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeUpWorkday' | 'adjustedWorkday' | 'adjustedDayOff';

/** The status of one local day on a calendar. */
export interface DayStatus {
  working: boolean;
  /** True when the day's year has no loaded notice: the answer is the weekend rule's guess. */
  provisional: boolean;
  kind: DayKind;
  /** The holiday's name or the adjustment's reason, when a notice or an adjustment decides the day. */
  name?: string;
}

/** A working period as milliseconds since local midnight. */
export interface PeriodMs {
  startMs: number;
  endMs: number;
}

/** A calendar compiled for arithmetic. */
export interface DayTable {
  calendar: BusinessCalendar;
  timeZone: string;
  periods: readonly PeriodMs[];
  /** End of the last working period (close of business), ms since local midnight. */
  closeOfBusinessMs: number;
  status(dayNumber: number): DayStatus;
}

const tables = new WeakMap<object, DayTable>();

/**
 * The day table of `calendar`, validating it the first time this object is seen.
 * @throws {InvalidCalendarError} when `calendar` does not satisfy `businessCalendarSchema`.
 */
export function dayTableOf(calendar: BusinessCalendar): DayTable {
  const cached = tables.get(calendar);
  if (cached !== undefined) return cached;
  const table = buildDayTable(validateCalendar(calendar));
  tables.set(calendar, table);
  return table;
}

/** Caches `table` as the day table of `calendar`, for a calendar validated by its maker. */
export function rememberDayTable(calendar: BusinessCalendar, table: DayTable): void {
  tables.set(calendar, table);
}

/**
 * `data` parsed by `businessCalendarSchema`.
 * @throws {InvalidCalendarError} with every issue found.
 */
export function validateCalendar(data: unknown): BusinessCalendar {
  const result = businessCalendarSchema.safeParse(data);
  if (result.success) return result.data;
  const key = typeof data === 'object' && data !== null && 'key' in data && typeof data.key === 'string' ? data.key : undefined;
  throw new InvalidCalendarError(key, calendarIssuesOf(result.error.issues));
}

/** Compiles a validated calendar. */
export function buildDayTable(calendar: BusinessCalendar): DayTable {
  const loadedYears = calendar.years.map((notice) => ({
    first: dayNumberOf(notice.year, 1, 1),
    last: dayNumberOf(notice.year, 12, 31),
  }));
  const decided = new Map<number, { kind: DayKind; name: string }>();
  for (const notice of calendar.years) {
    for (const holiday of notice.holidays) {
      const from = parseDayNumber(holiday.daysOff.from) as number;
      const to = parseDayNumber(holiday.daysOff.to) as number;
      for (let day = from; day <= to; day += 1) decided.set(day, { kind: 'holiday', name: holiday.name });
      for (const text of holiday.makeUpWorkdays) {
        decided.set(parseDayNumber(text) as number, { kind: 'makeUpWorkday', name: holiday.name });
      }
    }
  }
  for (const adjustment of calendar.adjustments) {
    const kind: DayKind = adjustment.working ? 'adjustedWorkday' : 'adjustedDayOff';
    decided.set(parseDayNumber(adjustment.date) as number, { kind, name: adjustment.reason });
  }

  const periods = calendar.workingHours.map((period) => ({ startMs: minutesMs(period.start), endMs: minutesMs(period.end) }));
  return {
    calendar,
    timeZone: calendar.timeZone,
    periods,
    closeOfBusinessMs: periods[periods.length - 1]?.endMs ?? 0,
    status(dayNumber: number): DayStatus {
      const provisional = !loadedYears.some((year) => dayNumber >= year.first && dayNumber <= year.last);
      const decision = decided.get(dayNumber);
      if (decision !== undefined) {
        const working = decision.kind === 'makeUpWorkday' || decision.kind === 'adjustedWorkday';
        return { working, provisional, kind: decision.kind, name: decision.name };
      }
      return isWeekend(dayNumber)
        ? { working: false, provisional, kind: 'weekend' }
        : { working: true, provisional, kind: 'workday' };
    },
  };
}

function minutesMs(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000;
}
