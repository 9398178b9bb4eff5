import { createActor, createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { activeNodes, compile, implementations, TimerNotPendingError } from '../src/index.ts';
import type { CaseContext } from '../src/index.ts';
import { loadWorkflow } from './load-fixture.ts';
import { CaseRun, refusal } from './run-case.ts';

const FIRED = { type: 'timer.fired', nodeId: 'public-notice', timerId: 'public-notice#1/timerEvent' } as const;

function atNotice(): CaseRun {
  const run = new CaseRun(loadWorkflow('timer-event'));
  run.start();
  run.complete('review#1');
  return run;
}

describe('a timer event', () => {
  it('should schedule its timer when reached, and wait there', () => {
    const run = new CaseRun(loadWorkflow('timer-event'));
    run.start();
    expect(run.complete('review#1')).toEqual([
      { type: 'closeTask', taskId: 'review#1', nodeId: 'review', reason: 'completed' },
      { type: 'scheduleTimer', timerId: 'public-notice#1/timerEvent', nodeId: 'public-notice', duration: { amount: 5, unit: 'workingDay' }, purpose: 'timerEvent' },
    ]);
    expect(activeNodes(run.current)).toEqual(['public-notice']);
  });

  it('should go on when its timer fires, without cancelling it', () => {
    const run = atNotice();
    expect(run.send(FIRED)).toEqual([{ type: 'createTask', taskId: 'issue#1', nodeId: 'issue' }]);
    expect((run.current.context as CaseContext).timers).toEqual({});
    expect(refusal(() => run.send(FIRED))).toBeInstanceOf(TimerNotPendingError);
  });

  it('should cancel its timer when the case leaves it otherwise', () => {
    expect(atNotice().send({ type: 'case.withdraw' })).toEqual([
      { type: 'cancelTimer', timerId: 'public-notice#1/timerEvent', nodeId: 'public-notice' },
      { type: 'completeCase', result: 'withdrawn', nodeId: '@withdrawn' },
    ]);
  });

  it('should not fire while the case is suspended', () => {
    const run = atNotice();
    run.send({ type: 'case.suspend', reason: 'hearing' });
    expect(refusal(() => run.send(FIRED)).code).toBe('case-suspended');
    run.send({ type: 'case.resume' });
    expect(run.send(FIRED)).toEqual([{ type: 'createTask', taskId: 'issue#1', nodeId: 'issue' }]);
  });

  it('should wait and go on in a plain XState actor', () => {
    const { machine } = compile(loadWorkflow('timer-event'));
    const actor = createActor(createMachine(machine).provide(implementations), { input: { caseId: 'c', data: {} } });
    actor.start();
    actor.send({ type: 'task.complete', nodeId: 'review', taskId: 'review#1', outcome: 'approve' });
    actor.send({ ...FIRED, timerId: 'public-notice#2/timerEvent' });
    expect(actor.getSnapshot().value).toBe('public-notice');
    actor.send(FIRED);
    expect(actor.getSnapshot().value).toBe('issue');
    actor.stop();
  });
});
