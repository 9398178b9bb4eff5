import { createActor, createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compile, implementations, openTasks, parseDefinition, TimerNotPendingError, validate } from '../src/index.ts';
import type { CaseContext, WorkflowDefinition } from '../src/index.ts';
import { loadWorkflow, readFixture } from './load-fixture.ts';
import { CaseRun, NOW, refusal } from './run-case.ts';

const FIVE_WORKING_DAYS = { amount: 5, unit: 'workingDay' } as const;
const FIRED = { type: 'timer.fired', nodeId: 'intake', timerId: 'intake#1/acceptance' } as const;

function started(): CaseRun {
  const run = new CaseRun(loadWorkflow('acceptance-deadline'));
  run.start();
  return run;
}

describe("the intake's acceptance deadline (行政许可法 art. 32(4))", () => {
  it('should arm a timer when the application is received, and remember when that was', () => {
    const run = new CaseRun(loadWorkflow('acceptance-deadline'));
    expect(run.start()).toEqual([
      { type: 'createTask', taskId: 'intake#1', nodeId: 'intake' },
      { type: 'scheduleTimer', timerId: 'intake#1/acceptance', nodeId: 'intake', duration: FIVE_WORKING_DAYS, purpose: 'acceptance' },
    ]);
    const context = run.current.context as CaseContext;
    expect(context.receivedAt).toBe(NOW.toISOString());
    expect(context.timers).toEqual({ 'intake#1/acceptance': { nodeId: 'intake', purpose: 'acceptance' } });
  });

  it('should cancel the timer when the intake is decided in time', () => {
    expect(started().complete('intake#1')).toEqual([
      { type: 'closeTask', taskId: 'intake#1', nodeId: 'intake', reason: 'completed' },
      { type: 'cancelTimer', timerId: 'intake#1/acceptance', nodeId: 'intake' },
      { type: 'createTask', taskId: 'review#1', nodeId: 'review' },
    ]);
  });

  it('should cancel it when the applicant is told in time what to supplement, and not arm it again', () => {
    const run = started();
    expect(run.complete('intake#1', 'requestSupplement')).toEqual([
      { type: 'cancelTimer', timerId: 'intake#1/acceptance', nodeId: 'intake' },
      { type: 'suspendCase', reason: 'supplement', nodeId: 'intake', taskId: 'intake#1' },
    ]);
    expect(run.send({ type: 'case.supplement' })).toEqual([{ type: 'resumeCase' }]);
    expect(refusal(() => run.send(FIRED))).toBeInstanceOf(TimerNotPendingError);
  });

  it('should deem the case accepted as of its receipt when the deadline passes first, leaving the intake open', () => {
    const run = started();
    expect(run.send(FIRED, undefined, new Date('2026-03-09T17:00:00+08:00'))).toEqual([
      { type: 'deemAccepted', nodeId: 'intake', taskId: 'intake#1', acceptedAt: NOW.toISOString() },
    ]);
    const context = run.current.context as CaseContext;
    expect(context.deemedAcceptance).toEqual({ nodeId: 'intake', taskId: 'intake#1', acceptedAt: NOW.toISOString() });
    expect(context.timers).toEqual({});
    expect(openTasks(run.machine, run.current)).toEqual([{ taskId: 'intake#1', nodeId: 'intake' }]);
    const again = refusal(() => run.send(FIRED));
    expect(again.code).toBe('timer-not-pending');
    expect(again.message).toBe("Timer 'intake#1/acceptance' of node 'intake' is not pending");
    expect(run.complete('intake#1')).toEqual([
      { type: 'closeTask', taskId: 'intake#1', nodeId: 'intake', reason: 'completed' },
      { type: 'createTask', taskId: 'review#1', nodeId: 'review' },
    ]);
  });

  it('should not arm it again when a return brings the case back to the intake', () => {
    const run = started();
    run.complete('intake#1');
    expect(run.complete('review#1', 'return', { reason: '材料不全' })).toEqual([
      { type: 'closeTask', taskId: 'review#1', nodeId: 'review', reason: 'completed' },
      { type: 'createTask', taskId: 'intake#2', nodeId: 'intake' },
    ]);
  });

  it('should cancel it when the applicant withdraws', () => {
    expect(started().send({ type: 'case.withdraw' })).toContainEqual({ type: 'cancelTimer', timerId: 'intake#1/acceptance', nodeId: 'intake' });
  });

  it('should refuse a timer of another node and a timer while the case is suspended', () => {
    const run = started();
    expect(refusal(() => run.send({ type: 'timer.fired', nodeId: 'review', timerId: 'intake#1/acceptance' }))).toBeInstanceOf(
      TimerNotPendingError,
    );
    run.send({ type: 'case.suspend', reason: 'hearing' });
    expect(refusal(() => run.send(FIRED)).code).toBe('case-suspended');
  });

  it('should deem acceptance in a plain XState actor only for the pending timer', () => {
    const { machine } = compile(loadWorkflow('acceptance-deadline'));
    const actor = createActor(createMachine(machine).provide(implementations), { input: { caseId: 'c', data: {} } });
    actor.start();
    actor.send({ ...FIRED, timerId: 'intake#2/acceptance' });
    expect(actor.getSnapshot().context.deemedAcceptance).toBeNull();
    actor.send(FIRED);
    expect(actor.getSnapshot().context.deemedAcceptance).toMatchObject({ nodeId: 'intake', taskId: 'intake#1' });
    actor.stop();
  });

  it('should be refused on a task that is not where the case is received', () => {
    const { definition } = parseDefinition(readFixture('diagnostics/invalid-acceptance-deadline.json'));
    expect(validate(definition as WorkflowDefinition)).toEqual([
      {
        code: 'invalid-acceptance-deadline',
        severity: 'error',
        message: "Task 'review' has an acceptance deadline, but it is not where a case is received: the first task is 'intake'",
        nodeId: 'review',
        field: 'nodes[2].acceptanceDeadline',
      },
    ]);
  });
});
