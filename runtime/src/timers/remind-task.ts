import type { SlaLimit } from '@tongban/engine';
import type { TaskRow } from '../db/schema/index.ts';
import type { CaseWork } from '../cases/case-work.ts';

const LIMIT_NAMES: Record<SlaLimit, string> = { statutory: '法定时限', promised: '承诺时限' };

/**
 * Reminds the department of an open task that one of its limits passed (an SLA edge that
 * notifies): one `reminder` notification addressed to the task's department, and a
 * `task.reminded` event.
 */
export async function remindTask(unit: CaseWork, task: TaskRow, cause: { limit: SlaLimit; edgeId: string }): Promise<void> {
  await unit.notifyDepartment(task, 'reminder', `任务「${task.name}」（办件 ${unit.case.id}）已超过${LIMIT_NAMES[cause.limit]}，请尽快办理`, {
    nodeId: task.nodeId,
    activationId: task.activationId,
    dueAt: (cause.limit === 'promised' ? task.atRiskAt : task.dueAt)?.toISOString() ?? null,
    limit: cause.limit,
    edgeId: cause.edgeId,
  });
  unit.record('task.reminded', { nodeId: task.nodeId, limit: cause.limit, edgeId: cause.edgeId }, task.id);
}
