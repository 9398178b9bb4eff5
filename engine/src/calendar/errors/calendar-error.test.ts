import { describe, expect, it } from 'vitest';
import { isEngineError } from '../../errors/engine-error.ts';
import { isCalendarError } from './calendar-error.ts';
import { InvalidCalendarError } from './invalid-calendar.error.ts';
import { InvalidDateError } from './invalid-date.error.ts';
import { InvalidDurationError } from './invalid-duration.error.ts';
import { UnknownCalendarError } from './unknown-calendar.error.ts';

describe('calendar errors', () => {
  it.each([
    [new InvalidCalendarError('cn-x', [{ path: 'key', message: 'bad' }]), 'invalid-calendar', 'InvalidCalendarError'],
    [new InvalidDateError('2026-02-30', 'a date'), 'invalid-date', 'InvalidDateError'],
    [new InvalidDurationError(-1, 'workingDay', 'it is negative'), 'invalid-duration', 'InvalidDurationError'],
    [new UnknownCalendarError('cn-x', []), 'unknown-calendar', 'UnknownCalendarError'],
  ])('are engine errors with a stable code and name: %s', (error, code, name) => {
    expect(isCalendarError(error)).toBe(true);
    expect(isEngineError(error, code)).toBe(true);
    expect(error.name).toBe(name);
  });

  it('are told apart from other errors', () => {
    expect(isCalendarError(new Error('x'))).toBe(false);
  });
});
