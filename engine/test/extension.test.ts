import { createActor, createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compile, ExtensionRefusedError, implementations, parseDefinition, validate } from '../src/index.ts';
import type { CaseContext, CaseEvent, WorkflowDefinition } from '../src/index.ts';
import { loadWorkflow, readFixture } from './load-fixture.ts';
import { CaseRun } from './run-case.ts';

const TASK = { nodeId: 'review', taskId: 'review#1' } as const;
const REQUEST: CaseEvent = { type: 'task.requestExtension', ...TASK, amount: 10, reason: '需组织专家论证' };
const APPROVE: CaseEvent = { type: 'task.approveExtension', ...TASK, approverRole: 'manager' };
const REFUSE: CaseEvent = { type: 'task.refuseExtension', ...TASK, approverRole: 'manager', reason: '理由不充分' };

function refused(run: CaseRun, event: CaseEvent): ExtensionRefusedError {
  try {
    run.send(event);
  } catch (error) {
    return error as ExtensionRefusedError;
  }
  throw new Error('Expected the step to refuse the extension');
}

function started(definition = loadWorkflow('extension')): CaseRun {
  const run = new CaseRun(definition);
  run.start();
  return run;
}

describe('extensions of a statutory limit (行政许可法 art. 42)', () => {
  it('should ask the named role to approve a request, and extend the deadline once approved', () => {
    const run = started();
    expect(run.send(REQUEST)).toEqual([
      { type: 'requestExtensionApproval', ...TASK, by: { amount: 10, unit: 'workingDay' }, reason: '需组织专家论证', approverRole: 'manager' },
    ]);
    expect(run.send(APPROVE)).toEqual([{ type: 'extendDeadline', ...TASK, by: { amount: 10, unit: 'workingDay' } }]);
    expect((run.current.context as CaseContext).extensions?.['review#1']).toEqual({
      nodeId: 'review',
      by: { amount: 10, unit: 'workingDay' },
      reason: '需组织专家论证',
      status: 'approved',
    });
    expect(run.complete('review#1')).toContainEqual({ type: 'createTask', taskId: 'issue#1', nodeId: 'issue' });
  });

  it('should refuse more than the cap, nothing at all, or no reason', () => {
    const over = refused(started(), { ...REQUEST, amount: 11 } as CaseEvent);
    expect(over).toBeInstanceOf(ExtensionRefusedError);
    expect(over.code).toBe('extension-refused');
    expect(over.rule).toBe('cap-exceeded');
    expect(over.message).toBe("Extension of task 'review#1' refused: 11 workingDay asked, at most 10 workingDay allowed");
    expect(refused(started(), { ...REQUEST, amount: 0 } as CaseEvent).rule).toBe('cap-exceeded');
    expect(refused(started(), { ...REQUEST, reason: ' ' } as CaseEvent).rule).toBe('reason-missing');
    expect(refused(started(), { ...REQUEST, amount: 0.5 } as CaseEvent).message).toBe(
      "Extension of task 'review#1' refused: 0.5 workingDay asked; days are counted whole (1 to 10)",
    );
  });

  it('should extend a step once', () => {
    const run = started();
    run.send(REQUEST);
    expect(refused(run, { ...REQUEST, amount: 2 } as CaseEvent).message).toBe(
      "Extension of task 'review#1' refused: an extension of 10 workingDay was already asked for; a step's limit is extended at most once, on one request",
    );
    run.send(APPROVE);
    expect(refused(run, REQUEST).rule).toBe('already-requested');
    expect(refused(run, APPROVE).rule).toBe('not-requested');
  });

  it('should take the approval only from the named role, and only for a pending request', () => {
    const run = started();
    expect(refused(run, APPROVE).rule).toBe('not-requested');
    run.send(REQUEST);
    expect(refused(run, { ...APPROVE, approverRole: 'clerk' } as CaseEvent).message).toBe(
      "Extension of task 'review#1' refused: role 'clerk' cannot approve it, role 'manager' can",
    );
  });

  it('should let the named role refuse a pending request with a reason: the deadline stays and the step is not extended', () => {
    const run = started();
    expect(refused(run, REFUSE).rule).toBe('not-requested');
    run.send(REQUEST);
    expect(refused(run, { ...REFUSE, reason: ' ' } as CaseEvent).rule).toBe('reason-missing');
    expect(refused(run, { ...REFUSE, approverRole: 'clerk' } as CaseEvent).message).toBe(
      "Extension of task 'review#1' refused: role 'clerk' cannot refuse it, role 'manager' can",
    );
    expect(run.send(REFUSE)).toEqual([{ type: 'extensionRefused', ...TASK, by: { amount: 10, unit: 'workingDay' }, reason: '理由不充分' }]);
    expect((run.current.context as CaseContext).extensions?.['review#1']).toMatchObject({ status: 'refused', refusalReason: '理由不充分' });
    expect(refused(run, APPROVE).rule).toBe('not-requested');
    expect(refused(run, REQUEST).rule).toBe('already-requested');
    expect(run.complete('review#1')).toContainEqual({ type: 'createTask', taskId: 'issue#1', nodeId: 'issue' });
  });

  it('should refuse an extension of a task that offers none', () => {
    const run = started();
    run.complete('review#1');
    expect(refused(run, { ...REQUEST, nodeId: 'issue', taskId: 'issue#1' } as CaseEvent).rule).toBe('not-allowed');
  });

  it('should follow the same rules in a plain XState actor', () => {
    const { machine } = compile(loadWorkflow('extension'));
    const actor = createActor(createMachine(machine).provide(implementations), { input: { caseId: 'c', data: {} } });
    actor.start();
    actor.send({ ...REQUEST, amount: 30 });
    expect(actor.getSnapshot().context.extensions).toEqual({});
    actor.send(REQUEST);
    actor.send({ ...APPROVE, approverRole: 'clerk' });
    expect(actor.getSnapshot().context.extensions?.['review#1']?.status).toBe('requested');
    actor.send(APPROVE);
    expect(actor.getSnapshot().context.extensions?.['review#1']?.status).toBe('approved');
    actor.stop();
  });

  it('should be refused by validation when its cap is in another unit than the statutory limit', () => {
    const { definition } = parseDefinition(readFixture('diagnostics/invalid-extension.json'));
    expect(validate(definition as WorkflowDefinition)).toEqual([
      {
        code: 'invalid-extension',
        severity: 'error',
        message: "The extension cap of task 'review' is counted in workingHour, its statutory limit in workingDay; count both in one unit",
        nodeId: 'review',
        field: 'nodes[1].extension.cap.unit',
      },
    ]);
    const base = loadWorkflow('extension');
    const noLimit: WorkflowDefinition = { ...base, nodes: base.nodes.map((node) => (node.id === 'review' && node.type === 'userTask' ? { ...node, sla: undefined } : node)) };
    expect(validate(noLimit).map((d) => d.message)).toEqual(["Task 'review' allows an extension but has no statutory limit to extend"]);
  });
});
