import type { TaskRow } from '../db/schema/index.ts';

/**
 * The payload of `task.created` for task `row`: where it stands, who may take it, its limits; the
 * assignee too for a countersignature's instance or an added signer's task, which are made for one.
 * Pure.
 */
export function taskCreatedPayload(row: TaskRow): Record<string, unknown> {
  return {
    nodeId: row.nodeId,
    activationId: row.activationId,
    name: row.name,
    departmentId: row.departmentId,
    candidateRole: row.candidateRole,
    ...(row.instance === null ? {} : { instance: row.instance, assigneeId: row.assigneeId }),
    ...(row.signing === null ? {} : { assigneeId: row.assigneeId, signing: row.signing }),
    atRiskAt: row.atRiskAt?.toISOString() ?? null,
    dueAt: row.dueAt?.toISOString() ?? null,
    provisional: row.provisional,
  };
}
