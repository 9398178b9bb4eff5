import type { CaseContext } from '../compile/case-context.ts';
import type { MachineConfigJson } from '../compile/machine-config.types.ts';
import { loadMachine } from './machine-cache.ts';
import type { PersistedCaseSnapshot } from './step.types.ts';

/** One open task of a case. */
export interface OpenTask {
  taskId: string;
  nodeId: string;
}

/**
 * The open tasks of a case, in the order their nodes appear in the definition.
 *
 * Pure: performs no I/O.
 */
export function openTasks(machine: MachineConfigJson, snapshot: PersistedCaseSnapshot): OpenTask[] {
  const { tasks } = snapshot.context as CaseContext;
  const order = [...loadMachine(machine).tasks.keys()];
  return order.filter((nodeId) => tasks[nodeId] !== undefined).map((nodeId) => ({ taskId: tasks[nodeId] as string, nodeId }));
}
