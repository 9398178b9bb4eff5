import { randomUUID } from 'node:crypto';
import { and, eq, like, sql } from 'drizzle-orm';
import { taskDeadlines } from '@tongban/engine';
import type { CaseUnit } from '../cases/case-unit.ts';
import { tasks, users, type TaskHandoff, type TaskRow, type TaskSigning } from '../db/schema/index.ts';
import { ConflictError, InvalidInputError } from '../errors/index.ts';

/**
 * 向前加签 on a single (not countersigned) user task, in the runtime alone (the engine's machine
 * is untouched): the assignee names a user of the organisation who handles the task first. A
 * signer's task is opened for them (a row holding the task, activation `<task>+sign<n>`, its
 * limits counted on the case's business calendar from now by the node's SLA); the task waits
 * (`signing.role: 'waiting'`) until the signer approves, then it is its assignee's again, who
 * completes it. Both rows' chains of handlers and the audit trail say who, to whom, why, when.
 */
export async function addSignerBefore(unit: CaseUnit, task: TaskRow, input: { signer: string; reason: string; callerId: string }): Promise<TaskRow> {
  if (task.assigneeId !== input.callerId) {
    throw new ConflictError('task-not-claimed', `A signer is added to task '${task.id}' by its assignee: claim it first`, { taskId: task.id });
  }
  if (task.signing !== null) {
    throw new ConflictError('signer-pending', `Task '${task.id}' already waits for a signer`, { taskId: task.id });
  }
  const [user] = await unit.tx.select({ id: users.id }).from(users).where(eq(users.username, input.signer));
  if (!user) throw new InvalidInputError('unknown-user', `User '${input.signer}' does not exist`, { field: 'signers', reason: 'unknown-user' });
  if (user.id === input.callerId) {
    throw new InvalidInputError('hand-off-to-self', `User '${input.signer}' is the caller: a signer is someone else`, { field: 'signers', reason: 'self' });
  }
  const at = unit.now.toISOString();
  const [{ count }] = (await unit.tx
    .select({ count: sql<number>`count(*)::int` })
    .from(tasks)
    .where(and(eq(tasks.caseId, task.caseId), like(tasks.activationId, `${task.activationId}+sign%`)))) as [{ count: number }];
  const node = unit.userTask(task.nodeId);
  const { atRisk, breach } = node.sla ? taskDeadlines(unit.calendars.get(unit.case.calendarKey), node.sla, unit.now) : {};
  const link: TaskHandoff = {
    kind: 'addSigner',
    by: input.callerId,
    from: input.callerId,
    to: user.id,
    fromDepartmentId: task.departmentId,
    toDepartmentId: task.departmentId,
    reason: input.reason,
    at,
  };
  const id = randomUUID();
  const signing: TaskSigning = { role: 'signer', position: 'before', parentTaskId: task.id, by: input.callerId, reason: input.reason, at };
  const [created] = await unit.tx
    .insert(tasks)
    .values({
      id,
      caseId: task.caseId,
      activationId: `${task.activationId}+sign${count + 1}`,
      nodeId: task.nodeId,
      name: task.name,
      departmentId: task.departmentId,
      candidateRole: task.candidateRole,
      status: 'claimed',
      assigneeId: user.id,
      claimedAt: unit.now,
      createdAt: unit.now,
      atRiskAt: atRisk?.dueAt ?? null,
      dueAt: breach?.dueAt ?? null,
      provisional: Boolean(atRisk?.provisional || breach?.provisional),
      addedBy: input.callerId,
      signing,
      handoffs: [link],
    })
    .returning();
  await unit.tx
    .update(tasks)
    .set({
      signing: { role: 'waiting', position: 'before', signerTaskId: id, by: input.callerId, reason: input.reason, at },
      handoffs: sql`${tasks.handoffs} || ${JSON.stringify([link])}::jsonb`,
    })
    .where(eq(tasks.id, task.id));
  unit.record(
    'task.signerAdded',
    { nodeId: task.nodeId, activationId: task.activationId, position: 'before', from: input.callerId, to: user.id, signerTaskId: id, reason: input.reason, dueAt: created!.dueAt?.toISOString() ?? null },
    task.id,
  );
  unit.createdTasks.push(created as TaskRow);
  return created as TaskRow;
}

/**
 * The signer approves (`outcome: 'approve'`, with an optional comment): their task is completed
 * and the task it held is its assignee's again. A signer only approves (400 `signer-may-only-approve`).
 */
export async function approveAsSigner(unit: CaseUnit, task: TaskRow, input: { outcome: string; comment?: string | null }): Promise<TaskRow> {
  if (input.outcome !== 'approve') {
    throw new InvalidInputError('signer-may-only-approve', `Task '${task.id}' is an added signer's: it is approved, and its assignee decides the task it holds`, {
      field: 'outcome',
      reason: 'signer-may-only-approve',
    });
  }
  const parentId = (task.signing as Extract<TaskSigning, { role: 'signer' }>).parentTaskId;
  const [done] = await unit.tx
    .update(tasks)
    .set({ status: 'completed', outcome: 'approve', comment: input.comment ?? null, completedAt: unit.now })
    .where(eq(tasks.id, task.id))
    .returning();
  await release(unit, parentId, { kind: 'signerApproved', from: task.assigneeId, reason: input.comment ?? null });
  unit.record('task.signerApproved', { nodeId: task.nodeId, activationId: task.activationId, parentTaskId: parentId, comment: input.comment ?? null }, task.id);
  unit.closedTasks.push(done as TaskRow);
  return done as TaskRow;
}

/** 减签 of a signer who has not acted yet: their task is closed and the task it held is free again at once. */
export async function removeSignerBefore(unit: CaseUnit, task: TaskRow, reason: string): Promise<TaskRow> {
  const parentId = (task.signing as Extract<TaskSigning, { role: 'signer' }>).parentTaskId;
  const [closed] = await unit.tx.update(tasks).set({ status: 'closed', closeReason: 'signerRemoved', completedAt: unit.now }).where(eq(tasks.id, task.id)).returning();
  await release(unit, parentId, { kind: 'removeSigner', from: task.assigneeId, reason });
  unit.record('task.signerRemoved', { nodeId: task.nodeId, activationId: task.activationId, parentTaskId: parentId, signer: task.assigneeId, reason }, task.id);
  unit.closedTasks.push(closed as TaskRow);
  return closed as TaskRow;
}

async function release(unit: CaseUnit, parentId: string, change: { kind: 'signerApproved' | 'removeSigner'; from: string | null; reason: string | null }): Promise<void> {
  const [parent] = await unit.tx.select().from(tasks).where(eq(tasks.id, parentId));
  const link: TaskHandoff = {
    kind: change.kind,
    by: unit.actorId,
    from: change.from,
    to: parent!.assigneeId,
    fromDepartmentId: parent!.departmentId,
    toDepartmentId: parent!.departmentId,
    reason: change.reason,
    at: unit.now.toISOString(),
  };
  await unit.tx
    .update(tasks)
    .set({ signing: null, handoffs: sql`${tasks.handoffs} || ${JSON.stringify([link])}::jsonb` })
    .where(eq(tasks.id, parentId));
}
