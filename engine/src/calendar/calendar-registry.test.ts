import { describe, expect, it } from 'vitest';
import { applyCalendarOverride } from './calendar-override.ts';
import { builtInCalendars, createCalendarRegistry, getCalendar } from './calendar-registry.ts';
import { cnMainlandCalendar } from './cn-mainland-calendar.ts';
import { InvalidCalendarError } from './errors/invalid-calendar.error.ts';
import { UnknownCalendarError } from './errors/unknown-calendar.error.ts';

describe('getCalendar', () => {
  it('finds the built-in cn-mainland calendar', () => {
    expect(getCalendar('cn-mainland')).toBe(cnMainlandCalendar);
    expect(builtInCalendars.keys()).toEqual(['cn-mainland']);
  });

  it('names the unknown key and the known ones', () => {
    expect(() => getCalendar('cn-atlantis')).toThrow(UnknownCalendarError);
    expect(() => getCalendar('cn-atlantis')).toThrow("Calendar 'cn-atlantis' is not known; known calendars: 'cn-mainland'");
  });
});

describe('createCalendarRegistry', () => {
  const district = applyCalendarOverride(cnMainlandCalendar, { key: 'cn-district', name: 'District', adjustments: [] });

  it('holds calendars by key', () => {
    const registry = createCalendarRegistry([district, cnMainlandCalendar]);
    expect(registry.keys()).toEqual(['cn-district', 'cn-mainland']);
    expect(registry.has('cn-district')).toBe(true);
    expect(registry.get('cn-district')).toBe(district);
  });

  it('rejects two calendars with one key', () => {
    expect(() => createCalendarRegistry([cnMainlandCalendar, cnMainlandCalendar])).toThrow(InvalidCalendarError);
  });
});
