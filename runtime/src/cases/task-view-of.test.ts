import { applyCalendarOverride, cnMainlandCalendar, parseDefinition, type WorkflowDefinition } from '@tongban/engine';
import { describe, expect, it } from 'vitest';
import type { TaskRow } from '../db/schema/index.ts';
import { taskViewOf } from './task-view-of.ts';

const { definition } = parseDefinition({
  schemaVersion: 1,
  key: 'two-limits',
  version: 1,
  name: 'Two limits',
  calendar: 'cn-mainland',
  nodes: [
    { id: 'start', name: 'Start', type: 'startEvent' },
    { id: 'review', name: 'Review', type: 'userTask', department: 'health', candidateRole: 'clerk', sla: { statutory: { amount: 2, unit: 'workingDay' } } },
    { id: 'courier', name: 'Courier', type: 'userTask', department: 'health', candidateRole: 'clerk', sla: { statutory: { amount: 24, unit: 'hour' } } },
    { id: 'end', name: 'End', type: 'endEvent', result: 'done' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'review' },
    { id: 'e2', source: 'review', target: 'courier' },
    { id: 'e3', source: 'courier', target: 'end' },
  ],
});

const shanghai = (local: string) => new Date(`${local}+08:00`);

/** A task row with the columns `taskViewOf` reads and the others empty. */
function task(nodeId: string, dueAt: string | null, status: TaskRow['status'] = 'open'): TaskRow {
  const row: Partial<TaskRow> = {
    id: `t-${nodeId}`,
    caseId: 'c1',
    activationId: nodeId,
    nodeId,
    name: nodeId,
    departmentId: 'sh-huangpu-health',
    candidateRole: 'clerk',
    status,
    assigneeId: null,
    outcome: null,
    data: null,
    comment: null,
    closeReason: null,
    createdAt: shanghai('2026-03-02T09:00:00'),
    claimedAt: null,
    completedAt: null,
    atRiskAt: null,
    dueAt: dueAt === null ? null : shanghai(dueAt),
    provisional: false,
    slaState: 'onTrack',
    escalatedAt: null,
  };
  return row as TaskRow;
}

const active = (now: string) => ({
  definition: definition as WorkflowDefinition,
  calendar: cnMainlandCalendar,
  caseStatus: 'active' as const,
  suspendedSince: null,
  now: shanghai(now),
});

describe('taskViewOf', () => {
  it('should count working minutes to a limit in working days, and how far past it an overdue task is', () => {
    expect(taskViewOf(task('review', '2026-03-04T17:00:00'), active('2026-03-04T16:00:00')).minutesLeft).toBe(60);
    expect(taskViewOf(task('review', '2026-03-04T17:00:00'), active('2026-03-05T10:00:00')).minutesLeft).toBe(-60);
  });

  it('should count elapsed minutes to a limit in hours, on either side of it', () => {
    expect(taskViewOf(task('courier', '2026-03-07T12:00:00'), active('2026-03-07T10:00:00')).minutesLeft).toBe(120);
    expect(taskViewOf(task('courier', '2026-03-07T12:00:00'), active('2026-03-07T13:30:00')).minutesLeft).toBe(-90);
  });

  it('should answer 0, not -0, for a limit passed outside working hours', () => {
    expect(Object.is(taskViewOf(task('review', '2026-03-04T17:00:00'), active('2026-03-04T18:00:00')).minutesLeft, 0)).toBe(true);
  });

  it('should keep what the paused breach timer kept while the case is suspended', () => {
    const view = taskViewOf(task('review', '2026-03-04T17:00:00'), {
      ...active('2026-03-20T10:00:00'),
      caseStatus: 'suspended',
      suspendedSince: shanghai('2026-03-03T09:00:00'),
      pausedBreachMinutes: 840,
    });
    expect(view).toMatchObject({ minutesLeft: 840, suspended: true });
  });

  it('should stop an overdue task’s count when its case was suspended', () => {
    const view = taskViewOf(task('review', '2026-03-04T17:00:00'), {
      ...active('2026-03-20T10:00:00'),
      caseStatus: 'suspended',
      suspendedSince: shanghai('2026-03-05T10:00:00'),
    });
    expect(view).toMatchObject({ minutesLeft: -60, suspended: true });
  });

  it("should count on the case's calendar: a district's own day off is not working time", () => {
    const district = applyCalendarOverride(cnMainlandCalendar, {
      key: 'test-district',
      name: 'A district with its own day off (test data)',
      adjustments: [{ date: '2026-03-04', working: false, reason: 'test data' }],
    });
    const view = taskViewOf(task('review', '2026-03-05T17:00:00'), { ...active('2026-03-03T17:00:00'), calendar: district });
    expect(view.minutesLeft).toBe(7 * 60);
    expect(taskViewOf(task('review', '2026-03-05T17:00:00'), active('2026-03-03T17:00:00')).minutesLeft).toBe(14 * 60);
  });

  it('should answer null for a closed task or one without a statutory limit', () => {
    expect(taskViewOf(task('review', '2026-03-04T17:00:00', 'completed'), active('2026-03-04T16:00:00'))).toMatchObject({ minutesLeft: null, suspended: false });
    expect(taskViewOf(task('review', null), active('2026-03-04T16:00:00')).minutesLeft).toBeNull();
  });

  it('should answer null, not throw, when more than a century of working time lies between the limit and the clock', () => {
    expect(taskViewOf(task('review', '2026-03-04T17:00:00'), active('2299-12-16T09:00:00')).minutesLeft).toBeNull();
    expect(taskViewOf(task('review', '2126-03-04T17:00:00'), active('2026-03-02T09:00:00')).minutesLeft).toBeNull();
    expect(taskViewOf(task('courier', '2026-03-07T12:00:00'), active('2299-12-16T09:00:00')).minutesLeft).toBeLessThan(0);
    expect(taskViewOf(task('review', '2026-03-04T17:00:00'), active('2099-12-31T09:00:00')).minutesLeft).toBeLessThan(0);
  });
});
