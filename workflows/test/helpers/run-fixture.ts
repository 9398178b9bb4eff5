import { caseResult, openTasks, step } from '@tongban/engine';
import type { Effect, MachineConfigJson, PersistedCaseSnapshot, TaskCloseReason } from '@tongban/engine';
import type { FixtureAction, WorkflowFixture } from '../../src/index.ts';

/** What replaying a fixture produced. */
export interface FixtureRun {
  /** The case's result, `undefined` when the script left it running. */
  result: string | undefined;
  /** Node id of every task created, in order. */
  created: string[];
  /** Every task closed without completion, in order. */
  closed: { nodeId: string; reason: Exclude<TaskCloseReason, 'completed'> }[];
  /** The case data at the end. */
  data: Record<string, unknown>;
  /** Tasks still open at the end. */
  open: string[];
  effects: Effect[];
  /** When each task activation was created (`review#2` → instant). */
  createdAt: Map<string, Date>;
  /** When the case was filed. */
  filedAt: Date;
}

/** Start of the replay clock unless the fixture says when it is filed: a working Monday morning in Shanghai. */
const START = '2026-03-02T09:00:00+08:00';
const ONE_HOUR = 3_600_000;

/**
 * Replays `fixture` on `machine` through the engine's pure step: starts the case with the
 * fixture's data at its `filedAt`, then applies each scripted action (a decision, a supplement, a
 * passed limit, a timer) one hour apart.
 * The snapshot goes through a JSON round trip after every step, as a host stores it.
 * @throws Error quoting the fixture and the action when an action names a node with no open task.
 */
export function runFixture(machine: MachineConfigJson, fixture: WorkflowFixture): FixtureRun {
  const effects: Effect[] = [];
  const start = Date.parse(fixture.filedAt ?? START);
  const createdAt = new Map<string, Date>();
  const note = (produced: Effect[], at: Date) => {
    for (const effect of produced) if (effect.type === 'createTask') createdAt.set(effect.taskId, at);
    effects.push(...produced);
  };
  let { snapshot, effects: first } = step(machine, undefined, { type: 'case.start' }, new Date(start), {
    caseId: `fixture-${fixture.id}`,
    data: structuredClone(fixture.data),
  });
  note(first, new Date(start));
  fixture.script.forEach((action, index) => {
    const at = new Date(start + (index + 1) * ONE_HOUR);
    const result = step(machine, roundTrip(snapshot), toEvent(machine, snapshot, action, fixture), at);
    snapshot = roundTrip(result.snapshot);
    note(result.effects, at);
  });
  return {
    result: caseResult(snapshot),
    created: effects.flatMap((effect) => (effect.type === 'createTask' ? [effect.nodeId] : [])),
    closed: effects.flatMap((effect) =>
      effect.type === 'closeTask' && effect.reason !== 'completed' ? [{ nodeId: effect.nodeId, reason: effect.reason }] : [],
    ),
    data: (snapshot.context as { data: Record<string, unknown> }).data,
    open: openTasks(machine, snapshot).map((task) => task.nodeId),
    effects,
    createdAt,
    filedAt: new Date(start),
  };
}

function toEvent(machine: MachineConfigJson, snapshot: PersistedCaseSnapshot, action: FixtureAction, fixture: WorkflowFixture) {
  if (action.action === 'supplement') return { type: 'case.supplement' as const, data: action.data ?? {} };
  if (action.action === 'timerFired') {
    const timers = (snapshot.context as { timers?: Record<string, { nodeId: string }> }).timers ?? {};
    const timerId = Object.keys(timers).find((id) => timers[id]?.nodeId === action.nodeId);
    if (timerId === undefined) throw new Error(`Fixture '${fixture.id}' fires the timer of '${action.nodeId}', which holds none`);
    return { type: 'timer.fired' as const, nodeId: action.nodeId, timerId };
  }
  const task = openTasks(machine, snapshot).find((open) => open.nodeId === action.nodeId);
  if (task === undefined) {
    const open = openTasks(machine, snapshot).map((t) => `'${t.nodeId}'`).join(', ') || 'none';
    throw new Error(`Fixture '${fixture.id}' completes '${action.nodeId}', which has no open task (open: ${open})`);
  }
  if (action.action === 'slaBreach') {
    return { type: 'task.slaBreach' as const, nodeId: task.nodeId, taskId: task.taskId, limit: action.limit ?? 'statutory' };
  }
  return {
    type: 'task.complete' as const,
    nodeId: task.nodeId,
    taskId: task.taskId,
    outcome: action.outcome,
    data: action.data ?? {},
    ...(action.returnTo !== undefined ? { returnTo: action.returnTo } : {}),
  };
}

function roundTrip(snapshot: PersistedCaseSnapshot): PersistedCaseSnapshot {
  return JSON.parse(JSON.stringify(snapshot)) as PersistedCaseSnapshot;
}
