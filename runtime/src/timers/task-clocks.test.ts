import { addDuration, cnMainlandCalendar } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import { taskClocks } from './task-clocks.ts';

const opened = new Date('2026-03-02T01:00:00.000Z');
const task = { id: 't1', activationId: 'review#1+sign1' };

describe('the clocks of a new task', () => {
  it('counts both limits on the calendar from when the task opens, each watched by a first-generation timer with its basis', () => {
    const promised = { amount: 2, unit: 'workingDay' as const };
    const statutory = { amount: 5, unit: 'workingDay' as const };
    const clocks = taskClocks(cnMainlandCalendar, { promised, statutory }, opened, task);
    const atRisk = addDuration(cnMainlandCalendar, opened, promised).dueAt;
    const due = addDuration(cnMainlandCalendar, opened, statutory).dueAt;
    expect(clocks.columns).toEqual({ atRiskAt: atRisk, dueAt: due, provisional: false });
    expect(clocks.timers).toEqual([
      { owner: 'review#1+sign1', taskId: 't1', generation: 1, kind: 'taskAtRisk', dueAt: atRisk, basis: { from: opened.toISOString(), limit: promised, changes: [] }, provisional: false },
      { owner: 'review#1+sign1', taskId: 't1', generation: 1, kind: 'taskBreach', dueAt: due, basis: { from: opened.toISOString(), limit: statutory, changes: [] }, provisional: false },
    ]);
  });

  it('arms nothing for a limit the node does not set', () => {
    expect(taskClocks(cnMainlandCalendar, undefined, opened, task)).toEqual({ columns: { atRiskAt: null, dueAt: null, provisional: false }, timers: [] });
    expect(taskClocks(cnMainlandCalendar, { statutory: { amount: 1, unit: 'workingDay' } }, opened, task).timers.map((t) => t.kind)).toEqual(['taskBreach']);
  });
});
