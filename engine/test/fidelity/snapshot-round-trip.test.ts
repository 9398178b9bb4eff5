import fc from 'fast-check';
import { createActor, createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compile, implementations, isEngineError, step } from '../../src/index.ts';
import type { CaseEvent, Effect, PersistedCaseSnapshot } from '../../src/index.ts';
import { candidateEvents, taskMetas } from './candidate-events.ts';
import { fixtureNames, loadWorkflow } from '../load-fixture.ts';
import { shippedWorkflows } from './shipped-workflows.ts';
import type { ShippedWorkflow } from './shipped-workflows.ts';

/** The shipped workflows, and the engine's fixtures of every element (with data that takes their branches both ways). */
const workflows: ShippedWorkflow[] = [
  ...shippedWorkflows(),
  ...fixtureNames('workflows').map((name) => ({
    key: `fixture ${name}`,
    definition: loadWorkflow(name),
    dataSets: [{}, { tobacco: true, outdoorSign: true, seats: 80, rawFood: true, licenceValid: true, panelMembers: ['wang', 'li'] }],
  })),
];

const START = Date.parse('2026-03-02T09:00:00+08:00');
const HOUR = 3_600_000;

/** One step, or the code of the engine error that refused it. */
type Outcome = { effects: Effect[]; snapshot: PersistedCaseSnapshot } | { refused: string };

function attempt(run: () => { effects: Effect[]; snapshot: PersistedCaseSnapshot }): Outcome {
  try {
    return run();
  } catch (error) {
    if (!isEngineError(error)) throw error;
    return { refused: error.code };
  }
}

describe.each(workflows.map((workflow) => [workflow.key, workflow] as const))('the workflow %s', (_key, workflow) => {
  const { machine } = compile(workflow.definition);
  const metas = taskMetas(machine);

  it('ends in the same state with the same effects when its snapshot is stored as JSON after every step as when it never is', () => {
    let applied = 0;
    let finished = 0;
    fc.assert(
      fc.property(fc.nat({ max: workflow.dataSets.length - 1 }), fc.array(fc.nat(), { minLength: 20, maxLength: 40 }), (dataIndex, choices) => {
        const input = { caseId: 'walk', data: structuredClone(workflow.dataSets[dataIndex] as Record<string, unknown>) };
        let stored = JSON.stringify(step(machine, undefined, { type: 'case.start' }, new Date(START), input).snapshot);
        let kept = step(machine, undefined, { type: 'case.start' }, new Date(START), input).snapshot;
        const actor = createActor(createMachine(machine).provide(implementations), { input: { ...input, receivedAt: new Date(START).toISOString() } });
        actor.start();
        choices.forEach((choice, index) => {
          const restored = JSON.parse(stored) as PersistedCaseSnapshot;
          if (restored.status === 'done') return;
          const last = index === choices.length - 1;
          const all = candidateEvents(machine, metas, restored, { breaches: true, caseOperations: true }).filter(
            (candidate) => last || candidate.type !== 'case.withdraw',
          );
          const progress = candidateEvents(machine, metas, restored);
          const options = choice % 3 === 0 || progress.length === 0 ? all : progress;
          const event = options[Math.floor(choice / 3) % options.length] as CaseEvent;
          const now = new Date(START + (index + 1) * HOUR);
          const fromJson = attempt(() => step(machine, restored, event, now));
          const fromMemory = attempt(() => step(machine, kept, event, now));
          expect(fromJson).toEqual(fromMemory);
          if ('refused' in fromJson || 'refused' in fromMemory) return;
          stored = JSON.stringify(fromJson.snapshot);
          kept = fromMemory.snapshot;
          applied += 1;
          if (fromJson.snapshot.status === 'done') finished += 1;
          actor.send({ ...event, at: now.toISOString() });
          expect(JSON.parse(JSON.stringify(actor.getPersistedSnapshot()))).toMatchObject({ value: fromJson.snapshot.value, status: fromJson.snapshot.status });
        });
        expect(JSON.parse(stored)).toEqual(JSON.parse(JSON.stringify(kept)));
        expect(JSON.parse(JSON.stringify(actor.getSnapshot().context))).toEqual((JSON.parse(stored) as PersistedCaseSnapshot).context);
        actor.stop();
      }),
      { numRuns: 80 },
    );
    expect(applied).toBeGreaterThan(80);
    expect(finished).toBeGreaterThan(0);
  });
});
