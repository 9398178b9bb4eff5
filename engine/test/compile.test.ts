import { readFileSync } from 'node:fs';
import { createActor, createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  compile,
  ENGINE_VERSION,
  implementations,
  InvalidDefinitionError,
  isEngineError,
  MissingImplementationError,
  parseDefinition,
  validateAndCompile,
  WITHDRAWN_STATE,
} from '../src/index.ts';
import type { MachineConfigJson, StateJson } from '../src/index.ts';
import { checkImplementations } from '../src/compile/check-implementations.ts';
import { fixtureNames, loadWorkflow, readFixture } from './load-fixture.ts';

function stateAt(machine: MachineConfigJson, ...path: string[]): StateJson {
  let state: StateJson = machine;
  for (const key of path) {
    const child = state.states?.[key];
    if (!child) throw new Error(`No state '${key}' under '${state.id ?? machine.id}'`);
    state = child;
  }
  return state;
}

function allStates(state: StateJson): StateJson[] {
  return [state, ...Object.values(state.states ?? {}).flatMap(allStates)];
}

describe('compile', () => {
  it('should make one state per node whose key and id are the node id', () => {
    const definition = loadWorkflow('sequence');
    const { machine } = compile(definition);
    expect(Object.keys(machine.states)).toEqual([...definition.nodes.map((node) => node.id), WITHDRAWN_STATE]);
    for (const [key, state] of Object.entries(machine.states)) expect(state.id).toBe(key);
    expect(machine.initial).toBe('start');
  });

  it('should record key, version and the engine version in meta', () => {
    const { meta, machine } = compile(loadWorkflow('sequence'));
    const engine = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(meta).toEqual({ key: 'sequence', version: 1, engine: engine.version });
    expect(ENGINE_VERSION).toBe(engine.version);
    expect(machine.id).toBe('sequence@1');
  });

  it('should emit createTask on entry and closeTask on exit of a user task, each with its nodeId', () => {
    const review = compile(loadWorkflow('sequence')).machine.states.review as StateJson;
    expect(review.entry).toEqual([
      { type: 'openTask', params: { nodeId: 'review' } },
      { type: 'createTask', params: { nodeId: 'review' } },
    ]);
    expect(review.exit).toEqual([
      { type: 'closeTask', params: { nodeId: 'review' } },
      { type: 'forgetTask', params: { nodeId: 'review' } },
    ]);
    expect(review.meta).toEqual({ nodeType: 'userTask', outcomes: ['approve'], returnTargets: [], slaBreach: false });
  });

  it('should route each outcome through a guarded task.complete transition', () => {
    const intake = compile(loadWorkflow('sequence')).machine.states.intake as StateJson;
    expect(intake.on?.['task.complete']).toEqual([
      {
        target: '#review',
        guard: { type: 'taskOutcome', params: { nodeId: 'intake', outcomes: ['approve'] } },
        actions: [{ type: 'mergeData' }, { type: 'recordDecision', params: { nodeId: 'intake' } }],
      },
      {
        target: '#rejected',
        guard: { type: 'taskOutcome', params: { nodeId: 'intake', outcomes: ['reject'] } },
        actions: [{ type: 'mergeData' }, { type: 'recordDecision', params: { nodeId: 'intake' } }],
      },
    ]);
  });

  it('should turn an exclusive gateway into always transitions with FEEL guards and the default last', () => {
    const size = compile(loadWorkflow('exclusive')).machine.states.size as StateJson;
    expect(size.always).toEqual([
      { target: '#fire-check', guard: { type: 'feel', params: { expression: 'seats > 50' } } },
      { target: '#licence' },
    ]);
  });

  it('should make end events final states with the result as output', () => {
    const approved = compile(loadWorkflow('sequence')).machine.states.approved as StateJson;
    expect(approved).toEqual({
      id: 'approved',
      type: 'final',
      entry: [
        { type: 'recordResult', params: { result: 'approved' } },
        { type: 'completeCase', params: { nodeId: 'approved', result: 'approved' } },
      ],
      output: { result: 'approved' },
    });
  });

  it('should turn a parallel block into a parallel state with one region per branch, each ending in a final state', () => {
    const { machine } = compile(loadWorkflow('parallel'));
    expect(Object.keys(machine.states)).toEqual(['start', 'intake', 'split', 'join', 'issue', 'approved', WITHDRAWN_STATE]);
    const split = stateAt(machine, 'split');
    expect(split.type).toBe('parallel');
    expect(split.onDone).toEqual({ target: '#join' });
    expect(Object.keys(split.states ?? {})).toEqual(['e3', 'e4']);
    expect(stateAt(machine, 'split', 'e3')).toMatchObject({ initial: 'food-review' });
    expect(Object.keys(stateAt(machine, 'split', 'e3').states ?? {})).toEqual(['food-review', '@done']);
    expect(stateAt(machine, 'split', 'e3', '@done')).toEqual({ type: 'final' });
    expect(stateAt(machine, 'split', 'e3', 'food-review').on?.['task.complete']?.[0]?.target).toBe('@done');
    expect(stateAt(machine, 'join').always).toEqual([{ target: '#issue' }]);
  });

  it('should nest a parallel block inside a branch of another', () => {
    const { machine } = compile(loadWorkflow('nested-parallel'));
    const inner = stateAt(machine, 'outer-split', 'e3', 'inner-split');
    expect(inner.type).toBe('parallel');
    expect(Object.keys(inner.states ?? {})).toEqual(['e4', 'e5']);
    expect(inner.onDone).toEqual({ target: '#inner-join' });
    expect(stateAt(machine, 'outer-split', 'e3', 'inner-join').always).toEqual([{ target: '#inspection-report' }]);
    expect(stateAt(machine, 'outer-split', 'e3', 'inspection-report').on?.['task.complete']?.[0]?.target).toBe('@done');
  });

  it('should let an exclusive gateway inside a branch end the branch by routing to the join', () => {
    const { machine } = compile(loadWorkflow('conditional-branch'));
    expect(stateAt(machine, 'split', 'e4', 'sells-tobacco').always).toEqual([
      { target: '#tobacco-review', guard: { type: 'feel', params: { expression: 'tobacco = true' } } },
      { target: '@done' },
    ]);
  });

  it('should target a return by id, and mark the other branches done when the return enters a block', () => {
    const { machine } = compile(loadWorkflow('return-leaving-block'));
    const food = stateAt(machine, 'split', 'e3', 'food-review').on?.['task.complete'];
    expect(food).toContainEqual({
      target: '#intake',
      guard: { type: 'taskReturn', params: { nodeId: 'food-review', returnTo: 'intake', sole: true } },
      actions: [{ type: 'mergeData' }, { type: 'recordDecision', params: { nodeId: 'food-review' } }],
    });
    const issue = stateAt(machine, 'issue').on?.['task.complete'];
    expect(issue).toContainEqual({
      target: ['#signage-review', '#split.e3.@done'],
      guard: { type: 'taskReturn', params: { nodeId: 'issue', returnTo: 'signage-review', sole: true } },
      actions: [{ type: 'mergeData' }, { type: 'recordDecision', params: { nodeId: 'issue' } }],
    });
  });

  it('should suspend in place on requestSupplement and take a breach edge on task.slaBreach', () => {
    const intake = compile(loadWorkflow('supplement')).machine.states.intake as StateJson;
    expect(intake.on?.['task.complete']).toContainEqual({
      guard: { type: 'taskOutcome', params: { nodeId: 'intake', outcomes: ['requestSupplement'] } },
      actions: [
        { type: 'mergeData' },
        { type: 'markSuspended', params: { nodeId: 'intake' } },
        { type: 'suspendCase', params: { nodeId: 'intake' } },
      ],
    });
    expect(intake.on?.['task.slaBreach']).toEqual([
      {
        target: '#escalated',
        guard: { type: 'taskBreach', params: { nodeId: 'intake', limit: 'statutory' } },
        actions: [{ type: 'escalate', params: { nodeId: 'intake', edgeId: 'e4', limit: 'statutory' } }],
      },
    ]);
  });

  it('should leave unreachable nodes out', () => {
    const { definition } = parseDefinition(readFixture('diagnostics/unreachable-node.json'));
    const { machine } = compile(definition as NonNullable<typeof definition>);
    expect(Object.keys(machine.states)).not.toContain('archive');
  });

  it.each(fixtureNames('workflows'))('should produce plain JSON for %s', (name) => {
    const { machine } = compile(loadWorkflow(name));
    expect(JSON.parse(JSON.stringify(machine))).toStrictEqual(machine);
  });

  it.each(fixtureNames('workflows'))('should name only implemented actions and guards in %s', (name) => {
    const { machine } = compile(loadWorkflow(name));
    const states = allStates(machine);
    const transitions = states.flatMap((s) => [...Object.values(s.on ?? {}).flat(), ...(s.always ?? [])]);
    const actions = [...states.flatMap((s) => [...(s.entry ?? []), ...(s.exit ?? [])]), ...transitions.flatMap((t) => t.actions ?? [])];
    for (const action of actions) expect(Object.keys(implementations.actions)).toContain(action.type);
    for (const transition of transitions) {
      if (transition.guard) expect(Object.keys(implementations.guards)).toContain(transition.guard.type);
    }
  });

  it('should throw InvalidDefinitionError with the diagnostics when the definition has errors', () => {
    const { definition } = parseDefinition(readFixture('diagnostics/edge-target-missing.json'));
    let thrown: unknown;
    try {
      compile(definition as NonNullable<typeof definition>);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidDefinitionError);
    expect(isEngineError(thrown, 'invalid-definition')).toBe(true);
    const error = thrown as InvalidDefinitionError;
    expect(error.message).toBe(
      "Workflow 'edge-target-missing' cannot be compiled: Edge 'e4' targets 'review-2', which is not a node of workflow 'edge-target-missing' (and 2 more)",
    );
    expect(error.diagnostics.map((d) => d.code)).toContain('edge-target-missing');
  });

  it('should compile despite warnings', () => {
    expect(() => compile(loadWorkflow('return-leaving-block'))).not.toThrow();
  });
});

describe('checkImplementations', () => {
  it('should refuse an action that has no implementation instead of letting XState skip it', () => {
    const { machine } = compile(loadWorkflow('sequence'));
    const broken = structuredClone(machine);
    (broken.states.review as StateJson).entry?.push({ type: 'notifyApplicant' });
    expect(() => checkImplementations(broken)).toThrow(MissingImplementationError);
    expect(() => checkImplementations(broken)).toThrow("State 'review' uses action 'notifyApplicant', which has no implementation");
  });

  it('should refuse a guard that has no implementation', () => {
    const { machine } = compile(loadWorkflow('exclusive'));
    const broken = structuredClone(machine);
    const size = broken.states.size as StateJson;
    size.always = [{ target: '#licence', guard: { type: 'isBig' } }];
    expect(() => checkImplementations(broken)).toThrow("State 'size' uses guard 'isBig', which has no implementation");
  });
});

describe('validateAndCompile', () => {
  it('should return the diagnostics and the machine of a valid definition', () => {
    const result = validateAndCompile(readFixture('workflows/return-leaving-block.json'));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['return-leaves-parallel-block', 'return-enters-parallel-block']);
    expect(result.compiled?.machine.id).toBe('return-leaving-block@1');
  });

  it('should return no machine when a diagnostic is an error', () => {
    const result = validateAndCompile(readFixture('diagnostics/no-start-event.json'));
    expect(result.compiled).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toContain('no-start-event');
  });

  it('should stop after schema errors', () => {
    const result = validateAndCompile({ key: 'x' });
    expect(result.definition).toBeUndefined();
    expect(result.compiled).toBeUndefined();
    expect(result.diagnostics.every((d) => d.code === 'invalid-schema')).toBe(true);
  });
});

describe('the compiled machine in plain XState', () => {
  it('should run a parallel case to its end with createActor', () => {
    const { machine } = compile(loadWorkflow('conditional-branch'));
    const created: string[] = [];
    const actor = createActor(
      createMachine(machine).provide({
        ...implementations,
        actions: {
          ...implementations.actions,
          createTask: ({ context }, params) => {
            const { nodeId } = params as { nodeId: string };
            created.push((context as { tasks: Record<string, string> }).tasks[nodeId] as string);
          },
        },
      }),
      { input: { caseId: 'c-1', data: { tobacco: true } } },
    );
    actor.start();
    expect(actor.getSnapshot().value).toBe('intake');
    actor.send({ type: 'task.complete', nodeId: 'intake', taskId: 'intake#1', outcome: 'approve' });
    expect(actor.getSnapshot().value).toEqual({ split: { e3: 'food-review', e4: 'tobacco-review' } });
    actor.send({ type: 'task.complete', nodeId: 'tobacco-review', taskId: 'tobacco-review#1', outcome: 'approve' });
    actor.send({ type: 'task.complete', nodeId: 'food-review', taskId: 'food-review#1', outcome: 'approve' });
    const snapshot = actor.getSnapshot();
    expect(snapshot.status).toBe('done');
    expect(snapshot.value).toBe('approved');
    expect(snapshot.context).toMatchObject({ caseId: 'c-1', result: 'approved', tasks: {} });
    expect(created).toEqual(['intake#1', 'food-review#1', 'tobacco-review#1']);
    actor.stop();
  });

  it('should stop a runaway eventless loop at maxIterations instead of hanging', () => {
    const { machine } = compile(loadWorkflow('exclusive'));
    expect(machine.options.maxIterations).toBeGreaterThan(Object.keys(machine.states).length);
    const looping = structuredClone(machine);
    (looping.states.size as StateJson).always = [{ target: '#again' }];
    looping.states.again = { id: 'again', always: [{ target: '#size' }] };
    const actor = createActor(createMachine(looping).provide(implementations), { input: { caseId: 'c-3', data: {} } });
    const errors: unknown[] = [];
    actor.subscribe({ error: (error) => errors.push(error) });
    actor.start();
    actor.send({ type: 'task.complete', nodeId: 'intake', taskId: 'intake#1', outcome: 'approve' });
    expect(String(errors[0])).toContain('Infinite loop detected');
    actor.stop();
  });

  it('should ignore a completion that names the wrong task', () => {
    const { machine } = compile(loadWorkflow('sequence'));
    const actor = createActor(createMachine(machine).provide(implementations), { input: { caseId: 'c-2', data: {} } });
    actor.start();
    actor.send({ type: 'task.complete', nodeId: 'intake', taskId: 'intake#7', outcome: 'approve' });
    expect(actor.getSnapshot().value).toBe('intake');
    actor.stop();
  });
});
