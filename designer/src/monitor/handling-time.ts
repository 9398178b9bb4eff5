import { builtInCalendars } from '@tongban/engine';
import { workingMinutesPerDay } from '../sla/working-days-left.ts';

/** Working minutes of a working day on `cn-mainland` (09:00–12:00 and 13:00–17:00): 420. */
const minutesPerWorkingDay = workingMinutesPerDay(builtInCalendars.get('cn-mainland'));

/** A handling time in the unit it reads best in. */
export interface HandlingTime {
  value: number;
  unit: 'workingHours' | 'workingDays';
}

/**
 * Working minutes as working hours when under one working day of `cn-mainland`, else as working
 * days. Pure.
 */
export function handlingTime(minutes: number): HandlingTime {
  return minutes < minutesPerWorkingDay
    ? { value: minutes / 60, unit: 'workingHours' }
    : { value: minutes / minutesPerWorkingDay, unit: 'workingDays' };
}
