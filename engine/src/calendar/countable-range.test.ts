import { describe, expect, it } from 'vitest';
import { addDuration } from './add-duration.ts';
import { cnMainlandCalendar as calendar } from './cn-mainland-calendar.ts';
import { COUNTABLE_RANGE, durationProblem, isCountableInstant, MAX_DURATION, MAX_SPAN_DAYS } from './countable-range.ts';
import { InvalidDateError } from './errors/invalid-date.error.ts';
import { InvalidDurationError } from './errors/invalid-duration.error.ts';
import { isCountableSpan, workingMinutesBetween } from './working-time.ts';

describe('the countable range', () => {
  it('runs from 2000-01-01 to 2099-12-31 (UTC), one day short of MAX_SPAN_DAYS', () => {
    expect(COUNTABLE_RANGE).toEqual({ from: '2000-01-01T00:00:00.000Z', to: '2099-12-31T00:00:00.000Z' });
    expect((Date.parse(COUNTABLE_RANGE.to) - Date.parse(COUNTABLE_RANGE.from)) / 86_400_000).toBe(MAX_SPAN_DAYS - 1);
  });

  it('holds its ends and nothing outside them', () => {
    expect(isCountableInstant(new Date(COUNTABLE_RANGE.from))).toBe(true);
    expect(isCountableInstant(new Date(COUNTABLE_RANGE.to))).toBe(true);
    expect(isCountableInstant(new Date(Date.parse(COUNTABLE_RANGE.from) - 1))).toBe(false);
    expect(isCountableInstant(new Date(Date.parse(COUNTABLE_RANGE.to) + 1))).toBe(false);
    expect(isCountableInstant(new Date(Number.NaN))).toBe(false);
  });

  it('spans a time the working time between its ends is counted in, in the farthest time zones', () => {
    for (const timeZone of ['Pacific/Kiritimati', 'Etc/GMT+12', 'Asia/Shanghai']) {
      expect(isCountableSpan({ timeZone }, new Date(COUNTABLE_RANGE.from), new Date(COUNTABLE_RANGE.to)), timeZone).toBe(true);
    }
    expect(workingMinutesBetween(calendar, new Date(COUNTABLE_RANGE.from), new Date(COUNTABLE_RANGE.to)).minutes).toBeGreaterThan(0);
  });
});

describe('isCountableSpan', () => {
  it('tells a span workingMinutesBetween refuses from one it counts', () => {
    const from = new Date('2026-03-02T01:00:00Z');
    expect(isCountableSpan(calendar, from, new Date('2126-03-03T01:00:00Z'))).toBe(true);
    expect(isCountableSpan(calendar, from, new Date('2126-03-04T01:00:00Z'))).toBe(false);
    expect(() => workingMinutesBetween(calendar, from, new Date('2126-03-04T01:00:00Z'))).toThrow(InvalidDurationError);
    expect(isCountableSpan(calendar, from, new Date(Number.NaN))).toBe(false);
    expect(isCountableSpan(calendar, new Date('2126-03-04T01:00:00Z'), from)).toBe(true);
  });
});

describe('durationProblem', () => {
  it('accepts every unit up to its maximum', () => {
    for (const [unit, amount] of Object.entries(MAX_DURATION)) expect(durationProblem({ amount, unit: unit as keyof typeof MAX_DURATION })).toBeUndefined();
    expect(durationProblem({ amount: 1.25, unit: 'workingHour' })).toBeUndefined();
  });

  it('says why the calendar cannot count a limit: past ten years, a fraction of a day, not positive', () => {
    expect(durationProblem({ amount: 1_000_000, unit: 'workingDay' })).toBe('it exceeds 2500 workingDay, the longest limit the calendar counts (ten years)');
    expect(durationProblem({ amount: MAX_DURATION.hour + 0.5, unit: 'hour' })).toContain('exceeds 87600 hour');
    expect(durationProblem({ amount: 1.5, unit: 'calendarDay' })).toContain('days are counted whole');
    expect(durationProblem({ amount: 0, unit: 'hour' })).toContain('not a positive number');
    expect(durationProblem({ amount: Number.POSITIVE_INFINITY, unit: 'hour' })).toContain('not a positive number');
  });
});

describe('counting at the ends of the years the calendar handles', () => {
  it('refuses a count that would end after 9999-12-31 instead of returning a date it cannot write', () => {
    expect(() => addDuration(calendar, new Date('9999-12-28T00:00:00Z'), { amount: 10, unit: 'workingDay' })).toThrow(InvalidDateError);
    expect(() => addDuration(calendar, new Date('9999-12-28T00:00:00Z'), { amount: 100, unit: 'hour' })).toThrow(InvalidDateError);
  });

  it('refuses instants outside the years 0001–9999 with a typed error, not a RangeError', () => {
    expect(() => addDuration(calendar, new Date(8.64e15), { amount: 1, unit: 'workingDay' })).toThrow(InvalidDateError);
    expect(() => workingMinutesBetween(calendar, new Date('0000-06-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'))).toThrow(InvalidDateError);
  });
});
