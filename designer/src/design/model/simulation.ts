import {
  activeNodes,
  caseDeadline,
  caseResult,
  compile,
  isSuspended,
  pauseDeadline,
  resumeDeadline,
  step,
  taskDeadlines,
  type BusinessCalendar,
  type CaseEvent,
  type DueDate,
  type Effect,
  type MachineConfigJson,
  type PersistedCaseSnapshot,
  type SlaLimit,
  type SlaUnit,
  type SuspensionReason,
  type WorkflowDefinition,
} from '@tongban/engine';

/** One clock of a simulated case: when it runs out, and how it is counted (for a pause). */
export interface SimulatedClock {
  due: DueDate;
  unit: SlaUnit;
  /** While the case is suspended: the time it had left, in minutes (`pauseDeadline`). */
  remainingMinutes?: number;
}

/** An open task of the simulated case, with its deadlines on the workflow's calendar. */
export interface SimulatedTask {
  taskId: string;
  nodeId: string;
  /** ISO 8601 instant it opened. */
  openedAt: string;
  /** The promised limit (`atRisk` from then on). */
  atRisk?: SimulatedClock;
  /** The statutory limit (`overdue` from then on). */
  breach?: SimulatedClock;
  /** The limits whose `task.slaBreach` event was already sent. */
  passed: SlaLimit[];
}

/** One line of the simulation's log: what happened, at what simulated instant. */
export interface SimulationLogEntry {
  at: string;
  event?: CaseEvent;
  effect?: Effect;
}

/** A case run in the browser on the engine's pure step, on a simulated clock. */
export interface SimulationState {
  definition: WorkflowDefinition;
  machine: MachineConfigJson;
  snapshot: PersistedCaseSnapshot;
  /** The simulated instant. */
  now: Date;
  tasks: SimulatedTask[];
  /** The case's promised total, counted from the start of the simulation. */
  caseClock?: SimulatedClock;
  suspended: boolean;
  /** Why the case is suspended: a 补正 (`supplement`) or a period the law does not count. */
  suspension?: 'supplement' | SuspensionReason;
  /** The result of the end event reached, once finished. */
  result?: string;
  activeNodeIds: string[];
  log: SimulationLogEntry[];
}

function pause(clock: SimulatedClock | undefined, calendar: BusinessCalendar, now: Date): SimulatedClock | undefined {
  if (clock === undefined) return undefined;
  return { ...clock, remainingMinutes: pauseDeadline(calendar, now, clock.due.dueAt, clock.unit) };
}

function resume(clock: SimulatedClock | undefined, calendar: BusinessCalendar, now: Date): SimulatedClock | undefined {
  if (clock?.remainingMinutes === undefined) return clock;
  return { due: resumeDeadline(calendar, now, clock.remainingMinutes, clock.unit), unit: clock.unit };
}

function openTask(definition: WorkflowDefinition, calendar: BusinessCalendar, effect: { taskId: string; nodeId: string }, now: Date): SimulatedTask {
  const node = definition.nodes.find((candidate) => candidate.id === effect.nodeId);
  const sla = node?.type === 'userTask' ? node.sla : undefined;
  const task: SimulatedTask = { taskId: effect.taskId, nodeId: effect.nodeId, openedAt: now.toISOString(), passed: [] };
  if (sla === undefined) return task;
  const deadlines = taskDeadlines(calendar, sla, now);
  if (deadlines.atRisk !== undefined && sla.promised !== undefined) task.atRisk = { due: deadlines.atRisk, unit: sla.promised.unit };
  if (deadlines.breach !== undefined && sla.statutory !== undefined) task.breach = { due: deadlines.breach, unit: sla.statutory.unit };
  return task;
}

/**
 * Carries out the effects of one step on the simulated case: tasks, clocks, suspension, result.
 * Effects meant for people (escalate, notify, deemOutcome, completeCase) are only logged.
 */
function applyEffects(state: SimulationState, effects: readonly Effect[], calendar: BusinessCalendar): SimulationState {
  let { tasks, caseClock, suspension } = state;
  const at = state.now.toISOString();
  const pauseAll = () => {
    tasks = tasks.map((task) => ({ ...task, atRisk: pause(task.atRisk, calendar, state.now), breach: pause(task.breach, calendar, state.now) }));
    caseClock = pause(caseClock, calendar, state.now);
  };
  for (const effect of effects) {
    switch (effect.type) {
      case 'createTask':
        tasks = [...tasks, openTask(state.definition, calendar, effect, state.now)];
        break;
      case 'closeTask':
        tasks = tasks.filter((task) => task.taskId !== effect.taskId);
        break;
      case 'suspendCase':
        pauseAll();
        suspension = 'supplement';
        break;
      case 'pauseCase':
        pauseAll();
        suspension = effect.reason;
        break;
      case 'resumeCase':
        tasks = tasks.map((task) => ({ ...task, atRisk: resume(task.atRisk, calendar, state.now), breach: resume(task.breach, calendar, state.now) }));
        caseClock = resume(caseClock, calendar, state.now);
        suspension = undefined;
        break;
      default:
        break;
    }
  }
  const next: SimulationState = {
    ...state,
    tasks,
    caseClock,
    suspension,
    suspended: isSuspended(state.snapshot),
    activeNodeIds: activeNodes(state.snapshot),
    log: [...state.log, ...effects.map((effect) => ({ at, effect }))],
  };
  const result = caseResult(state.snapshot);
  if (result !== undefined) next.result = result;
  return next;
}

/**
 * Starts a simulated case of `definition` at `now` with the applicant's `data`: compiles the
 * definition (throws the engine's `InvalidDefinitionError` when it has errors), runs `case.start`,
 * opens the first tasks with their deadlines counted on `calendar`.
 */
export function startSimulation(
  definition: WorkflowDefinition,
  calendar: BusinessCalendar,
  data: Record<string, unknown>,
  now: Date,
): SimulationState {
  const { machine } = compile(definition);
  const event: CaseEvent = { type: 'case.start' };
  const { snapshot, effects } = step(machine, undefined, event, now, { caseId: 'simulation', data });
  const initial: SimulationState = {
    definition,
    machine,
    snapshot,
    now,
    tasks: [],
    suspended: false,
    activeNodeIds: [],
    log: [{ at: now.toISOString(), event }],
  };
  if (definition.promisedSla !== undefined) {
    initial.caseClock = { due: caseDeadline(calendar, definition.promisedSla, now), unit: definition.promisedSla.unit };
  }
  return applyEffects(initial, effects, calendar);
}

/**
 * Sends one event to the simulated case at its current instant. The engine's refusals (a task no
 * longer open, an outcome not offered, a completion while suspended) are thrown unchanged.
 */
export function sendSimulationEvent(state: SimulationState, event: CaseEvent, calendar: BusinessCalendar): SimulationState {
  const { snapshot, effects } = step(state.machine, state.snapshot, event, state.now);
  const logged: SimulationState = { ...state, snapshot, log: [...state.log, { at: state.now.toISOString(), event }] };
  return applyEffects(logged, effects, calendar);
}

/**
 * Moves the simulated clock to `to` (never backwards). Each open task whose promised or statutory
 * limit has then passed gets its `task.slaBreach` event for that limit, once, in the order the
 * limits pass, as the runtime's timers would send them (the task's SLA edge watching the limit,
 * if any, acts). While the case is suspended the clocks are paused and nothing passes.
 */
export function advanceSimulation(state: SimulationState, to: Date, calendar: BusinessCalendar): SimulationState {
  let next: SimulationState = { ...state, now: to.getTime() > state.now.getTime() ? to : state.now };
  const due: { taskId: string; nodeId: string; limit: SlaLimit; at: number }[] = [];
  for (const task of next.tasks) {
    const clocks: [SlaLimit, SimulatedClock | undefined][] = [
      ['promised', task.atRisk],
      ['statutory', task.breach],
    ];
    for (const [limit, clock] of clocks) {
      if (clock === undefined || task.passed.includes(limit)) continue;
      const at = clock.due.dueAt.getTime();
      if (at <= next.now.getTime()) due.push({ taskId: task.taskId, nodeId: task.nodeId, limit, at });
    }
  }
  for (const { taskId, nodeId, limit } of due.sort((a, b) => a.at - b.at)) {
    if (next.suspended || next.result !== undefined || !next.tasks.some((open) => open.taskId === taskId)) continue;
    next = { ...next, tasks: next.tasks.map((open) => (open.taskId === taskId ? { ...open, passed: [...open.passed, limit] } : open)) };
    next = sendSimulationEvent(next, { type: 'task.slaBreach', nodeId, taskId, limit }, calendar);
  }
  return next;
}

/** The earlier tasks a `return` of `nodeId` may go back to: the targets of its `return` edges. */
export function returnTargets(definition: WorkflowDefinition, nodeId: string): string[] {
  return definition.edges.filter((edge) => edge.source === nodeId && edge.outcome === 'return').map((edge) => edge.target);
}
