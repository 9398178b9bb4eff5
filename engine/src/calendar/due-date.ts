import type { DueDate } from './calendar.types.ts';
import { formatDayNumber } from './civil-date.ts';
import { checkInstantMs, toLocalTime } from './local-time.ts';

/**
 * The `DueDate` of the instant `dueAtMs` in `timeZone`: its `dueDate` is the local day of the
 * last moment before `dueAt`, so that 24:00 belongs to the day it ends.
 * @throws {InvalidDateError} when `dueAtMs` lies past 9999-12-31 (or before 0001-01-02): a count
 *   never ends where the calendar cannot count.
 */
export function toDueDate(timeZone: string, dueAtMs: number, provisional: boolean): DueDate {
  checkInstantMs(dueAtMs);
  return {
    dueDate: formatDayNumber(toLocalTime(timeZone, dueAtMs - 1).dayNumber),
    dueAt: new Date(dueAtMs),
    provisional,
  };
}
