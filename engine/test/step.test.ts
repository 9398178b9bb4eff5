import { describe, expect, it } from 'vitest';
import {
  activeNodes,
  CaseAlreadyStartedError,
  CaseCompletedError,
  CaseNotStartedError,
  CaseNotSuspendedError,
  CaseSuspendedError,
  caseResult,
  compile,
  InvalidTimeError,
  isSuspended,
  openTasks,
  OutcomeNotOfferedError,
  ReturnTargetNotOfferedError,
  ReturnTargetRequiredError,
  step,
  TaskNotActiveError,
} from '../src/index.ts';
import type { CaseContext, EngineError, WorkflowDefinition } from '../src/index.ts';
import { loadWorkflow } from './load-fixture.ts';
import { CaseRun, NOW } from './run-case.ts';

function thrownBy(action: () => unknown): EngineError {
  try {
    action();
  } catch (error) {
    return error as EngineError;
  }
  throw new Error('Expected the step to refuse the event');
}

describe('step', () => {
  describe('in a sequence', () => {
    it('should create the first task when the case starts', () => {
      const run = new CaseRun(loadWorkflow('sequence'));
      expect(run.start({ applicant: 'Wang' })).toEqual([{ type: 'createTask', taskId: 'intake#1', nodeId: 'intake' }]);
      expect(activeNodes(run.current)).toEqual(['intake']);
      expect((run.current.context as CaseContext).data).toEqual({ applicant: 'Wang' });
      expect((run.current.context as CaseContext).caseId).toBe('case-1');
    });

    it('should close the completed task before creating the next one, and complete the case at the end', () => {
      const run = new CaseRun(loadWorkflow('sequence'));
      run.start();
      expect(run.complete('intake#1')).toEqual([
        { type: 'closeTask', taskId: 'intake#1', nodeId: 'intake', reason: 'completed' },
        { type: 'createTask', taskId: 'review#1', nodeId: 'review' },
      ]);
      expect(caseResult(run.current)).toBeUndefined();
      expect(run.complete('review#1')).toEqual([
        { type: 'closeTask', taskId: 'review#1', nodeId: 'review', reason: 'completed' },
        { type: 'completeCase', result: 'approved', nodeId: 'approved' },
      ]);
      expect(caseResult(run.current)).toBe('approved');
      expect(run.current.status).toBe('done');
      expect(activeNodes(run.current)).toEqual(['approved']);
      expect(openTasks(run.machine, run.current)).toEqual([]);
    });

    it('should end with the result of the end event the outcome leads to', () => {
      const run = new CaseRun(loadWorkflow('sequence'));
      run.start();
      expect(run.complete('intake#1', 'reject')).toEqual([
        { type: 'closeTask', taskId: 'intake#1', nodeId: 'intake', reason: 'completed' },
        { type: 'completeCase', result: 'rejected', nodeId: 'rejected' },
      ]);
      expect(caseResult(run.current)).toBe('rejected');
    });
  });

  describe('at an exclusive gateway', () => {
    it('should merge the completion data into the case data before testing the conditions', () => {
      const run = new CaseRun(loadWorkflow('exclusive'));
      run.start({ applicant: 'Li' });
      expect(run.complete('intake#1', 'approve', { data: { seats: 80 } })).toContainEqual({
        type: 'createTask',
        taskId: 'fire-check#1',
        nodeId: 'fire-check',
      });
      expect((run.current.context as CaseContext).data).toEqual({ applicant: 'Li', seats: 80 });
    });

    it('should take the default edge when no condition holds', () => {
      const run = new CaseRun(loadWorkflow('exclusive'));
      run.start();
      expect(run.complete('intake#1', 'approve', { data: { seats: 20 } })).toContainEqual({
        type: 'createTask',
        taskId: 'licence#1',
        nodeId: 'licence',
      });
    });

    it('should take the default edge when the condition reads data the case lacks', () => {
      const run = new CaseRun(loadWorkflow('exclusive'));
      run.start();
      expect(run.complete('intake#1')).toContainEqual({ type: 'createTask', taskId: 'licence#1', nodeId: 'licence' });
    });
  });

  describe('in a parallel block', () => {
    it('should open one task per branch and go on only when every branch is done', () => {
      const run = new CaseRun(loadWorkflow('parallel'));
      run.start();
      expect(run.complete('intake#1')).toEqual([
        { type: 'closeTask', taskId: 'intake#1', nodeId: 'intake', reason: 'completed' },
        { type: 'createTask', taskId: 'food-review#1', nodeId: 'food-review' },
        { type: 'createTask', taskId: 'signage-review#1', nodeId: 'signage-review' },
      ]);
      expect(openTasks(run.machine, run.current)).toEqual([
        { taskId: 'food-review#1', nodeId: 'food-review' },
        { taskId: 'signage-review#1', nodeId: 'signage-review' },
      ]);
      expect(run.complete('signage-review#1')).toEqual([
        { type: 'closeTask', taskId: 'signage-review#1', nodeId: 'signage-review', reason: 'completed' },
      ]);
      expect(activeNodes(run.current)).toEqual(['food-review']);
      expect(run.complete('food-review#1')).toEqual([
        { type: 'closeTask', taskId: 'food-review#1', nodeId: 'food-review', reason: 'completed' },
        { type: 'createTask', taskId: 'issue#1', nodeId: 'issue' },
      ]);
    });

    it('should run nested blocks and join the outer one only after the inner one', () => {
      const run = new CaseRun(loadWorkflow('nested-parallel'));
      expect(run.start().map((effect) => 'taskId' in effect && effect.taskId)).toEqual([
        'food-review#1',
        'fire-check#1',
        'hygiene-check#1',
      ]);
      run.complete('food-review#1');
      run.complete('hygiene-check#1');
      expect(run.complete('fire-check#1')).toEqual([
        { type: 'closeTask', taskId: 'fire-check#1', nodeId: 'fire-check', reason: 'completed' },
        { type: 'createTask', taskId: 'inspection-report#1', nodeId: 'inspection-report' },
      ]);
      expect(run.complete('inspection-report#1')).toEqual([
        { type: 'closeTask', taskId: 'inspection-report#1', nodeId: 'inspection-report', reason: 'completed' },
        { type: 'completeCase', result: 'approved', nodeId: 'approved' },
      ]);
    });

    it('should finish a branch at once when its gateway routes straight to the join', () => {
      const run = new CaseRun(loadWorkflow('conditional-branch'));
      run.start({ tobacco: false });
      expect(run.complete('intake#1')).toEqual([
        { type: 'closeTask', taskId: 'intake#1', nodeId: 'intake', reason: 'completed' },
        { type: 'createTask', taskId: 'food-review#1', nodeId: 'food-review' },
      ]);
      expect(run.complete('food-review#1')).toContainEqual({ type: 'completeCase', result: 'approved', nodeId: 'approved' });
    });

    it('should open the conditional branch when its condition holds', () => {
      const run = new CaseRun(loadWorkflow('conditional-branch'));
      run.start({ tobacco: true });
      expect(run.complete('intake#1')).toContainEqual({ type: 'createTask', taskId: 'tobacco-review#1', nodeId: 'tobacco-review' });
    });

    it('should cancel the other branches when one ends the case', () => {
      const run = new CaseRun(loadWorkflow('return-leaving-block'));
      run.start();
      run.complete('intake#1');
      expect(run.complete('food-review#1', 'reject')).toEqual([
        { type: 'closeTask', taskId: 'signage-review#1', nodeId: 'signage-review', reason: 'cancelled' },
        { type: 'closeTask', taskId: 'food-review#1', nodeId: 'food-review', reason: 'completed' },
        { type: 'completeCase', result: 'rejected', nodeId: 'rejected' },
      ]);
      expect(caseResult(run.current)).toBe('rejected');
    });
  });

  describe('on a return', () => {
    it('should re-enter the earlier task of the same branch as a new task and leave the other branch alone', () => {
      const run = new CaseRun(loadWorkflow('return-in-region'));
      run.start();
      run.complete('inspect#1');
      expect(run.complete('decide#1', 'return')).toEqual([
        { type: 'closeTask', taskId: 'decide#1', nodeId: 'decide', reason: 'completed' },
        { type: 'createTask', taskId: 'inspect#2', nodeId: 'inspect' },
      ]);
      expect(openTasks(run.machine, run.current)).toEqual([
        { taskId: 'inspect#2', nodeId: 'inspect' },
        { taskId: 'signage-review#1', nodeId: 'signage-review' },
      ]);
      run.complete('inspect#2');
      run.complete('decide#2');
      expect(run.complete('signage-review#1')).toContainEqual({ type: 'completeCase', result: 'approved', nodeId: 'approved' });
    });

    it('should close the open sibling tasks as returned when the return leaves the block, and start the block afresh', () => {
      const run = new CaseRun(loadWorkflow('return-leaving-block'));
      run.start();
      run.complete('intake#1');
      expect(run.complete('food-review#1', 'return')).toEqual([
        { type: 'closeTask', taskId: 'signage-review#1', nodeId: 'signage-review', reason: 'returned' },
        { type: 'closeTask', taskId: 'food-review#1', nodeId: 'food-review', reason: 'completed' },
        { type: 'createTask', taskId: 'intake#2', nodeId: 'intake' },
      ]);
      expect(activeNodes(run.current)).toEqual(['intake']);
      expect(run.complete('intake#2')).toEqual([
        { type: 'closeTask', taskId: 'intake#2', nodeId: 'intake', reason: 'completed' },
        { type: 'createTask', taskId: 'food-review#2', nodeId: 'food-review' },
        { type: 'createTask', taskId: 'signage-review#2', nodeId: 'signage-review' },
      ]);
    });

    it('should redo only the branch returned to when the return enters a block from after it', () => {
      const run = new CaseRun(loadWorkflow('return-leaving-block'));
      run.start();
      run.complete('intake#1');
      run.complete('food-review#1');
      run.complete('signage-review#1');
      expect(run.complete('issue#1', 'return')).toEqual([
        { type: 'closeTask', taskId: 'issue#1', nodeId: 'issue', reason: 'completed' },
        { type: 'createTask', taskId: 'signage-review#2', nodeId: 'signage-review' },
      ]);
      expect(run.current.value).toEqual({ split: { e3: '@done', e4: 'signage-review' } });
      expect(run.complete('signage-review#2')).toEqual([
        { type: 'closeTask', taskId: 'signage-review#2', nodeId: 'signage-review', reason: 'completed' },
        { type: 'createTask', taskId: 'issue#2', nodeId: 'issue' },
      ]);
    });
  });

  describe('on a supplement request (补正)', () => {
    it('should suspend the case without leaving the task, refuse completions, and resume on the supplement', () => {
      const run = new CaseRun(loadWorkflow('supplement'));
      run.start({ licence: 'pending' });
      expect(run.complete('intake#1', 'requestSupplement', { data: { missing: ['floor plan'] } })).toEqual([
        { type: 'suspendCase', reason: 'supplement', nodeId: 'intake', taskId: 'intake#1' },
      ]);
      expect(isSuspended(run.current)).toBe(true);
      expect((run.current.context as CaseContext).suspension).toEqual({
        reason: 'supplement',
        nodeId: 'intake',
        taskId: 'intake#1',
        since: NOW.toISOString(),
      });
      expect(openTasks(run.machine, run.current)).toEqual([{ taskId: 'intake#1', nodeId: 'intake' }]);

      const suspended = thrownBy(() => run.complete('intake#1'));
      expect(suspended).toBeInstanceOf(CaseSuspendedError);
      expect(suspended.code).toBe('case-suspended');
      expect(suspended.message).toBe("Case 'case-1' is suspended by task 'intake' until the applicant supplements");
      expect(thrownBy(() => run.send({ type: 'task.slaBreach', nodeId: 'intake', taskId: 'intake#1' }))).toBeInstanceOf(
        CaseSuspendedError,
      );

      expect(run.send({ type: 'case.supplement', data: { floorPlan: 'plan.pdf' } })).toEqual([{ type: 'resumeCase' }]);
      expect(isSuspended(run.current)).toBe(false);
      expect((run.current.context as CaseContext).data).toEqual({
        licence: 'pending',
        missing: ['floor plan'],
        floorPlan: 'plan.pdf',
      });
      expect(run.complete('intake#1')).toEqual([
        { type: 'closeTask', taskId: 'intake#1', nodeId: 'intake', reason: 'completed' },
        { type: 'createTask', taskId: 'review#1', nodeId: 'review' },
      ]);
    });

    it('should refuse a supplement for a case that is not suspended', () => {
      const run = new CaseRun(loadWorkflow('supplement'));
      run.start();
      const error = thrownBy(() => run.send({ type: 'case.supplement', data: {} }));
      expect(error).toBeInstanceOf(CaseNotSuspendedError);
      expect(error.code).toBe('case-not-suspended');
    });
  });

  describe('on an SLA breach', () => {
    it('should close the task as breached, escalate it and take its breach edge', () => {
      const run = new CaseRun(loadWorkflow('supplement'));
      run.start();
      expect(run.send({ type: 'task.slaBreach', nodeId: 'intake', taskId: 'intake#1' })).toEqual([
        { type: 'closeTask', taskId: 'intake#1', nodeId: 'intake', reason: 'breached' },
        { type: 'escalate', nodeId: 'intake', taskId: 'intake#1', edgeId: 'e4', limit: 'statutory' },
        { type: 'createTask', taskId: 'escalated#1', nodeId: 'escalated' },
      ]);
    });

    it('should change nothing when the task has no breach edge', () => {
      const run = new CaseRun(loadWorkflow('supplement'));
      run.start();
      run.complete('intake#1');
      const before = run.current;
      expect(run.send({ type: 'task.slaBreach', nodeId: 'review', taskId: 'review#1' })).toEqual([]);
      expect(run.current).toStrictEqual(before);
    });
  });

  describe('refusing events that cannot apply', () => {
    it('should refuse a completion of a task that is not open', () => {
      const run = new CaseRun(loadWorkflow('sequence'));
      run.start();
      const wrongId = thrownBy(() => run.complete('intake#2'));
      expect(wrongId).toBeInstanceOf(TaskNotActiveError);
      expect(wrongId.code).toBe('task-not-active');
      expect(wrongId.message).toBe("Task 'intake#2' is not active: the open task of node 'intake' is 'intake#1'");
      run.complete('intake#1');
      const closed = thrownBy(() => run.complete('intake#1'));
      expect(closed.message).toBe("Task 'intake#1' is not active: node 'intake' has no open task");
      const wrongNode = thrownBy(() => run.send({ type: 'task.complete', nodeId: 'approved', taskId: 'review#1', outcome: 'approve' }));
      expect(wrongNode).toBeInstanceOf(TaskNotActiveError);
    });

    it('should refuse an outcome the task does not offer', () => {
      const run = new CaseRun(loadWorkflow('sequence'));
      run.start();
      const error = thrownBy(() => run.complete('intake#1', 'escalate'));
      expect(error).toBeInstanceOf(OutcomeNotOfferedError);
      expect(error.code).toBe('outcome-not-offered');
      expect(error.message).toBe("Task 'intake' does not offer outcome 'escalate'; it offers 'approve', 'reject'");
    });

    it('should ask which task to return to when there are several, and refuse one that is not offered', () => {
      const base = loadWorkflow('sequence');
      const definition: WorkflowDefinition = {
        ...base,
        nodes: base.nodes.map((node) =>
          node.id === 'review' && node.type === 'userTask'
            ? { ...node, outcomes: [{ id: 'approve', label: 'approve' }, { id: 'return', label: '退回' }] }
            : node,
        ),
        edges: [
          ...base.edges,
          { id: 'r1', source: 'review', target: 'intake', outcome: 'return' },
        ],
      };
      const single = new CaseRun(definition);
      single.start();
      single.complete('intake#1');
      expect(thrownBy(() => single.complete('review#1', 'return', { returnTo: 'start', reason: 'r' }))).toBeInstanceOf(
        ReturnTargetNotOfferedError,
      );
      expect(single.complete('review#1', 'return', { reason: '材料不符' })).toContainEqual({
        type: 'createTask',
        taskId: 'intake#2',
        nodeId: 'intake',
      });

      const twoTargets: WorkflowDefinition = {
        ...definition,
        nodes: [
          ...definition.nodes.slice(0, 1),
          { id: 'pre-check', type: 'userTask', name: 'Pre-check', department: 'service-hall', candidateRole: 'clerk', level: 'district', outcomes: [], form: [] },
          ...definition.nodes.slice(1),
        ],
        edges: [
          ...definition.edges.map((edge) => (edge.id === 'e1' ? { ...edge, target: 'pre-check' } : edge)),
          { id: 'e0', source: 'pre-check', target: 'intake' },
          { id: 'r2', source: 'review', target: 'pre-check', outcome: 'return' },
        ],
      };
      const run = new CaseRun(twoTargets);
      run.start();
      run.complete('pre-check#1');
      run.complete('intake#1');
      const required = thrownBy(() => run.complete('review#1', 'return', { reason: '材料不符' }));
      expect(required).toBeInstanceOf(ReturnTargetRequiredError);
      expect(required.message).toBe("Task 'review' can return to 'intake', 'pre-check'; the event must name one in 'returnTo'");
      expect(run.complete('review#1', 'return', { returnTo: 'pre-check', reason: '材料不符' })).toEqual([
        { type: 'closeTask', taskId: 'review#1', nodeId: 'review', reason: 'completed' },
        { type: 'createTask', taskId: 'pre-check#2', nodeId: 'pre-check' },
      ]);
    });

    it('should refuse any event once the case is completed', () => {
      const run = new CaseRun(loadWorkflow('sequence'));
      run.start();
      run.complete('intake#1', 'reject');
      const error = thrownBy(() => run.send({ type: 'case.supplement' }));
      expect(error).toBeInstanceOf(CaseCompletedError);
      expect(error.message).toBe("Case 'case-1' is completed; event 'case.supplement' cannot apply");
    });

    it('should refuse an event before the case starts, and a second start', () => {
      const { machine } = compile(loadWorkflow('sequence'));
      expect(thrownBy(() => step(machine, undefined, { type: 'case.supplement' }, NOW))).toBeInstanceOf(CaseNotStartedError);
      const { snapshot } = step(machine, undefined, { type: 'case.start' }, NOW, { caseId: 'c-9', data: {} });
      const again = thrownBy(() => step(machine, snapshot, { type: 'case.start' }, NOW));
      expect(again).toBeInstanceOf(CaseAlreadyStartedError);
      expect(again.code).toBe('case-already-started');
    });

    it('should refuse an invalid now', () => {
      const { machine } = compile(loadWorkflow('sequence'));
      expect(thrownBy(() => step(machine, undefined, { type: 'case.start' }, new Date(Number.NaN)))).toBeInstanceOf(
        InvalidTimeError,
      );
    });
  });

  describe('determinism', () => {
    const script = (run: CaseRun): unknown[] => {
      const trace: unknown[] = [run.start({ seats: 10 })];
      trace.push(run.complete('intake#1'), run.snapshot);
      trace.push(run.complete('food-review#1', 'return'), run.snapshot);
      trace.push(run.complete('intake#2'), run.snapshot);
      trace.push(run.complete('signage-review#2'), run.complete('food-review#2'), run.snapshot);
      return trace;
    };

    it('should give the same effects and snapshots for the same inputs', () => {
      const definition = loadWorkflow('return-leaving-block');
      expect(script(new CaseRun(definition))).toEqual(script(new CaseRun(definition)));
    });

    it('should compile the same definition to the same machine', () => {
      const definition = loadWorkflow('nested-parallel');
      expect(compile(definition)).toStrictEqual(compile(structuredClone(definition)));
    });

    it('should step a machine restored from JSON exactly as the original', () => {
      const { machine } = compile(loadWorkflow('return-leaving-block'));
      const restored = JSON.parse(JSON.stringify(machine)) as typeof machine;
      expect(script(new CaseRun(restored))).toEqual(script(new CaseRun(machine)));
    });

    it('should not depend on now beyond the stamps of receipt and suspension', () => {
      const { machine } = compile(loadWorkflow('parallel'));
      const early = step(machine, undefined, { type: 'case.start' }, new Date('2026-01-01T00:00:00Z'), { caseId: 'c', data: {} });
      const late = step(machine, undefined, { type: 'case.start' }, new Date('2030-06-01T00:00:00Z'), { caseId: 'c', data: {} });
      expect((early.snapshot.context as CaseContext).receivedAt).toBe('2026-01-01T00:00:00.000Z');
      const unstamped = (result: typeof early): unknown => ({ ...result, snapshot: { ...result.snapshot, context: { ...(result.snapshot.context as CaseContext), receivedAt: null } } });
      expect(unstamped(late)).toEqual(unstamped(early));
    });
  });
});
