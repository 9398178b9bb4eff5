import type { DueDate } from './calendar.types.ts';
import { formatDayNumber } from './civil-date.ts';
import { toLocalTime } from './local-time.ts';

/**
 * The `DueDate` of the instant `dueAtMs` in `timeZone`: its `dueDate` is the local day of the
 * last moment before `dueAt`, so that 24:00 belongs to the day it ends.
 */
export function toDueDate(timeZone: string, dueAtMs: number, provisional: boolean): DueDate {
  return {
    dueDate: formatDayNumber(toLocalTime(timeZone, dueAtMs - 1).dayNumber),
    dueAt: new Date(dueAtMs),
    provisional,
  };
}
