import { cnMainlandCalendar } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import { daysLeft, workingMinutesPerDay } from './working-days-left.ts';

describe('workingMinutesPerDay', () => {
  it('should add up the working periods of a day: 7 hours on cn-mainland', () => {
    expect(workingMinutesPerDay(cnMainlandCalendar)).toBe(420);
  });
});

describe('daysLeft', () => {
  it('should count working minutes in whole working days, rounded down', () => {
    expect(daysLeft(420 * 3, 'workingDay', cnMainlandCalendar)).toEqual({ days: 3, working: true });
    expect(daysLeft(420 * 2 + 419, 'workingHour', cnMainlandCalendar)).toEqual({ days: 2, working: true });
  });

  it('should count elapsed minutes in calendar days for hour and calendarDay limits', () => {
    expect(daysLeft(1440 * 2 + 720, 'calendarDay', cnMainlandCalendar)).toEqual({ days: 2, working: false });
  });

  it('should never report negative time left', () => {
    expect(daysLeft(-30, 'workingDay', cnMainlandCalendar).days).toBe(0);
  });
});
