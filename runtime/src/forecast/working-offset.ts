import { workingMinutesBetween, type BusinessCalendar } from '@tongban/engine';

/**
 * Working days from `now` to `at` on `calendar` (negative when `at` is past), a working day being
 * `dayMinutes` working minutes: the forecast's clock.
 *
 * Pure: performs no I/O.
 */
export function workingDaysFrom(calendar: BusinessCalendar, now: Date, at: Date, dayMinutes: number): number {
  if (at.getTime() >= now.getTime()) return workingMinutesBetween(calendar, now, at).minutes / dayMinutes;
  return -workingMinutesBetween(calendar, at, now).minutes / dayMinutes;
}
