import { createActor, createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  activeNodes,
  CaseCompletedError,
  CaseNotSuspendedError,
  caseResult,
  CaseSuspendedError,
  compile,
  implementations,
  InvalidSuspensionReasonError,
  isSuspended,
  openTasks,
  SuspensionMismatchError,
  TaskNotActiveError,
  WITHDRAWN_STATE,
} from '../src/index.ts';
import type { CaseContext } from '../src/index.ts';
import { loadWorkflow } from './load-fixture.ts';
import { CaseRun, NOW, refusal } from './run-case.ts';

describe('withdrawal by the applicant (case.withdraw)', () => {
  it('should close every open task as cancelled and end the case withdrawn', () => {
    const run = new CaseRun(loadWorkflow('parallel'));
    run.start();
    run.complete('intake#1');
    expect(run.send({ type: 'case.withdraw', reason: '不再开店' })).toEqual([
      { type: 'closeTask', taskId: 'signage-review#1', nodeId: 'signage-review', reason: 'cancelled' },
      { type: 'closeTask', taskId: 'food-review#1', nodeId: 'food-review', reason: 'cancelled' },
      { type: 'completeCase', result: 'withdrawn', nodeId: WITHDRAWN_STATE },
    ]);
    expect(run.current.status).toBe('done');
    expect(caseResult(run.current)).toBe('withdrawn');
    expect((run.current.context as CaseContext).resultReason).toBe('不再开店');
    expect(activeNodes(run.current)).toEqual([WITHDRAWN_STATE]);
    expect(openTasks(run.machine, run.current)).toEqual([]);
  });

  it('should end a suspended case too, which is then no longer suspended', () => {
    const run = new CaseRun(loadWorkflow('supplement'));
    run.start();
    run.complete('intake#1', 'requestSupplement');
    expect(run.send({ type: 'case.withdraw' })).toEqual([
      { type: 'closeTask', taskId: 'intake#1', nodeId: 'intake', reason: 'cancelled' },
      { type: 'completeCase', result: 'withdrawn', nodeId: WITHDRAWN_STATE },
    ]);
    expect(isSuspended(run.current)).toBe(false);
    expect((run.current.context as CaseContext).resultReason).toBeNull();
  });

  it('should refuse a withdrawal once the case is completed', () => {
    const run = new CaseRun(loadWorkflow('sequence'));
    run.start();
    run.send({ type: 'case.withdraw' });
    expect(refusal(() => run.send({ type: 'case.withdraw' }))).toBeInstanceOf(CaseCompletedError);
  });

  it('should withdraw in a plain XState actor as well', () => {
    const { machine } = compile(loadWorkflow('nested-parallel'));
    const actor = createActor(createMachine(machine).provide(implementations), { input: { caseId: 'c', data: {} } });
    actor.start();
    actor.send({ type: 'case.withdraw' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().value).toBe(WITHDRAWN_STATE);
    expect(actor.getSnapshot().context).toMatchObject({ result: 'withdrawn', tasks: {} });
    actor.stop();
  });
});

describe('suspension for a period the law does not count (case.suspend, case.resume)', () => {
  it('should pause every clock for the reason, refuse completions meanwhile, and resume with the data gathered', () => {
    const run = new CaseRun(loadWorkflow('parallel'));
    run.start();
    run.complete('intake#1');
    expect(run.send({ type: 'case.suspend', reason: 'expertReview', nodeId: 'food-review', taskId: 'food-review#1' })).toEqual([
      { type: 'pauseCase', reason: 'expertReview', nodeId: 'food-review', taskId: 'food-review#1' },
    ]);
    expect(isSuspended(run.current)).toBe(true);
    expect((run.current.context as CaseContext).suspension).toEqual({
      reason: 'expertReview',
      nodeId: 'food-review',
      taskId: 'food-review#1',
      since: NOW.toISOString(),
    });
    const blocked = refusal(() => run.complete('signage-review#1'));
    expect(blocked).toBeInstanceOf(CaseSuspendedError);
    expect(blocked.message).toBe("Case 'case-1' is suspended by task 'food-review' for expertReview until it resumes");
    expect(openTasks(run.machine, run.current).map((task) => task.taskId)).toEqual(['food-review#1', 'signage-review#1']);

    expect(run.send({ type: 'case.resume', data: { expertOpinion: '符合' } })).toEqual([{ type: 'resumeCase' }]);
    expect(isSuspended(run.current)).toBe(false);
    expect((run.current.context as CaseContext).data).toEqual({ expertOpinion: '符合' });
    expect(run.complete('signage-review#1')).toContainEqual({ type: 'closeTask', taskId: 'signage-review#1', nodeId: 'signage-review', reason: 'completed' });
  });

  it('should suspend the case as a whole when no task is named', () => {
    const run = new CaseRun(loadWorkflow('sequence'));
    run.start();
    expect(run.send({ type: 'case.suspend', reason: 'hearing' })).toEqual([{ type: 'pauseCase', reason: 'hearing', nodeId: null, taskId: null }]);
  });

  it('should take only the reasons of the fixed list, from an open task, once at a time', () => {
    const run = new CaseRun(loadWorkflow('sequence'));
    run.start();
    const unknown = refusal(() => run.send({ type: 'case.suspend', reason: 'holiday' as 'hearing' }));
    expect(unknown).toBeInstanceOf(InvalidSuspensionReasonError);
    expect(unknown.message).toBe(
      "'holiday' is not a reason to suspend a case; the reasons are 'hearing', 'testing', 'inspection', 'expertReview', 'appraisal' (行政许可法 art. 45)",
    );
    expect(refusal(() => run.send({ type: 'case.suspend', reason: 'testing', nodeId: 'review', taskId: 'review#1' }))).toBeInstanceOf(
      TaskNotActiveError,
    );
    run.send({ type: 'case.suspend', reason: 'testing' });
    expect(refusal(() => run.send({ type: 'case.suspend', reason: 'appraisal' }))).toBeInstanceOf(CaseSuspendedError);
  });

  it('should end each kind of suspension only by its own event', () => {
    const held = new CaseRun(loadWorkflow('supplement'));
    held.start();
    held.send({ type: 'case.suspend', reason: 'inspection' });
    const supplement = refusal(() => held.send({ type: 'case.supplement' }));
    expect(supplement).toBeInstanceOf(SuspensionMismatchError);
    expect(supplement.message).toBe("Case 'case-1' is suspended for inspection; 'case.supplement' does not end that, only 'case.resume' does");

    const waiting = new CaseRun(loadWorkflow('supplement'));
    waiting.start();
    waiting.complete('intake#1', 'requestSupplement');
    expect(refusal(() => waiting.send({ type: 'case.resume' })).message).toBe(
      "Case 'case-1' waits for a supplement (补正); 'case.resume' does not end that, only 'case.supplement' does",
    );
    expect(refusal(() => waiting.send({ type: 'case.suspend', reason: 'hearing' }))).toBeInstanceOf(CaseSuspendedError);
  });

  it('should refuse to resume a case that is not suspended', () => {
    const run = new CaseRun(loadWorkflow('sequence'));
    run.start();
    expect(refusal(() => run.send({ type: 'case.resume' }))).toBeInstanceOf(CaseNotSuspendedError);
  });

  it('should hold and resume in a plain XState actor, ignoring a reason outside the list', () => {
    const { machine } = compile(loadWorkflow('sequence'));
    const actor = createActor(createMachine(machine).provide(implementations), { input: { caseId: 'c', data: {} } });
    actor.start();
    actor.send({ type: 'case.suspend', reason: 'lunch' });
    expect(actor.getSnapshot().context.suspension).toBeNull();
    actor.send({ type: 'case.suspend', reason: 'appraisal' });
    actor.send({ type: 'task.complete', nodeId: 'intake', taskId: 'intake#1', outcome: 'approve' });
    expect(actor.getSnapshot().value).toBe('intake');
    actor.send({ type: 'case.supplement' });
    expect(actor.getSnapshot().context.suspension).toMatchObject({ reason: 'appraisal' });
    actor.send({ type: 'case.resume' });
    actor.send({ type: 'task.complete', nodeId: 'intake', taskId: 'intake#1', outcome: 'approve' });
    expect(actor.getSnapshot().value).toBe('review');
    actor.stop();
  });
});
