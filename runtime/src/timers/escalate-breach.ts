import { eq } from 'drizzle-orm';
import type { SlaLimit } from '@tongban/engine';
import { notifications, tasks, type TaskRow } from '../db/schema/index.ts';
import type { CaseWork } from '../cases/case-work.ts';
import { departmentUsers } from '../notifications/department-users.ts';

/** The department kind whose supervisors receive escalations (政务服务办公室). */
export const SUPERVISION_KIND = 'government-service';

/** Why a task is escalated: the limit that passed, and the SLA edge that escalates, when one does. */
export interface EscalationCause {
  limit: SlaLimit;
  edgeId: string | null;
}

const LIMIT_NAMES: Record<SlaLimit, string> = { statutory: '法定时限', promised: '承诺时限' };

/**
 * Escalates a task whose limit passed (DESIGN.md §5): one `escalation` notification to the
 * supervision office (`government-service`) of the city, and of the parent jurisdiction of the
 * task's department when that is another one; the task's `escalatedAt` is set and a
 * `task.escalated` event recorded. Each supervisor and manager of those offices gets one in their
 * 消息 besides (a notification addressed to them). By default the cause is the statutory limit, with no SLA edge.
 * Returns the jurisdictions notified.
 */
export async function escalateBreach(
  unit: CaseWork,
  task: TaskRow,
  cause: EscalationCause = { limit: 'statutory', edgeId: null },
): Promise<string[]> {
  const organisation = unit.organisation;
  const department = organisation.department(task.departmentId);
  const chain = department ? organisation.ancestry(department.jurisdictionId) : [];
  const targets = [chain[chain.length - 1], chain[1]].filter((j) => j !== undefined);
  const jurisdictionIds = [...new Set(targets.map((j) => j.id))];
  const offices: { departmentId: string; jurisdictionId: string; message: string }[] = [];
  for (const jurisdictionId of jurisdictionIds) {
    const office = organisation.departmentOf(jurisdictionId, SUPERVISION_KIND);
    const jurisdiction = organisation.jurisdiction(jurisdictionId);
    const message = `任务「${task.name}」（办件 ${unit.case.id}，${department?.name ?? task.departmentId}）已超过${LIMIT_NAMES[cause.limit]}，提请${jurisdiction?.name ?? jurisdictionId}督办`;
    if (office) offices.push({ departmentId: office.id, jurisdictionId, message });
    await unit.tx.insert(notifications).values({
      kind: 'escalation',
      jurisdictionId,
      departmentId: office?.id ?? null,
      caseId: unit.case.id,
      taskId: task.id,
      message,
      payload: {
        nodeId: task.nodeId,
        activationId: task.activationId,
        departmentId: task.departmentId,
        dueAt: (cause.limit === 'promised' ? task.atRiskAt : task.dueAt)?.toISOString() ?? null,
        limit: cause.limit,
        edgeId: cause.edgeId,
      },
      createdAt: unit.now,
    });
  }
  await notifySupervisors(unit, task, offices);
  await unit.tx.update(tasks).set({ escalatedAt: unit.now }).where(eq(tasks.id, task.id));
  unit.record('task.escalated', { nodeId: task.nodeId, to: jurisdictionIds, limit: cause.limit, edgeId: cause.edgeId }, task.id);
  return jurisdictionIds;
}

/** Roles of a supervision office's users who hear of an escalation in their 消息. */
const SUPERVISING_ROLES = ['supervisor', 'manager'];

/** One `escalation` notification to each supervisor and manager of the offices escalated to. */
async function notifySupervisors(unit: CaseWork, task: TaskRow, offices: readonly { departmentId: string; jurisdictionId: string; message: string }[]): Promise<void> {
  const recipients = await departmentUsers(unit.tx, offices.map((o) => o.departmentId), SUPERVISING_ROLES);
  const rows = recipients.flatMap((user) => {
    const office = offices.find((o) => o.departmentId === user.departmentId);
    return office === undefined
      ? []
      : [{ kind: 'escalation', jurisdictionId: office.jurisdictionId, departmentId: office.departmentId, userId: user.id, caseId: unit.case.id, taskId: task.id, message: office.message, payload: { nodeId: task.nodeId, departmentId: task.departmentId }, createdAt: unit.now }];
  });
  if (rows.length > 0) await unit.tx.insert(notifications).values(rows);
}
