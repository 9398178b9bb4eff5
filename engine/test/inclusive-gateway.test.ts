import { createActor, createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { activeNodes, compile, implementations, openTasks, parseDefinition, REGION_DONE, REGION_GATE, validate } from '../src/index.ts';
import type { StateJson, WorkflowDefinition } from '../src/index.ts';
import { loadWorkflow, readFixture } from './load-fixture.ts';
import { CaseRun } from './run-case.ts';

function split(definition: WorkflowDefinition): StateJson {
  return compile(definition).machine.states.split as StateJson;
}

describe('an inclusive gateway', () => {
  describe('compiled', () => {
    it('should become a parallel state whose conditional branches start with a gate', () => {
      const state = split(loadWorkflow('inclusive'));
      expect(state.type).toBe('parallel');
      expect(state.onDone).toEqual({ target: '#join' });
      expect(state.states?.e3?.initial).toBe('food-review');
      expect(state.states?.e4?.initial).toBe(REGION_GATE);
      expect(state.states?.e4?.states?.[REGION_GATE]).toEqual({
        always: [{ target: 'tobacco-review', guard: { type: 'feel', params: { expression: 'tobacco = true' } } }, { target: REGION_DONE }],
      });
    });

    it("should start the default branch only when none of its siblings' conditions holds", () => {
      const state = split(loadWorkflow('inclusive-default'));
      expect(state.states?.e5?.states?.[REGION_GATE]?.always?.[0]).toEqual({
        target: 'desk-review',
        guard: { type: 'noneHolds', params: { expressions: ['seats > 50', 'rawFood = true'] } },
      });
    });
  });

  describe('stepped', () => {
    it('should start the unconditional branch and only the conditional branches that hold', () => {
      const run = new CaseRun(loadWorkflow('inclusive'));
      run.start();
      expect(run.complete('intake#1', 'approve', { data: { tobacco: false, outdoorSign: true } })).toEqual([
        { type: 'closeTask', taskId: 'intake#1', nodeId: 'intake', reason: 'completed' },
        { type: 'createTask', taskId: 'food-review#1', nodeId: 'food-review' },
        { type: 'createTask', taskId: 'sign-review#1', nodeId: 'sign-review' },
      ]);
      expect(run.current.value).toEqual({ split: { e3: 'food-review', e4: REGION_DONE, e5: 'sign-review' } });
    });

    it('should join once exactly the branches that started are done', () => {
      const run = new CaseRun(loadWorkflow('inclusive'));
      run.start({ tobacco: true, outdoorSign: false });
      run.complete('intake#1');
      expect(run.complete('food-review#1')).toEqual([
        { type: 'closeTask', taskId: 'food-review#1', nodeId: 'food-review', reason: 'completed' },
      ]);
      expect(activeNodes(run.current)).toEqual(['tobacco-review']);
      expect(run.complete('tobacco-review#1')).toEqual([
        { type: 'closeTask', taskId: 'tobacco-review#1', nodeId: 'tobacco-review', reason: 'completed' },
        { type: 'createTask', taskId: 'issue#1', nodeId: 'issue' },
      ]);
    });

    it('should start the default branch when no condition holds, and not when one does', () => {
      const none = new CaseRun(loadWorkflow('inclusive-default'));
      none.start({ seats: 20, rawFood: false });
      expect(none.complete('intake#1').filter((effect) => effect.type === 'createTask')).toEqual([
        { type: 'createTask', taskId: 'desk-review#1', nodeId: 'desk-review' },
      ]);

      const both = new CaseRun(loadWorkflow('inclusive-default'));
      both.start({ seats: 80, rawFood: true });
      both.complete('intake#1');
      expect(openTasks(both.machine, both.current).map((task) => task.nodeId)).toEqual(['fire-check', 'hygiene-check']);
    });

    it('should run the same way in a plain XState actor', () => {
      const { machine } = compile(loadWorkflow('inclusive-default'));
      const actor = createActor(createMachine(machine).provide(implementations), { input: { caseId: 'c', data: { seats: 90 } } });
      actor.start();
      actor.send({ type: 'task.complete', nodeId: 'intake', taskId: 'intake#1', outcome: 'approve' });
      expect(actor.getSnapshot().value).toEqual({ split: { e3: 'fire-check', e4: REGION_DONE, e5: REGION_DONE } });
      actor.send({ type: 'task.complete', nodeId: 'fire-check', taskId: 'fire-check#1', outcome: 'approve' });
      expect(actor.getSnapshot().value).toBe('approved');
      actor.stop();
    });
  });

  describe('validated', () => {
    it('should refuse an inclusive split closed by a parallel join, naming both', () => {
      const { definition } = parseDefinition(readFixture('diagnostics/unbalanced-inclusive-gateway.json'));
      expect(validate(definition as WorkflowDefinition)).toContainEqual({
        code: 'unbalanced-inclusive-gateway',
        severity: 'error',
        message: "Parallel gateway 'join' joins the branches of inclusive gateway 'split'; close a block with a gateway of the type that opened it",
        nodeId: 'join',
        field: 'nodes[4]',
      });
    });

    it('should refuse a split whose every branch is conditional, but accept one with a default or an unconditional branch', () => {
      const { definition } = parseDefinition(readFixture('diagnostics/inclusive-gateway-without-default.json'));
      expect(validate(definition as WorkflowDefinition).map((d) => [d.code, d.nodeId])).toEqual([
        ['inclusive-gateway-without-default', 'split'],
      ]);
      expect(validate(loadWorkflow('inclusive'))).toEqual([]);
      expect(validate(loadWorkflow('inclusive-default'))).toEqual([]);
    });

    it('should test conditions on its edges and ignore one on its default edge', () => {
      const base = loadWorkflow('inclusive-default');
      const broken: WorkflowDefinition = {
        ...base,
        edges: base.edges.map((edge) =>
          edge.id === 'e3' ? { ...edge, condition: 'seats >' } : edge.id === 'e5' ? { ...edge, condition: 'seats < 10' } : edge,
        ),
      };
      expect(validate(broken).map((d) => [d.code, d.edgeId])).toEqual([
        ['invalid-feel-condition', 'e3'],
        ['condition-ignored', 'e5'],
      ]);
    });
  });
});

describe('a return across an inclusive block', () => {
  it('should say it leaves an inclusive block, and close the open branches as returned', () => {
    const base = loadWorkflow('inclusive');
    const returning: WorkflowDefinition = {
      ...base,
      nodes: base.nodes.map((node) =>
        node.id === 'food-review' && node.type === 'userTask' ? { ...node, outcomes: [...node.outcomes, { id: 'return', label: '退回' }] } : node,
      ),
      edges: [...base.edges, { id: 'e11', source: 'food-review', target: 'intake', outcome: 'return' }],
    };
    expect(validate(returning).map((d) => d.message)).toEqual([
      "Return edge 'e11' from 'food-review' to 'intake' leaves the inclusive block of 'split': the open tasks of the other branches close as returned, and the block starts afresh",
    ]);
    const run = new CaseRun(returning);
    run.start({ outdoorSign: true });
    run.complete('intake#1');
    expect(run.complete('food-review#1', 'return', { reason: '材料不符' })).toEqual([
      { type: 'closeTask', taskId: 'sign-review#1', nodeId: 'sign-review', reason: 'returned' },
      { type: 'closeTask', taskId: 'food-review#1', nodeId: 'food-review', reason: 'completed' },
      { type: 'createTask', taskId: 'intake#2', nodeId: 'intake' },
    ]);
  });
});
