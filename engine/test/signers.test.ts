import { describe, expect, it } from 'vitest';
import { openTasks, SignerRefusedError, TaskNotActiveError } from '../src/index.ts';
import type { CaseContext } from '../src/index.ts';
import { loadWorkflow } from './load-fixture.ts';
import { CaseRun, refusal } from './run-case.ts';

/** A case at its joint review: three departments must all approve. */
function atJointReview(): CaseRun {
  const run = new CaseRun(loadWorkflow('multi-instance'));
  run.start({ panelMembers: ['wang', 'li', 'zhao'] });
  run.complete('intake#1');
  return run;
}

/** A case at its panel: 2 of wang, li, zhao must approve. */
function atPanel(): CaseRun {
  const run = atJointReview();
  for (const taskId of ['joint-review#1.1', 'joint-review#1.2', 'joint-review#1.3']) run.complete(taskId);
  return run;
}

describe('added signers (加签) on a countersignature', () => {
  it('should open one new instance per added signer, which the completion rule then waits for', () => {
    const run = atJointReview();
    expect(run.send({ type: 'task.addSigners', nodeId: 'joint-review', taskId: 'joint-review#1.1', items: ['public-security'] })).toEqual([
      { type: 'createTask', taskId: 'joint-review#1.4', nodeId: 'joint-review', instance: { over: 'departments', item: 'public-security', index: 4, of: 4 } },
    ]);
    for (const taskId of ['joint-review#1.1', 'joint-review#1.2', 'joint-review#1.3']) {
      expect(run.complete(taskId)).toEqual([{ type: 'closeTask', taskId, nodeId: 'joint-review', reason: 'completed' }]);
    }
    expect(run.complete('joint-review#1.4').map((effect) => effect.type)).toContain('createTask');
    expect((run.current.context as CaseContext).decisions?.['joint-review']?.instances?.map((i) => i.item)).toEqual([
      'fire-rescue',
      'health',
      'urban-management',
      'public-security',
    ]);
  });

  it('should refuse a signer already on the node, an empty addition, and a task that is no countersignature', () => {
    const run = atJointReview();
    expect(refusal(() => run.send({ type: 'task.addSigners', nodeId: 'joint-review', taskId: 'joint-review#1.1', items: ['health'] }))).toMatchObject({
      code: 'signer-refused',
      rule: 'already-signer',
    });
    expect(refusal(() => run.send({ type: 'task.addSigners', nodeId: 'joint-review', taskId: 'joint-review#1.1', items: [] }))).toBeInstanceOf(SignerRefusedError);
    const single = new CaseRun(loadWorkflow('multi-instance'));
    single.start({ panelMembers: ['wang'] });
    expect(refusal(() => single.send({ type: 'task.addSigners', nodeId: 'intake', taskId: 'intake#1', items: ['x'] }))).toMatchObject({ rule: 'not-countersign' });
  });
});

describe('removing a signer (减签)', () => {
  it('should close the removed instance and wait for the others while they still decide', () => {
    const run = atJointReview();
    expect(run.send({ type: 'task.removeSigner', nodeId: 'joint-review', taskId: 'joint-review#1.2' })).toEqual([
      { type: 'closeTask', taskId: 'joint-review#1.2', nodeId: 'joint-review', reason: 'removed' },
    ]);
    expect(openTasks(run.machine, run.current).map((t) => t.taskId)).toEqual(['joint-review#1.1', 'joint-review#1.3']);
    run.complete('joint-review#1.1');
    expect(run.complete('joint-review#1.3').map((effect) => effect.type === 'createTask' && effect.taskId)).toEqual([false, 'panel#1.1', 'panel#1.2', 'panel#1.3']);
  });

  it('should re-check the completion rule at once: removing the last undecided member moves the case on', () => {
    const run = atJointReview();
    run.complete('joint-review#1.1');
    run.complete('joint-review#1.3');
    const effects = run.send({ type: 'task.removeSigner', nodeId: 'joint-review', taskId: 'joint-review#1.2' });
    expect(effects[0]).toEqual({ type: 'closeTask', taskId: 'joint-review#1.2', nodeId: 'joint-review', reason: 'removed' });
    expect(effects.filter((e) => e.type === 'createTask').map((e) => e.type === 'createTask' && e.taskId)).toEqual(['panel#1.1', 'panel#1.2', 'panel#1.3']);
    expect((run.current.context as CaseContext).decisions?.['joint-review']?.outcome).toBe('approve');
  });

  it('should reject at once when the threshold can no longer be reached without the removed member', () => {
    const run = atPanel();
    run.complete('panel#1.1', 'reject', { reason: '依据不足' });
    const effects = run.send({ type: 'task.removeSigner', nodeId: 'panel', taskId: 'panel#1.2' });
    expect(effects).toContainEqual({ type: 'closeTask', taskId: 'panel#1.2', nodeId: 'panel', reason: 'removed' });
    expect(effects).toContainEqual({ type: 'closeTask', taskId: 'panel#1.3', nodeId: 'panel', reason: 'cancelled' });
    expect((run.current.context as CaseContext).decisions?.panel?.outcome).toBe('reject');
  });

  it('should refuse to remove an instance that is no longer open', () => {
    const run = atJointReview();
    run.complete('joint-review#1.1');
    expect(refusal(() => run.send({ type: 'task.removeSigner', nodeId: 'joint-review', taskId: 'joint-review#1.1' }))).toBeInstanceOf(TaskNotActiveError);
  });
});
