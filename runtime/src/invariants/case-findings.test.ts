import { describe, expect, it } from 'vitest';
import { checkCase, type CaseFacts } from './case-findings.ts';

const due = new Date('2026-03-09T09:00:00Z');

/** A case under review: task review#1 open with both limits armed, an acceptance timer, a running service. */
function facts(): CaseFacts {
  return {
    case: {
      id: 'c1',
      status: 'active',
      snapshot: {
        status: 'active',
        value: { review: {} },
        context: {
          caseId: 'c1',
          tasks: { review: 'review#1' },
          suspension: null,
          timers: { 'intake#1/acceptance': { nodeId: 'intake', purpose: 'acceptance' } },
          services: { check: { serviceId: 'check#1', status: 'running' } },
        },
      },
    },
    snapshotTasks: [{ taskId: 'review#1', nodeId: 'review' }],
    tasks: [
      { id: 't0', activationId: 'intake#1', nodeId: 'intake', status: 'completed', dueAt: due, atRiskAt: null, signing: null },
      { id: 't1', activationId: 'review#1', nodeId: 'review', status: 'open', dueAt: due, atRiskAt: due, signing: null },
    ],
    timers: [
      { id: 'x0', taskId: 't0', engineTimerId: null, kind: 'taskBreach', status: 'cancelled' },
      { id: 'x1', taskId: 't1', engineTimerId: null, kind: 'taskBreach', status: 'pending' },
      { id: 'x2', taskId: 't1', engineTimerId: null, kind: 'taskAtRisk', status: 'fired' },
      { id: 'x3', taskId: null, engineTimerId: 'intake#1/acceptance', kind: 'acceptance', status: 'pending' },
    ],
    invocations: [{ activationId: 'check#1', status: 'queued' }],
    events: [
      { type: 'case.created', taskId: null },
      { type: 'task.created', taskId: 't0' },
      { type: 'task.closed', taskId: 't0' },
      { type: 'task.created', taskId: 't1' },
    ],
  };
}

const rules = (f: CaseFacts) => checkCase(f).map((finding) => finding.rule);

describe('checkCase', () => {
  it('finds nothing when the snapshot agrees with every row', () => {
    expect(checkCase(facts())).toEqual([]);
  });

  it('finds a task the snapshot holds open whose row is gone or closed', () => {
    const gone = facts();
    gone.tasks = gone.tasks.filter((t) => t.id !== 't1');
    gone.timers = gone.timers.filter((t) => t.taskId !== 't1');
    gone.events = gone.events.filter((e) => e.taskId !== 't1');
    expect(checkCase(gone)).toEqual([
      { caseId: 'c1', rule: 'task-missing', message: "The snapshot holds task review#1 of node 'review' open, and no task row has that activation" },
    ]);
    const closed = facts();
    closed.tasks = closed.tasks.map((t) => (t.id === 't1' ? { ...t, status: 'completed' as const } : t));
    expect(rules(closed)).toEqual(['task-missing', 'timer-of-closed-task', 'audit-missing']);
  });

  it('finds an open task row the snapshot does not hold open', () => {
    const f = facts();
    f.snapshotTasks = [];
    expect(rules(f)).toEqual(['task-not-in-snapshot']);
  });

  it('holds an added signer’s open task open through the task it signs for, and checks its timers like any task’s', () => {
    const f = facts();
    const signing = { role: 'signer' as const, position: 'before' as const, parentTaskId: 't1', by: 'u1', reason: '请窗口先核', at: due.toISOString() };
    f.tasks = [...f.tasks, { id: 't2', activationId: 'review#1+sign1', nodeId: 'review', status: 'claimed', dueAt: due, atRiskAt: null, signing }];
    f.events = [...f.events, { type: 'task.created', taskId: 't2' }];
    expect(rules(f)).toEqual(['task-timer-missing']);
    f.timers = [...f.timers, { id: 'x5', taskId: 't2', engineTimerId: null, kind: 'taskBreach', status: 'pending' }];
    expect(checkCase(f)).toEqual([]);
    f.tasks = f.tasks.map((t) => (t.id === 't1' ? { ...t, status: 'completed' as const } : t));
    expect(rules(f)).toEqual(['task-missing', 'task-not-in-snapshot', 'timer-of-closed-task', 'audit-missing']);
  });

  it('finds an open task whose limit has no live timer', () => {
    const f = facts();
    f.timers = f.timers.filter((t) => t.id !== 'x1');
    expect(checkCase(f)).toEqual([{ caseId: 'c1', rule: 'task-timer-missing', message: 'Open task t1 (review#1) has a limit and no taskBreach timer that is pending, paused or fired' }]);
  });

  it('finds a timer the engine holds with no pending row, and a pending row it does not hold', () => {
    const missing = facts();
    missing.timers = missing.timers.map((t) => (t.id === 'x3' ? { ...t, status: 'cancelled' as const } : t));
    expect(rules(missing)).toEqual(['engine-timer-missing']);
    const stray = facts();
    stray.timers = [...stray.timers, { id: 'x4', taskId: null, engineTimerId: 'wait#1/timer', kind: 'timerEvent', status: 'paused' }];
    expect(rules(stray)).toEqual(['engine-timer-not-in-snapshot']);
  });

  it('finds a service the snapshot waits for with no invocation row', () => {
    const f = facts();
    f.invocations = [{ activationId: 'check#1', status: 'cancelled' }];
    expect(rules(f)).toEqual(['service-invocation-missing']);
  });

  it('finds a status that disagrees with the snapshot', () => {
    const suspended = facts();
    suspended.case = { ...suspended.case, status: 'suspended' };
    expect(rules(suspended)).toEqual(['case-status']);
    const ended = facts();
    ended.case = { ...ended.case, snapshot: { ...ended.case.snapshot, status: 'done' } };
    expect(rules(ended)).toEqual(['case-status']);
  });

  it('finds an audit trail that misses or doubles a creation or a closing', () => {
    const missing = facts();
    missing.events = missing.events.filter((e) => e.type !== 'case.created');
    expect(rules(missing)).toEqual(['audit-missing']);
    const doubled = facts();
    doubled.events = [...doubled.events, { type: 'task.closed', taskId: 't0' }];
    expect(checkCase(doubled)).toEqual([{ caseId: 'c1', rule: 'audit-doubled', message: "The audit trail has 'task.closed' of completed task t0 (intake#1) 2 times" }]);
  });
});
