import fc from 'fast-check';
import { createActor, createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { implementations, isEngineError, isSuspended, openTasks } from '../src/index.ts';
import type { CaseContext, CaseEvent, StateJson, TaskStateMeta } from '../src/index.ts';
import { fixtureNames, loadWorkflow } from './load-fixture.ts';
import { CaseRun } from './run-case.ts';

/** Every event that could apply next, in a fixed order, so a random index picks one. */
function candidates(run: CaseRun, metaOf: (nodeId: string) => TaskStateMeta): CaseEvent[] {
  const events: CaseEvent[] = [];
  for (const { taskId, nodeId } of openTasks(run.machine, run.current)) {
    const meta = metaOf(nodeId);
    for (const outcome of meta.outcomes) {
      if (outcome === 'return') {
        for (const returnTo of meta.returnTargets) events.push({ type: 'task.complete', nodeId, taskId, outcome, returnTo, reason: 'walk' });
      } else {
        events.push({ type: 'task.complete', nodeId, taskId, outcome, data: { [`${nodeId}Done`]: true }, reason: 'walk' });
      }
    }
    events.push({ type: 'task.slaBreach', nodeId, taskId });
  }
  for (const [nodeId, invocation] of Object.entries((run.current.context as CaseContext).services ?? {})) {
    const { serviceId } = invocation;
    if (invocation.status === 'incident') events.push({ type: 'service.retry', nodeId, serviceId });
    else events.push({ type: 'service.succeeded', nodeId, serviceId, data: { licenceValid: true } }, { type: 'service.failed', nodeId, serviceId, error: 'timeout' });
  }
  for (const [nodeId, subCaseId] of Object.entries((run.current.context as CaseContext).subCases ?? {})) {
    for (const result of ['approved', 'rejected']) events.push({ type: 'subCase.completed', nodeId, subCaseId, result, data: { [`${nodeId}Result`]: result } });
  }
  for (const [timerId, timer] of Object.entries((run.current.context as CaseContext).timers ?? {})) {
    events.push({ type: 'timer.fired', nodeId: timer.nodeId, timerId });
  }
  events.push({ type: 'case.supplement', data: { supplied: true } });
  events.push({ type: 'case.suspend', reason: 'expertReview' });
  events.push({ type: 'case.resume', data: { reviewed: true } });
  events.push({ type: 'case.withdraw', reason: 'walk' });
  return events;
}

/** Whether the step should take `event` in a case suspended for `suspendedFor` (`undefined`: not suspended). */
function applies(event: CaseEvent, suspendedFor: string | undefined): boolean {
  if (event.type === 'case.withdraw') return true;
  if (suspendedFor === undefined) return event.type !== 'case.supplement' && event.type !== 'case.resume';
  return event.type === (suspendedFor === 'supplement' ? 'case.supplement' : 'case.resume');
}

describe('step on random walks through every fixture', () => {
  it.each(fixtureNames('workflows'))('should keep its task bookkeeping consistent in %s', (name) => {
    const definition = loadWorkflow(name);
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), fc.boolean(), (choices, tobacco) => {
        const run = new CaseRun(definition);
        const metas = new Map<string, TaskStateMeta>();
        const collect = (state: StateJson): void => {
          if (state.meta?.nodeType === 'userTask' && state.id) metas.set(state.id, state.meta);
          for (const child of Object.values(state.states ?? {})) collect(child);
        };
        collect(run.machine);
        const metaOf = (nodeId: string): TaskStateMeta => metas.get(nodeId) as TaskStateMeta;

        const actor = createActor(createMachine(run.machine).provide(implementations), {
          input: { caseId: 'case-1', data: { tobacco, seats: 80 } },
        });
        actor.start();

        const created = new Set<string>();
        const open = new Set<string>();
        const apply = (effects: ReturnType<CaseRun['send']>): void => {
          for (const effect of effects) {
            if (effect.type === 'createTask') {
              expect(created.has(effect.taskId)).toBe(false);
              created.add(effect.taskId);
              open.add(effect.taskId);
            }
            if (effect.type === 'closeTask') {
              expect(open.has(effect.taskId)).toBe(true);
              open.delete(effect.taskId);
            }
          }
        };
        apply(run.start({ tobacco, seats: 80 }));

        for (const choice of choices) {
          if (run.current.status === 'done') break;
          const options = candidates(run, metaOf);
          const event = options[choice % options.length] as CaseEvent;
          const suspension = (run.current.context as CaseContext).suspension;
          const suspendedFor = isSuspended(run.current) ? (suspension?.reason ?? 'supplement') : undefined;
          let effects: ReturnType<CaseRun['send']>;
          try {
            effects = run.send(event);
          } catch (error) {
            expect(isEngineError(error)).toBe(true);
            expect(applies(event, suspendedFor)).toBe(false);
            continue;
          }
          expect(applies(event, suspendedFor)).toBe(true);
          apply(effects);
          actor.send(event);
          expect(actor.getSnapshot().value).toEqual(run.current.value);
          expect(actor.getSnapshot().context.tasks).toEqual((run.current.context as CaseContext).tasks);
          expect(new Set(openTasks(run.machine, run.current).map((task) => task.taskId))).toEqual(open);
          const completions = effects.filter((effect) => effect.type === 'completeCase');
          expect(completions.length).toBe(run.current.status === 'done' ? 1 : 0);
          if (run.current.status === 'done') expect(open.size).toBe(0);
        }
        actor.stop();
      }),
      { numRuns: 60 },
    );
  });
});
