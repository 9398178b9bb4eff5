import { openTasks, step } from '../src/index.ts';
import type { CaseEvent, MachineConfigJson, PersistedCaseSnapshot } from '../src/index.ts';

/** One stored snapshot and the event applied to it, recorded by running a case to its end once. */
export interface Move {
  json: string;
  event: CaseEvent;
}

/**
 * The moves of one case through `machine`: each open task approved in turn, with `data` for the
 * gateways, until the case ends.
 */
export function recordMoves(machine: MachineConfigJson, data: Record<string, unknown>, now: Date): Move[] {
  const moves: Move[] = [];
  let snapshot: PersistedCaseSnapshot = step(machine, undefined, { type: 'case.start' }, now, { caseId: 'bench', data }).snapshot;
  while (snapshot.status !== 'done') {
    const [task] = openTasks(machine, snapshot);
    if (!task) throw new Error(`The bench case of '${machine.id}' stalls at ${JSON.stringify(snapshot.value)}`);
    const event: CaseEvent = { type: 'task.complete', nodeId: task.nodeId, taskId: task.taskId, outcome: 'approve', data };
    moves.push({ json: JSON.stringify(snapshot), event });
    snapshot = step(machine, snapshot, event, now).snapshot;
  }
  return moves;
}
