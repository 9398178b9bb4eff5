import { expect } from 'vitest';
import { compile, step } from '../src/index.ts';
import type { CaseEvent, CaseInput, Effect, EngineError, MachineConfigJson, PersistedCaseSnapshot, WorkflowDefinition } from '../src/index.ts';

/** A fixed instant: the engine never reads the clock, so tests hand it one. */
/** The engine error `action` throws: the step refused the event (fails the test when it does not). */
export function refusal(action: () => unknown): EngineError {
  try {
    action();
  } catch (error) {
    return error as EngineError;
  }
  throw new Error('Expected the step to refuse the event');
}

export const NOW = new Date('2026-03-02T09:30:00+08:00');

/**
 * Drives one case through `step`, sending every snapshot through a JSON round trip (as the runtime
 * does through PostgreSQL) and asserting that the round trip loses nothing.
 */
export class CaseRun {
  readonly machine: MachineConfigJson;
  snapshot: PersistedCaseSnapshot | undefined;
  effects: Effect[] = [];

  constructor(definitionOrMachine: WorkflowDefinition | MachineConfigJson) {
    this.machine = 'nodes' in definitionOrMachine ? compile(definitionOrMachine).machine : definitionOrMachine;
  }

  start(data: Record<string, unknown> = {}, input: CaseInput = { caseId: 'case-1', data }): Effect[] {
    return this.send({ type: 'case.start' }, input);
  }

  send(event: CaseEvent, input?: CaseInput, now: Date = NOW): Effect[] {
    const result = step(this.machine, this.snapshot, event, now, input);
    const stored = JSON.parse(JSON.stringify(result.snapshot)) as PersistedCaseSnapshot;
    expect(stored).toStrictEqual(result.snapshot);
    this.snapshot = stored;
    this.effects = result.effects;
    return result.effects;
  }

  complete(taskId: string, outcome = 'approve', extra: { data?: Record<string, unknown>; returnTo?: string; reason?: string } = {}): Effect[] {
    const nodeId = taskId.slice(0, taskId.lastIndexOf('#'));
    return this.send({ type: 'task.complete', nodeId, taskId, outcome, ...extra });
  }

  get current(): PersistedCaseSnapshot {
    if (!this.snapshot) throw new Error('The case has not started');
    return this.snapshot;
  }
}
