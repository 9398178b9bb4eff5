import { createActor, createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { activeNodes, CaseCompletedError, caseResult, compile, implementations, isSuspended, openTasks, WITHDRAWN_STATE } from '../src/index.ts';
import type { CaseContext, EngineError } from '../src/index.ts';
import { loadWorkflow } from './load-fixture.ts';
import { CaseRun } from './run-case.ts';

function refusal(action: () => unknown): EngineError {
  try {
    action();
  } catch (error) {
    return error as EngineError;
  }
  throw new Error('Expected the step to refuse the event');
}

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
