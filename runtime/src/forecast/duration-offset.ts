import type { Duration } from '@tongban/engine';
import type { WorkingDayOffset } from './forecast.types.ts';

/** Share of calendar time that is working days: 5 of 7 (holidays aside). */
const WORKING_SHARE = 5 / 7;

/**
 * When `duration` counted from `from` runs out, in working days of the forecast's clock:
 * working days end at the close of business of the last day, the day of `from` not counted
 * (民法典 art. 201, 203); working hours are counted as a share of a working day of `dayMinutes`;
 * calendar days and hours are counted as their working share (5/7), which holidays make a little
 * early.
 *
 * Pure: performs no I/O.
 */
export function offsetAfter(from: WorkingDayOffset, duration: Duration, dayMinutes: number): WorkingDayOffset {
  switch (duration.unit) {
    case 'workingDay':
      return Math.ceil(from) + duration.amount;
    case 'workingHour':
      return from + (duration.amount * 60) / dayMinutes;
    case 'calendarDay':
      return Math.ceil(from + duration.amount * WORKING_SHARE);
    case 'hour':
      return from + (duration.amount / 24) * WORKING_SHARE;
  }
}
