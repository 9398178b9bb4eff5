import { describe, expect, it } from 'vitest';
import { compile, planCaseMigration, step } from '../src/index.ts';
import type { MigrationVersion, WorkflowDefinition } from '../src/index.ts';
import { loadWorkflow } from './load-fixture.ts';
import { CaseRun, NOW } from './run-case.ts';

function versionOf(definition: WorkflowDefinition): MigrationVersion {
  return { definition, machine: compile(definition).machine };
}

/** The definition with node `from` renamed `to` everywhere (nodes and edges), as version 2. */
function renamed(definition: WorkflowDefinition, from: string, to: string): WorkflowDefinition {
  return { ...(JSON.parse(JSON.stringify(definition).replaceAll(`"${from}"`, `"${to}"`)) as WorkflowDefinition), version: 2 };
}

describe('planning a case migration', () => {
  it('should keep a task whose node keeps its id and leave the snapshot as it was', () => {
    const definition = loadWorkflow('sequence');
    const run = new CaseRun(definition);
    run.start();
    run.complete('intake#1');
    const plan = planCaseMigration(versionOf(definition), versionOf({ ...definition, version: 2 }), run.current, {});
    expect(plan.refusal).toBeUndefined();
    expect(plan.nodes).toEqual([{ nodeId: 'review', nodeType: 'userTask', activationId: 'review#1', targetNodeId: 'review', targetActivationId: 'review#1', action: 'kept' }]);
    expect(plan.snapshot?.value).toEqual(run.current.value);
  });

  it('should move a task to its mapped node under a new activation id that the target machine completes', () => {
    const definition = loadWorkflow('sequence');
    const target = versionOf(renamed(definition, 'review', 'check'));
    const run = new CaseRun(definition);
    run.start();
    run.complete('intake#1');
    const plan = planCaseMigration(versionOf(definition), target, run.current, { review: 'check' });
    expect(plan.nodes).toEqual([{ nodeId: 'review', nodeType: 'userTask', activationId: 'review#1', targetNodeId: 'check', targetActivationId: 'check#1', action: 'mapped' }]);
    const snapshot = JSON.parse(JSON.stringify(plan.snapshot));
    const result = step(target.machine, snapshot, { type: 'task.complete', nodeId: 'check', taskId: 'check#1', outcome: 'approve' }, NOW);
    expect(result.effects).toEqual([
      { type: 'closeTask', taskId: 'check#1', nodeId: 'check', reason: 'completed' },
      { type: 'completeCase', result: 'approved', nodeId: 'approved' },
    ]);
  });

  it('should refuse a case whose active node is missing from the target or mapped to another type', () => {
    const definition = loadWorkflow('sequence');
    const run = new CaseRun(definition);
    run.start();
    run.complete('intake#1');
    const missing = planCaseMigration(versionOf(definition), versionOf(renamed(definition, 'review', 'check')), run.current, {});
    expect(missing.refusal).toBe('target-missing');
    expect(missing.snapshot).toBeUndefined();
    const wrongType = planCaseMigration(versionOf(definition), versionOf(definition), run.current, { review: 'approved' });
    expect(wrongType.nodes[0]).toMatchObject({ action: 'refused', reason: 'type-mismatch' });
  });

  it('should refuse a case that has ended', () => {
    const definition = loadWorkflow('sequence');
    const run = new CaseRun(definition);
    run.start();
    run.complete('intake#1');
    run.complete('review#1');
    expect(planCaseMigration(versionOf(definition), versionOf(definition), run.current, {}).refusal).toBe('case-not-running');
  });

  it('should move a task inside a parallel block and keep its finished sibling branch finished', () => {
    const definition = loadWorkflow('parallel');
    const target = versionOf(renamed(definition, 'signage-review', 'signage-check'));
    const run = new CaseRun(definition);
    run.start();
    run.complete('intake#1');
    run.complete('food-review#1');
    const plan = planCaseMigration(versionOf(definition), target, run.current, { 'signage-review': 'signage-check' });
    expect(plan.refusal).toBeUndefined();
    const result = step(target.machine, JSON.parse(JSON.stringify(plan.snapshot)), { type: 'task.complete', nodeId: 'signage-check', taskId: 'signage-check#1', outcome: 'approve' }, NOW);
    expect(result.effects).toContainEqual({ type: 'createTask', taskId: 'issue#1', nodeId: 'issue' });
  });

  it('should refuse two active nodes that would rest in one branch', () => {
    const definition = loadWorkflow('parallel');
    const run = new CaseRun(definition);
    run.start();
    run.complete('intake#1');
    const plan = planCaseMigration(versionOf(definition), versionOf(definition), run.current, { 'food-review': 'signage-review' });
    expect(plan.refusal).toBe('duplicate-target');
  });

  it('should recount a timer event whose duration changed and rename it when its node is mapped', () => {
    const definition = loadWorkflow('timer-event');
    const longer = renamed(definition, 'public-notice', 'notice');
    const waiting = longer.nodes.find((node) => node.id === 'notice');
    if (waiting?.type === 'timerEvent') waiting.duration = { amount: 10, unit: 'workingDay' };
    const target = versionOf(longer);
    const run = new CaseRun(definition);
    run.start();
    run.complete('review#1');
    const plan = planCaseMigration(versionOf(definition), target, run.current, { 'public-notice': 'notice' });
    expect(plan.timers).toEqual([
      {
        timerId: 'public-notice#1/timerEvent',
        targetTimerId: 'notice#1/timerEvent',
        nodeId: 'public-notice',
        targetNodeId: 'notice',
        action: 'recounted',
        duration: { amount: 10, unit: 'workingDay' },
      },
    ]);
    const result = step(target.machine, JSON.parse(JSON.stringify(plan.snapshot)), { type: 'timer.fired', nodeId: 'notice', timerId: 'notice#1/timerEvent' }, NOW);
    expect(result.effects).toContainEqual({ type: 'createTask', taskId: 'issue#1', nodeId: 'issue' });
    const kept = planCaseMigration(versionOf(definition), versionOf({ ...definition, version: 2 }), run.current, {});
    expect(kept.timers[0]).toMatchObject({ action: 'kept', targetTimerId: 'public-notice#1/timerEvent' });
  });

  it('should keep a countersignature only under its own id', () => {
    const definition = loadWorkflow('multi-instance');
    const run = new CaseRun(definition);
    run.start({ panelMembers: ['wang', 'li'] });
    run.complete('intake#1');
    expect(planCaseMigration(versionOf(definition), versionOf(definition), run.current, {}).nodes.map((node) => node.action)).toEqual(['kept', 'kept', 'kept']);
    const moved = planCaseMigration(versionOf(definition), versionOf(definition), run.current, { 'joint-review': 'panel' });
    expect(moved.refusal).toBe('countersign-changed');
  });
});
