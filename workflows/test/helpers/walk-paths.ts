import { caseResult, compile, isSuspended, offeredOutcomes, openTasks, slaEdgeBehaviour, step } from '@tongban/engine';
import type { CaseEvent, Effect, MachineConfigJson, PersistedCaseSnapshot, SlaLimit, WorkflowDefinition } from '@tongban/engine';

/** What walking every path of a machine found. */
export interface PathWalk {
  /** Complete paths from the start event to an end event, counted by result. */
  pathsByResult: Map<string, number>;
  /** Distinct case states reached. */
  states: number;
  /** Node ids of every task some path created. */
  tasksCreated: Set<string>;
  /** Node id and outcome of every decision some path took, as `nodeId/outcome`. */
  decisions: Set<string>;
  /** Paths cut off because a task would have been activated more than `maxActivations` times. */
  prunedPaths: number;
  /** States with no open task that are neither finished nor suspended, with the events that led there. */
  stuck: string[][];
  /** States from which no path reaches an end event within the bounds, with the events that led there. */
  deadEnds: string[][];
  /** Steps whose effects disagreed with the open tasks before and after, with what was wrong. */
  inconsistent: string[];
}

interface Walker {
  machine: MachineConfigJson;
  /** The limits each userTask's interrupting SLA edges watch (超时默认 and the like), by node id. */
  breaches: Map<string, SlaLimit[]>;
  /** Outcomes each userTask offers, by node id. */
  outcomes: Map<string, string[]>;
  maxActivations: number;
  maxSupplementsPerTask: number;
  memo: Map<string, Map<string, number>>;
  /** States every continuation of which the loop bound cut off: bounded, not dead ends. */
  cutOff: Set<string>;
  walk: PathWalk;
}

const NOW = new Date('2026-03-02T09:00:00+08:00');

/**
 * Walks every path of `definition` (compiled) for a case started with `data`: at each state it takes every
 * outcome of every open task (each with a reason, which rejections and returns need), in every order
 * the parallel branches allow, lets every interrupting SLA edge's limit pass (超时默认), fires every
 * timer a timerEvent waits on, and answers every 补正 with a supplement. Loops are bounded: a path that would activate one task more than
 * `maxActivations` times, or ask for more than `maxSupplementsPerTask` supplements at one task, is
 * cut off and counted in `prunedPaths`; a state all of whose continuations were cut off is bounded,
 * not a dead end. States are memoised, so each is expanded once.
 */
export function walkPaths(
  definition: WorkflowDefinition,
  data: Record<string, unknown>,
  { maxActivations = 2, maxSupplementsPerTask = 1 }: { maxActivations?: number; maxSupplementsPerTask?: number } = {},
): PathWalk {
  const { machine } = compile(definition);
  const outcomes = new Map(definition.nodes.flatMap((node) => (node.type === 'userTask' ? [[node.id, offeredOutcomes(node)] as const] : [])));
  const breaches = new Map<string, SlaLimit[]>();
  for (const edge of definition.edges) {
    if (edge.kind !== 'slaBreach' || !slaEdgeBehaviour(edge).interrupting) continue;
    breaches.set(edge.source, [...(breaches.get(edge.source) ?? []), slaEdgeBehaviour(edge).limit]);
  }
  const walker: Walker = {
    machine,
    breaches,
    outcomes,
    maxActivations,
    maxSupplementsPerTask,
    memo: new Map(),
    cutOff: new Set(),
    walk: {
      pathsByResult: new Map(),
      states: 0,
      tasksCreated: new Set(),
      decisions: new Set(),
      prunedPaths: 0,
      stuck: [],
      deadEnds: [],
      inconsistent: [],
    },
  };
  const started = step(machine, undefined, { type: 'case.start' }, NOW, { caseId: 'walk', data: structuredClone(data) });
  record(walker, started.effects);
  const results = explore(walker, started.snapshot, {}, ['case.start']);
  walker.walk.pathsByResult = results;
  return walker.walk;
}

function explore(
  walker: Walker,
  snapshot: PersistedCaseSnapshot,
  supplements: Record<string, number>,
  trail: string[],
): Map<string, number> {
  const key = stateKey(snapshot, supplements);
  const known = walker.memo.get(key);
  if (known !== undefined) return known;
  walker.walk.states += 1;
  const results = new Map<string, number>();
  walker.memo.set(key, results);

  const result = caseResult(snapshot);
  if (result !== undefined) {
    results.set(result, 1);
    return results;
  }
  const open = openTasks(walker.machine, snapshot);
  const moves: { event: CaseEvent; label: string; supplements: Record<string, number> }[] = [];
  if (isSuspended(snapshot)) {
    moves.push({ event: { type: 'case.supplement', data: {} }, label: 'case.supplement', supplements });
  } else {
    const timers = (snapshot.context as { timers?: Record<string, { nodeId: string; purpose: string }> }).timers ?? {};
    for (const [timerId, timer] of Object.entries(timers)) {
      if (timer.purpose !== 'timerEvent') continue;
      moves.push({ event: { type: 'timer.fired', nodeId: timer.nodeId, timerId }, label: `${timer.nodeId}/timer`, supplements });
    }
    for (const task of open) {
      for (const limit of walker.breaches.get(task.nodeId) ?? []) {
        moves.push({ event: { type: 'task.slaBreach', nodeId: task.nodeId, taskId: task.taskId, limit }, label: `${task.nodeId}/slaBreach`, supplements });
      }
      for (const outcome of walker.outcomes.get(task.nodeId) ?? []) {
        const asked = supplements[task.nodeId] ?? 0;
        if (outcome === 'requestSupplement' && asked >= walker.maxSupplementsPerTask) {
          walker.walk.prunedPaths += 1;
          continue;
        }
        moves.push({
          event: { type: 'task.complete', nodeId: task.nodeId, taskId: task.taskId, outcome, reason: `${task.nodeId}/${outcome}` },
          label: `${task.nodeId}/${outcome}`,
          supplements: outcome === 'requestSupplement' ? { ...supplements, [task.nodeId]: asked + 1 } : supplements,
        });
      }
    }
  }
  const waitsForTimer = Object.values((snapshot.context as { timers?: Record<string, unknown> }).timers ?? {}).length > 0;
  if (moves.length === 0 && open.length === 0 && !waitsForTimer) walker.walk.stuck.push(trail);

  let cut = false;
  for (const move of moves) {
    const next = step(walker.machine, snapshot, move.event, NOW);
    const activations = (next.snapshot.context as { activations: Record<string, number> }).activations;
    if (Object.values(activations).some((count) => count > walker.maxActivations)) {
      walker.walk.prunedPaths += 1;
      cut = true;
      continue;
    }
    if (move.event.type === 'task.complete') walker.walk.decisions.add(move.label);
    checkEffects(walker, snapshot, next.snapshot, next.effects, move.label);
    record(walker, next.effects);
    const roundTripped = JSON.parse(JSON.stringify(next.snapshot)) as PersistedCaseSnapshot;
    const reached = explore(walker, roundTripped, move.supplements, [...trail, move.label]);
    if (reached.size === 0 && walker.cutOff.has(stateKey(roundTripped, move.supplements))) cut = true;
    for (const [end, count] of reached) results.set(end, (results.get(end) ?? 0) + count);
  }
  if (results.size === 0) {
    if (cut) walker.cutOff.add(key);
    else walker.walk.deadEnds.push(trail);
  }
  return results;
}

/** What identifies a case state for the walk: its state value, activations, suspension and the supplements asked. */
function stateKey(snapshot: PersistedCaseSnapshot, supplements: Record<string, number>): string {
  return JSON.stringify([snapshot.value, (snapshot.context as { activations: unknown }).activations, isSuspended(snapshot), supplements]);
}

function record(walker: Walker, effects: Effect[]): void {
  for (const effect of effects) if (effect.type === 'createTask') walker.walk.tasksCreated.add(effect.nodeId);
}

/** The tasks open after a step are those open before, minus the ones it closed, plus the ones it created. */
function checkEffects(
  walker: Walker,
  before: PersistedCaseSnapshot,
  after: PersistedCaseSnapshot,
  effects: Effect[],
  label: string,
): void {
  const open = new Set(openTasks(walker.machine, before).map((task) => task.taskId));
  for (const effect of effects) {
    if (effect.type === 'closeTask') {
      if (!open.delete(effect.taskId)) walker.walk.inconsistent.push(`${label}: closes '${effect.taskId}', which was not open`);
    } else if (effect.type === 'createTask') {
      if (open.has(effect.taskId)) walker.walk.inconsistent.push(`${label}: creates '${effect.taskId}' twice`);
      open.add(effect.taskId);
    }
  }
  const expected = [...open].sort().join(', ');
  const actual = openTasks(walker.machine, after).map((task) => task.taskId).sort().join(', ');
  if (expected !== actual) walker.walk.inconsistent.push(`${label}: effects leave [${expected}] open, the snapshot [${actual}]`);
}
