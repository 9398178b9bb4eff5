import type { CaseContext } from '../compile/case-context.ts';
import { instanceNumberOf } from '../compile/case-context.ts';
import type { MachineConfigJson } from '../compile/machine-config.types.ts';
import { loadMachine } from './machine-cache.ts';
import type { PersistedCaseSnapshot } from './step.types.ts';

/** One open task of a case. */
export interface OpenTask {
  taskId: string;
  nodeId: string;
  /** For an instance of a multi-instance task: the department kind or assignee it went to. */
  item?: string;
}

/**
 * The open tasks of a case, in the order their nodes appear in the definition; the open instances
 * of a multi-instance task in their order.
 *
 * Pure: performs no I/O.
 */
export function openTasks(machine: MachineConfigJson, snapshot: PersistedCaseSnapshot): OpenTask[] {
  const { tasks, instances } = snapshot.context as CaseContext;
  return [...loadMachine(machine).tasks.keys()].flatMap((nodeId): OpenTask[] => {
    const taskId = tasks[nodeId];
    if (taskId !== undefined) return [{ taskId, nodeId }];
    const set = instances?.[nodeId];
    if (set === undefined) return [];
    return set.open.map((instanceId) => ({ taskId: instanceId, nodeId, item: set.items[instanceNumberOf(instanceId) - 1] ?? '' }));
  });
}
