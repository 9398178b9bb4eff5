import type { BusinessCalendar, SlaUnit } from '@tongban/engine';

const MINUTES_PER_DAY = 1440;

function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Working minutes in one working day of `calendar` (cn-mainland: 09:00–12:00 and 13:00–17:00, 420). Pure. */
export function workingMinutesPerDay(calendar: Pick<BusinessCalendar, 'workingHours'>): number {
  return calendar.workingHours.reduce((sum, period) => sum + minutesOf(period.end) - minutesOf(period.start), 0);
}

/** How much time a limit has left, in days of the kind it is counted in. */
export interface DaysLeft {
  /** Whole days left, rounded down (never more than is really left): 0 means under one day. */
  days: number;
  /** True when counted in working days (working units), false for calendar days (`hour`, `calendarDay`). */
  working: boolean;
}

/**
 * Turns the API's `minutesLeft` of a limit counted in `unit` into whole days: working minutes
 * divided by a working day of `calendar` for `workingDay`/`workingHour`, elapsed minutes by 1,440
 * otherwise. Pure.
 */
export function daysLeft(minutesLeft: number, unit: SlaUnit, calendar: Pick<BusinessCalendar, 'workingHours'>): DaysLeft {
  const working = unit === 'workingDay' || unit === 'workingHour';
  const perDay = working ? workingMinutesPerDay(calendar) : MINUTES_PER_DAY;
  const days = perDay > 0 ? Math.floor(Math.max(0, minutesLeft) / perDay) : 0;
  return { days, working };
}
