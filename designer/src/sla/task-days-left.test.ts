import type { WorkflowDefinition } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import { caseDaysLeft, minutesLeftAt, overdueBy, taskDaysLeft } from './task-days-left.ts';

const definition = {
  schemaVersion: 1,
  key: 'permit',
  version: 1,
  name: 'Permit',
  description: '',
  calendar: 'cn-mainland',
  promisedSla: { amount: 10, unit: 'workingDay' },
  nodes: [
    { id: 'review', type: 'userTask', name: 'Review', department: 'market-regulation', level: 'district', candidateRole: 'clerk', outcomes: [], form: [], sla: { statutory: { amount: 3, unit: 'workingDay' } } },
    { id: 'courier', type: 'userTask', name: 'Courier', department: 'service-hall', level: 'district', candidateRole: 'clerk', outcomes: [], form: [], sla: { statutory: { amount: 48, unit: 'hour' } } },
  ],
  edges: [],
} satisfies WorkflowDefinition;

describe('taskDaysLeft', () => {
  it('should count a working-day limit in working days of the definition calendar', () => {
    expect(taskDaysLeft(840, 'review', definition)).toEqual({ days: 2, working: true });
  });

  it('should count an hour limit in calendar days', () => {
    expect(taskDaysLeft(2160, 'courier', definition)).toEqual({ days: 1, working: false });
  });

  it('should report nothing without minutes, definition or a calendar the console knows', () => {
    expect(taskDaysLeft(null, 'review', definition)).toBeNull();
    expect(taskDaysLeft(840, 'review', undefined)).toBeNull();
    expect(taskDaysLeft(840, 'review', { ...definition, calendar: 'mars' })).toBeNull();
  });
});

describe('minutesLeftAt', () => {
  it('should count working minutes to the due instant, skipping the weekend', () => {
    // Friday 2026-03-06 16:00 Shanghai → Monday 2026-03-09 10:00 Shanghai: 60 + 60 working minutes.
    expect(minutesLeftAt('2026-03-09T02:00:00.000Z', 'review', definition, new Date('2026-03-06T08:00:00.000Z'))).toBe(120);
  });

  it('should count elapsed minutes for an hour limit and zero once passed', () => {
    expect(minutesLeftAt('2026-03-07T08:00:00.000Z', 'courier', definition, new Date('2026-03-06T08:00:00.000Z'))).toBe(1440);
    expect(minutesLeftAt('2026-03-05T08:00:00.000Z', 'courier', definition, new Date('2026-03-06T08:00:00.000Z'))).toBe(0);
  });

  it('should report nothing without a due instant or a clock', () => {
    expect(minutesLeftAt(null, 'review', definition, new Date())).toBeNull();
    expect(minutesLeftAt('2026-03-09T02:00:00.000Z', 'review', definition, undefined)).toBeNull();
  });
});

describe('overdueBy', () => {
  it('should count the working days past the statutory limit, skipping the weekend', () => {
    // Due Friday 2026-03-06 17:00; now Wednesday 2026-03-11 17:00 Shanghai: Monday to Wednesday.
    expect(overdueBy('2026-03-06T09:00:00.000Z', 'review', definition, new Date('2026-03-11T09:00:00.000Z'))).toEqual({ days: 3, working: true });
  });

  it('should report nothing before the limit passes', () => {
    expect(overdueBy('2026-03-06T09:00:00.000Z', 'review', definition, new Date('2026-03-06T08:00:00.000Z'))).toBeNull();
  });
});

describe('caseDaysLeft', () => {
  it('should count the promised total in its own unit', () => {
    expect(caseDaysLeft(420 * 4, definition)).toEqual({ days: 4, working: true });
  });
});
