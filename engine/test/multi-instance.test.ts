import { createActor, createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compile, countersignOutcome, implementations, openTasks, parseDefinition, TaskNotActiveError, validate } from '../src/index.ts';
import type { CaseContext, WorkflowDefinition } from '../src/index.ts';
import { loadWorkflow, readFixture } from './load-fixture.ts';
import { CaseRun, refusal } from './run-case.ts';

const instance = (index: number, item: string, over = 'departments', of = 3) => ({ over, item, index, of });

function atJointReview(data: Record<string, unknown> = { panelMembers: ['wang', 'li', 'zhao'] }): CaseRun {
  const run = new CaseRun(loadWorkflow('multi-instance'));
  run.start(data);
  run.complete('intake#1');
  return run;
}

describe('a multi-instance task (会签)', () => {
  it('should open one task per department, each with its own id and department', () => {
    const run = new CaseRun(loadWorkflow('multi-instance'));
    run.start();
    expect(run.complete('intake#1')).toEqual([
      { type: 'closeTask', taskId: 'intake#1', nodeId: 'intake', reason: 'completed' },
      { type: 'createTask', taskId: 'joint-review#1.1', nodeId: 'joint-review', instance: instance(1, 'fire-rescue') },
      { type: 'createTask', taskId: 'joint-review#1.2', nodeId: 'joint-review', instance: instance(2, 'health') },
      { type: 'createTask', taskId: 'joint-review#1.3', nodeId: 'joint-review', instance: instance(3, 'urban-management') },
    ]);
    expect(openTasks(run.machine, run.current)).toEqual([
      { taskId: 'joint-review#1.1', nodeId: 'joint-review', item: 'fire-rescue' },
      { taskId: 'joint-review#1.2', nodeId: 'joint-review', item: 'health' },
      { taskId: 'joint-review#1.3', nodeId: 'joint-review', item: 'urban-management' },
    ]);
  });

  it('should wait for every approval when all must approve, and keep each instance decision', () => {
    const run = atJointReview();
    expect(run.complete('joint-review#1.2')).toEqual([{ type: 'closeTask', taskId: 'joint-review#1.2', nodeId: 'joint-review', reason: 'completed' }]);
    run.complete('joint-review#1.1');
    expect(run.complete('joint-review#1.3').map((effect) => effect.type === 'createTask' && effect.taskId)).toEqual([false, 'panel#1.1', 'panel#1.2', 'panel#1.3']);
    expect((run.current.context as CaseContext).decisions?.['joint-review']).toEqual({
      taskId: 'joint-review#1',
      outcome: 'approve',
      instances: [
        { taskId: 'joint-review#1.2', item: 'health', outcome: 'approve' },
        { taskId: 'joint-review#1.1', item: 'fire-rescue', outcome: 'approve' },
        { taskId: 'joint-review#1.3', item: 'urban-management', outcome: 'approve' },
      ],
    });
  });

  it('should reject the step at the first rejection when all must approve, closing the other instances', () => {
    const run = atJointReview();
    run.complete('joint-review#1.1');
    expect(run.complete('joint-review#1.3', 'reject', { reason: '招牌位置不符合规划' })).toEqual([
      { type: 'closeTask', taskId: 'joint-review#1.2', nodeId: 'joint-review', reason: 'cancelled' },
      { type: 'closeTask', taskId: 'joint-review#1.3', nodeId: 'joint-review', reason: 'completed' },
      { type: 'completeCase', result: 'rejected', nodeId: 'rejected' },
    ]);
    expect((run.current.context as CaseContext).resultReason).toBe('招牌位置不符合规划');
  });

  it('should open the instances a collection expression names and decide at the threshold', () => {
    const run = atJointReview();
    for (const taskId of ['joint-review#1.1', 'joint-review#1.2', 'joint-review#1.3']) run.complete(taskId);
    expect(openTasks(run.machine, run.current).map((task) => task.item)).toEqual(['wang', 'li', 'zhao']);
    run.complete('panel#1.3', 'reject', { reason: '依据不足' });
    run.complete('panel#1.1');
    expect(run.complete('panel#1.2')).toEqual([
      { type: 'closeTask', taskId: 'panel#1.2', nodeId: 'panel', reason: 'completed' },
      { type: 'createTask', taskId: 'issue#1', nodeId: 'issue' },
    ]);
  });

  it('should pass on as approved when the collection names nobody', () => {
    const run = atJointReview({ panelMembers: [] });
    run.complete('joint-review#1.1');
    run.complete('joint-review#1.2');
    expect(run.complete('joint-review#1.3').filter((effect) => effect.type === 'createTask')).toEqual([
      { type: 'createTask', taskId: 'issue#1', nodeId: 'issue' },
    ]);
    expect((run.current.context as CaseContext).decisions?.panel).toEqual({ taskId: 'panel#1', outcome: 'approve', instances: [] });
  });

  it('should count approvals by its completion rule', () => {
    const set = (...outcomes: string[]) => ({ items: ['a', 'b', 'c'], decided: outcomes.map((outcome, i) => ({ taskId: `t.${i + 1}`, item: 'a', outcome })) });
    expect(countersignOutcome(set('approve'), 'any')).toBe('approve');
    expect(countersignOutcome(set('reject', 'reject'), 'any')).toBeUndefined();
    expect(countersignOutcome(set('reject', 'reject'), 'any', 'reject')).toBe('reject');
    expect(countersignOutcome(set('approve', 'approve'), 'all')).toBeUndefined();
    expect(countersignOutcome(set('approve', 'approve'), 'all', 'approve')).toBe('approve');
    expect(countersignOutcome(set('reject', 'reject'), { threshold: 2 })).toBe('reject');
    expect(countersignOutcome(set('reject'), { threshold: 2 }, 'approve')).toBeUndefined();
  });

  it('should refuse a completion of an instance already decided, naming the open ones', () => {
    const run = atJointReview();
    run.complete('joint-review#1.1');
    const error = refusal(() => run.complete('joint-review#1.1'));
    expect(error).toBeInstanceOf(TaskNotActiveError);
    expect(error.message).toBe("Task 'joint-review#1.1' is not active: the open task of node 'joint-review' is 'joint-review#1.2', 'joint-review#1.3'");
  });

  it('should take an SLA breach of one instance as a breach of the step', () => {
    const definition = loadWorkflow('multi-instance');
    const breaching: WorkflowDefinition = { ...definition, edges: [...definition.edges, { id: 'e9', source: 'joint-review', target: 'rejected', kind: 'slaBreach', action: 'deemedRejection' }] };
    const run = new CaseRun(breaching);
    run.start();
    run.complete('intake#1');
    expect(run.send({ type: 'task.slaBreach', nodeId: 'joint-review', taskId: 'joint-review#1.2' })).toEqual([
      { type: 'closeTask', taskId: 'joint-review#1.1', nodeId: 'joint-review', reason: 'cancelled' },
      { type: 'closeTask', taskId: 'joint-review#1.2', nodeId: 'joint-review', reason: 'breached' },
      { type: 'closeTask', taskId: 'joint-review#1.3', nodeId: 'joint-review', reason: 'cancelled' },
      { type: 'deemOutcome', nodeId: 'joint-review', taskId: 'joint-review#1.2', outcome: 'reject' },
      { type: 'completeCase', result: 'rejected', nodeId: 'rejected' },
    ]);
  });

  it('should countersign the same way in a plain XState actor', () => {
    const { machine } = compile(loadWorkflow('multi-instance'));
    const actor = createActor(createMachine(machine).provide(implementations), { input: { caseId: 'c', data: { panelMembers: ['wang'] } } });
    actor.start();
    actor.send({ type: 'task.complete', nodeId: 'intake', taskId: 'intake#1', outcome: 'approve' });
    for (const n of [1, 2, 3]) actor.send({ type: 'task.complete', nodeId: 'joint-review', taskId: `joint-review#1.${n}`, outcome: 'approve' });
    expect(actor.getSnapshot().value).toBe('panel');
    actor.send({ type: 'task.complete', nodeId: 'panel', taskId: 'panel#1.1', outcome: 'approve' });
    expect(actor.getSnapshot().value).toBe('issue');
    actor.stop();
  });

  it('should be refused by validation when its threshold exceeds its list, or it offers other outcomes', () => {
    const { definition } = parseDefinition(readFixture('diagnostics/invalid-multi-instance.json'));
    expect(validate(definition as WorkflowDefinition).map((d) => [d.code, d.message, d.field])).toEqual([
      ['invalid-multi-instance', "Multi-instance task 'joint-review' needs 4 approvals but has 3 instances", 'nodes[2].multiInstance.completion'],
    ]);
    const base = loadWorkflow('multi-instance');
    const returning: WorkflowDefinition = {
      ...base,
      nodes: base.nodes.map((node) => (node.id === 'panel' && node.type === 'userTask' ? { ...node, outcomes: [...node.outcomes, { id: 'return', label: '退回' }] } : node)),
      edges: [...base.edges, { id: 'e8', source: 'panel', target: 'intake', outcome: 'return' }],
    };
    expect(validate(returning).map((d) => d.message)).toContain(
      "Multi-instance task 'panel' offers 'approve', 'reject' and 'return'; each of its instances approves or rejects, so it offers 'approve' and 'reject' only",
    );
  });
});
