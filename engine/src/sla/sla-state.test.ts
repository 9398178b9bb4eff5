import { describe, expect, it } from 'vitest';
import { cnMainlandCalendar as calendar } from '../calendar/cn-mainland-calendar.ts';
import { InvalidDateError } from '../calendar/errors/invalid-date.error.ts';
import { parseLocalDateTime } from '../calendar/local-date-time.ts';
import { slaStateAt } from './sla-state.ts';
import { taskDeadlines } from './task-deadlines.ts';

const at = (text: string): Date => parseLocalDateTime(calendar, text);
const both = taskDeadlines(
  calendar,
  { promised: { amount: 1, unit: 'workingDay' }, statutory: { amount: 3, unit: 'workingDay' } },
  at('2026-03-02T10:00'),
);

describe('slaStateAt', () => {
  it('is onTrack before the promised limit, atRisk from it, overdue from the statutory limit', () => {
    expect(slaStateAt(both, at('2026-03-03T16:59:59'))).toBe('onTrack');
    expect(slaStateAt(both, at('2026-03-03T17:00'))).toBe('atRisk');
    expect(slaStateAt(both, at('2026-03-05T16:59'))).toBe('atRisk');
    expect(slaStateAt(both, at('2026-03-05T17:00'))).toBe('overdue');
  });

  it('is met when closed before the statutory limit and breached when closed after it', () => {
    expect(slaStateAt(both, at('2026-03-10T10:00'), at('2026-03-04T10:00'))).toBe('met');
    expect(slaStateAt(both, at('2026-03-10T10:00'), at('2026-03-06T10:00'))).toBe('breached');
  });

  it('is still open at an instant before the close', () => {
    expect(slaStateAt(both, at('2026-03-03T10:00'), at('2026-03-06T10:00'))).toBe('onTrack');
  });

  it('never becomes overdue on a promised limit alone, but a late close breaks the promise', () => {
    const promisedOnly = { atRisk: both.atRisk };
    expect(slaStateAt(promisedOnly, at('2026-12-31T10:00'))).toBe('atRisk');
    expect(slaStateAt(promisedOnly, at('2026-12-31T10:00'), at('2026-03-04T10:00'))).toBe('breached');
  });

  it('is onTrack without deadlines', () => {
    expect(slaStateAt({}, at('2026-03-03T10:00'))).toBe('onTrack');
    expect(slaStateAt({}, at('2026-03-03T10:00'), at('2026-03-03T09:00'))).toBe('met');
  });

  it('rejects an invalid instant', () => {
    expect(() => slaStateAt(both, new Date(Number.NaN))).toThrow(InvalidDateError);
  });
});
