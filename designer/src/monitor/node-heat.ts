import type { CaseDetail } from '../api/api.types.ts';
import type { HandledTask } from './handled-tasks.ts';

/** Load and SLA figures of one node (the shape `ProcessDiagram`'s `heat` takes). */
export interface NodeHeatFigures {
  active: number;
  avgDurationHours: number | null;
  overdue: number;
}

/**
 * Per node of workflow version `key`@`version`: open tasks (`active`), open tasks past their
 * statutory limit (`overdue`) and the average elapsed hours of its decided tasks, over the cases
 * `details` pinned to that version. Nodes without any task are left out. Pure.
 */
export function nodeHeat(
  details: readonly CaseDetail[],
  handled: readonly HandledTask[],
  key: string,
  version: number,
): Record<string, NodeHeatFigures> {
  const pinned = details.filter((detail) => detail.case.definitionKey === key && detail.case.definitionVersion === version);
  const caseIds = new Set(pinned.map((detail) => detail.case.id));
  const heat: Record<string, NodeHeatFigures> = {};
  const durations = new Map<string, number[]>();
  for (const detail of pinned) {
    for (const task of detail.tasks) {
      const figures = (heat[task.nodeId] ??= { active: 0, avgDurationHours: null, overdue: 0 });
      if (task.status === 'open' || task.status === 'claimed') {
        figures.active += 1;
        if (task.slaState === 'overdue') figures.overdue += 1;
      }
    }
  }
  for (const entry of handled) {
    if (!caseIds.has(entry.task.caseId)) continue;
    durations.set(entry.task.nodeId, [...(durations.get(entry.task.nodeId) ?? []), entry.hours]);
  }
  for (const [nodeId, hours] of durations) {
    const figures = heat[nodeId];
    if (figures !== undefined) figures.avgDurationHours = hours.reduce((sum, value) => sum + value, 0) / hours.length;
  }
  return heat;
}
