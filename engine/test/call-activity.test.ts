import { createActor, createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { activeNodes, compile, implementations, parseDefinition, SubCaseNotActiveError, validate } from '../src/index.ts';
import type { CaseContext, WorkflowDefinition } from '../src/index.ts';
import { loadWorkflow, readFixture } from './load-fixture.ts';
import { CaseRun, refusal } from './run-case.ts';

const SUB_CASE = 'case-1/food-licence#1';
const APPLICATION = { businessName: '雨林咖啡', address: '天平路88号', seats: 12 };

function waiting(): CaseRun {
  const run = new CaseRun(loadWorkflow('call-activity'));
  run.start(APPLICATION);
  run.complete('intake#1');
  return run;
}

describe('a call activity', () => {
  it('should start a sub-case of the called definition with the inputs it names, and wait', () => {
    const run = new CaseRun(loadWorkflow('call-activity'));
    run.start(APPLICATION);
    expect(run.complete('intake#1')).toEqual([
      { type: 'closeTask', taskId: 'intake#1', nodeId: 'intake', reason: 'completed' },
      {
        type: 'startSubCase',
        nodeId: 'food-licence',
        subCaseId: SUB_CASE,
        definitionKey: 'food-business-licence',
        version: 3,
        data: { businessName: '雨林咖啡', address: '天平路88号' },
      },
    ]);
    expect(activeNodes(run.current)).toEqual(['food-licence']);
  });

  it("should merge the sub-case's data and route by its result", () => {
    const run = waiting();
    expect(run.send({ type: 'subCase.completed', nodeId: 'food-licence', subCaseId: SUB_CASE, result: 'approved', data: { foodLicenceNumber: 'JY1' } })).toEqual([
      { type: 'createTask', taskId: 'issue#1', nodeId: 'issue' },
    ]);
    expect((run.current.context as CaseContext).data).toMatchObject({ foodLicenceNumber: 'JY1' });
    expect(waiting().send({ type: 'subCase.completed', nodeId: 'food-licence', subCaseId: SUB_CASE, result: 'withdrawn' })).toEqual([
      { type: 'completeCase', result: 'rejected', nodeId: 'refused' },
    ]);
  });

  it('should cancel the sub-case when the case leaves the call activity otherwise', () => {
    expect(waiting().send({ type: 'case.withdraw' })).toEqual([
      { type: 'cancelSubCase', nodeId: 'food-licence', subCaseId: SUB_CASE },
      { type: 'completeCase', result: 'withdrawn', nodeId: '@withdrawn' },
    ]);
  });

  it('should refuse the completion of a sub-case it does not wait for', () => {
    const error = refusal(() => waiting().send({ type: 'subCase.completed', nodeId: 'food-licence', subCaseId: 'case-1/food-licence#2', result: 'approved' }));
    expect(error).toBeInstanceOf(SubCaseNotActiveError);
    expect(error.message).toBe("Sub-case 'case-1/food-licence#2' is not awaited: node 'food-licence' waits for 'case-1/food-licence#1'");
  });

  it('should wait and route in a plain XState actor', () => {
    const { machine } = compile(loadWorkflow('call-activity'));
    const actor = createActor(createMachine(machine).provide(implementations), { input: { caseId: 'case-1', data: {} } });
    actor.start();
    actor.send({ type: 'task.complete', nodeId: 'intake', taskId: 'intake#1', outcome: 'approve' });
    actor.send({ type: 'subCase.completed', nodeId: 'food-licence', subCaseId: SUB_CASE, result: 'approved' });
    expect(actor.getSnapshot().value).toBe('issue');
    actor.stop();
  });

  it('should be refused by validation when no edge takes the results it does not name, or it calls its own workflow', () => {
    const { definition } = parseDefinition(readFixture('diagnostics/invalid-call-activity.json'));
    expect(validate(definition as WorkflowDefinition).map((d) => d.message)).toEqual([
      "Call activity 'food-licence' routes only the results 'approved' and 'rejected'; add one edge without an outcome for every other result",
    ]);
    const base = loadWorkflow('call-activity');
    const recursive: WorkflowDefinition = {
      ...base,
      nodes: base.nodes.map((node) => (node.type === 'callActivity' ? { ...node, calledElement: 'call-activity' } : node)),
    };
    expect(validate(recursive).map((d) => [d.code, d.field])).toEqual([['invalid-call-activity', 'nodes[2].calledElement']]);
  });
});
