import { describe, expect, it } from 'vitest';
import type { BusinessCalendarInput } from './calendar.types.ts';
import tiny from './__fixtures__/tiny-calendar.json' with { type: 'json' };
import { defineCalendar } from './define-calendar.ts';
import { InvalidCalendarError } from './errors/invalid-calendar.error.ts';
import { isWorkingDay } from './working-days.ts';

function withChanges(change: (data: BusinessCalendarInput) => void): BusinessCalendarInput {
  const data = structuredClone(tiny) as BusinessCalendarInput;
  change(data);
  return data;
}

function issuesOf(data: unknown): string[] {
  try {
    defineCalendar(data);
  } catch (error) {
    if (error instanceof InvalidCalendarError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  return [];
}

describe('defineCalendar', () => {
  it('returns valid data frozen, with defaults applied', () => {
    const calendar = defineCalendar(tiny);
    expect(calendar.adjustments).toEqual([]);
    expect(Object.isFrozen(calendar.years[0]?.holidays[0])).toBe(true);
    expect(isWorkingDay(calendar, '2026-10-10')).toBe(true);
  });

  it('rejects a make-up working day that is not on a weekend, naming the weekday', () => {
    const data = withChanges((d) => {
      d.years[0]!.holidays[0]!.makeUpWorkdays = ['2026-09-19', '2026-09-18'];
    });
    expect(issuesOf(data)).toEqual([
      'years[0].holidays[0].makeUpWorkdays[1]: 2026-09-18 is a Friday; a make-up working day (调休上班) is a Saturday or Sunday',
    ]);
  });

  it('rejects a make-up working day inside the days off, and a second notice for a year', () => {
    const data = withChanges((d) => {
      d.years[0]!.holidays[0]!.makeUpWorkdays = ['2026-10-03'];
      d.years.push(structuredClone(d.years[0]!));
    });
    const issues = issuesOf(data);
    expect(issues).toContain('years[0].holidays[0].makeUpWorkdays[0]: 2026-10-03 is already a day off (国庆节) of 2026');
    expect(issues).toContain('years[1].year: 2026 has a second notice');
  });

  it('rejects days off listed backwards or outside the notice’s year', () => {
    const backwards = withChanges((d) => {
      d.years[0]!.holidays[0]!.daysOff = { from: '2026-10-07', to: '2026-10-01' };
    });
    expect(issuesOf(backwards)).toEqual(['years[0].holidays[0].daysOff: 国庆节: 2026-10-07 is after 2026-10-01']);
    const elsewhere = withChanges((d) => {
      d.years[0]!.holidays[0]!.daysOff = { from: '2027-03-01', to: '2027-03-01' };
    });
    expect(issuesOf(elsewhere)).toEqual(["years[0].holidays[0].daysOff: 2027-03-01 lies outside the notice's year 2026"]);
  });

  it('rejects working periods out of order or overlapping', () => {
    const data = withChanges((d) => {
      d.workingHours = [
        { start: '13:00', end: '17:00' },
        { start: '09:00', end: '12:00' },
        { start: '12:00', end: '11:00' },
      ];
    });
    expect(issuesOf(data)).toEqual([
      'workingHours[1]: starts at 09:00, before the previous period ends at 17:00',
      'workingHours[2]: starts at 12:00, not before its end 11:00',
    ]);
  });

  it('rejects an unknown time zone, a malformed key and a non-existent date, quoting the key', () => {
    const data = withChanges((d) => {
      d.timeZone = 'Asia/Atlantis';
      d.years[0]!.source.issued = '2025-02-30';
    });
    expect(() => defineCalendar(data)).toThrow(
      "Calendar 'tiny' is invalid: timeZone: must be an IANA time zone, e.g. Asia/Shanghai; years[0].source.issued: must be a date YYYY-MM-DD that exists",
    );
    expect(issuesOf({ ...tiny, key: 'Not Kebab' })).toEqual(['key: must be kebab-case, e.g. cn-mainland']);
  });

  it('rejects a date adjusted twice', () => {
    const adjustment = { date: '2026-03-02', working: false, reason: 'local notice' };
    const twice = withChanges((d) => {
      d.adjustments = [adjustment, adjustment];
    });
    expect(issuesOf(twice)).toEqual(['adjustments[1].date: 2026-03-02 is adjusted twice']);
  });

  it('carries the stable code invalid-calendar', () => {
    expect(() => defineCalendar({})).toThrow(expect.objectContaining({ code: 'invalid-calendar', calendarKey: undefined }));
  });
});
