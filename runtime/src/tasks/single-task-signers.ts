import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { CaseUnit } from '../cases/case-unit.ts';
import { taskCreatedPayload } from '../cases/task-created-payload.ts';
import { tasks, users, type HandoffKind, type HeldDecision, type SignerPosition, type TaskHandoff, type TaskRow, type TaskSigning } from '../db/schema/index.ts';
import { ConflictError, InvalidInputError } from '../errors/index.ts';
import { taskClocks } from '../timers/task-clocks.ts';
import { armTimers, cancelTimers } from '../timers/timer-book.ts';

/** A task held for its signer, with the assignee's decision when the signer was added after them. */
export interface Released {
  task: TaskRow;
  decision: HeldDecision | undefined;
}

/**
 * 加签 on a single (not countersigned) user task, in the runtime alone (the engine's machine is
 * untouched): its assignee names one user of the organisation, with a reason.
 * - `before` (向前加签): a signer's task is opened at once (a row holding the task, activation
 *   `<task>+sign<n>`); the task waits until the signer approves, then its assignee completes it.
 * - `after` (向后加签): the assignee decides first; the decision is held, a signer's task is opened
 *   then, and the decision takes effect when the signer approves.
 * A signer's task is counted like any other task: the node's limits on the case's business
 * calendar from when it opens, with timers that mark it at risk and overdue (see `fireTimer`),
 * pause while the case is suspended, and are cancelled when it closes (approved, removed, or closed
 * with the task it holds). The chains of handlers and the audit trail say who, to whom, why and when.
 * @throws ConflictError `task-not-claimed`, `signer-pending`; InvalidInputError `unknown-user`, `hand-off-to-self` (field `signers`).
 */
export async function addSigner(unit: CaseUnit, task: TaskRow, input: { position: SignerPosition; signer: string; reason: string; callerId: string }): Promise<TaskRow | undefined> {
  if (task.assigneeId !== input.callerId) {
    throw new ConflictError('task-not-claimed', `A signer is added to task '${task.id}' by its assignee: claim it first`, { taskId: task.id });
  }
  if (task.signing !== null) throw new ConflictError('signer-pending', `Task '${task.id}' already has an added signer`, { taskId: task.id });
  const [user] = await unit.tx.select({ id: users.id }).from(users).where(eq(users.username, input.signer));
  if (!user) throw new InvalidInputError('unknown-user', `User '${input.signer}' does not exist`, { field: 'signers', reason: 'unknown-user' });
  if (user.id === input.callerId) {
    throw new InvalidInputError('hand-off-to-self', `User '${input.signer}' is the caller: a signer is someone else`, { field: 'signers', reason: 'self' });
  }
  const at = unit.now.toISOString();
  unit.record('task.signerAdded', { nodeId: task.nodeId, activationId: task.activationId, position: input.position, from: input.callerId, to: user.id, reason: input.reason }, task.id);
  const link = linkOf(unit, task, 'addSigner', { from: input.callerId, to: user.id, reason: input.reason });
  if (input.position === 'after') {
    await unit.tx
      .update(tasks)
      .set({ signing: { role: 'after', position: 'after', signerId: user.id, by: input.callerId, reason: input.reason, at }, handoffs: appended(link) })
      .where(eq(tasks.id, task.id));
    return undefined;
  }
  return openSignerTask(unit, task, { signerId: user.id, position: 'before', by: input.callerId, reason: input.reason, link });
}

/**
 * The assignee of a task with a signer added after them decides: the decision is checked by the
 * caller, refused for a 补正 (asked by the assignee alone), held on the task, and the signer's
 * task is opened.
 * @throws InvalidInputError `supplement-with-signer` (field `outcome`).
 */
export async function holdForSignerAfter(unit: CaseUnit, task: TaskRow, input: HeldDecision): Promise<TaskRow> {
  if (input.outcome === 'requestSupplement') {
    throw new InvalidInputError('supplement-with-signer', `Task '${task.id}' has a signer added after its assignee: a 补正 is asked without one (remove the signer first)`, {
      field: 'outcome',
      reason: 'supplement-with-signer',
    });
  }
  const signing = task.signing as Extract<TaskSigning, { role: 'after' }>;
  const decision: HeldDecision = {
    outcome: input.outcome,
    ...(input.data === undefined ? {} : { data: input.data }),
    ...(input.comment == null ? {} : { comment: input.comment }),
    ...(input.reason === undefined ? {} : { reason: input.reason }),
    ...(input.returnTo === undefined ? {} : { returnTo: input.returnTo }),
  };
  unit.record('task.decisionHeld', { nodeId: task.nodeId, activationId: task.activationId, outcome: input.outcome, signer: signing.signerId }, task.id);
  const link = linkOf(unit, task, 'addSigner', { from: task.assigneeId, to: signing.signerId, reason: signing.reason });
  return openSignerTask(unit, task, { signerId: signing.signerId, position: 'after', by: signing.by, reason: signing.reason, link, decision });
}

/**
 * The signer approves (`outcome: 'approve'`, with an optional comment): their task is completed
 * and the task it held is released (its held decision, if any, is the caller's to apply).
 * @throws InvalidInputError `signer-may-only-approve` (field `outcome`).
 */
export async function approveAsSigner(unit: CaseUnit, task: TaskRow, input: { outcome: string; comment?: string | null }): Promise<{ approved: TaskRow; decided: Released | undefined }> {
  if (input.outcome !== 'approve') {
    throw new InvalidInputError('signer-may-only-approve', `Task '${task.id}' is an added signer's: it is approved, and its assignee decides the task it holds`, {
      field: 'outcome',
      reason: 'signer-may-only-approve',
    });
  }
  const parentId = (task.signing as Extract<TaskSigning, { role: 'signer' }>).parentTaskId;
  const approved = await closeSignerTask(unit, task, { status: 'completed', closeReason: 'completed', outcome: 'approve', comment: input.comment ?? null });
  unit.record('task.signerApproved', { nodeId: task.nodeId, activationId: task.activationId, parentTaskId: parentId, comment: input.comment ?? null }, task.id);
  const released = await release(unit, parentId, { kind: 'signerApproved', from: task.assigneeId, reason: input.comment ?? null });
  return { approved, decided: released.decision === undefined ? undefined : released };
}

/**
 * 减签 of a signer who has not acted yet, with a reason: their task is closed (or, added after an
 * assignee who has not decided, the signer is dropped) and the task it held is released at once;
 * a held decision is the caller's to apply now.
 */
export async function removeAddedSigner(unit: CaseUnit, task: TaskRow, reason: string): Promise<{ task: TaskRow; released: Released }> {
  if (task.signing?.role === 'after') {
    const released = await release(unit, task.id, { kind: 'removeSigner', from: task.signing.signerId, reason });
    unit.record('task.signerRemoved', { nodeId: task.nodeId, activationId: task.activationId, signer: task.signing.signerId, reason }, task.id);
    return { task: released.task, released };
  }
  const parentId = (task.signing as Extract<TaskSigning, { role: 'signer' }>).parentTaskId;
  const closed = await closeSignerTask(unit, task, { status: 'closed', closeReason: 'signerRemoved' });
  unit.record('task.signerRemoved', { nodeId: task.nodeId, activationId: task.activationId, parentTaskId: parentId, signer: task.assigneeId, reason }, task.id);
  return { task: closed, released: await release(unit, parentId, { kind: 'removeSigner', from: task.assigneeId, reason }) };
}

async function openSignerTask(
  unit: CaseUnit,
  task: TaskRow,
  added: { signerId: string; position: SignerPosition; by: string; reason: string; link: TaskHandoff; decision?: HeldDecision },
): Promise<TaskRow> {
  const at = unit.now.toISOString();
  const [{ count }] = (await unit.tx
    .select({ count: sql<number>`count(*)::int` })
    .from(tasks)
    .where(and(eq(tasks.caseId, task.caseId), sql`starts_with(${tasks.activationId}, ${`${task.activationId}+sign`})`))) as [{ count: number }];
  const id = randomUUID();
  const activationId = `${task.activationId}+sign${count + 1}`;
  const clocks = taskClocks(unit.calendars.get(unit.case.calendarKey), unit.userTask(task.nodeId).sla, unit.now, { id, activationId });
  const [created] = await unit.tx
    .insert(tasks)
    .values({
      id,
      caseId: task.caseId,
      activationId,
      nodeId: task.nodeId,
      name: task.name,
      departmentId: task.departmentId,
      candidateRole: task.candidateRole,
      status: 'claimed',
      assigneeId: added.signerId,
      claimedAt: unit.now,
      createdAt: unit.now,
      ...clocks.columns,
      addedBy: added.by,
      signing: { role: 'signer', position: added.position, parentTaskId: task.id, by: added.by, reason: added.reason, at },
      handoffs: [added.link],
    })
    .returning();
  const waiting: TaskSigning = {
    role: 'waiting',
    position: added.position,
    signerTaskId: id,
    by: added.by,
    reason: added.reason,
    at,
    ...(added.decision === undefined ? {} : { decision: added.decision }),
  };
  await unit.tx
    .update(tasks)
    .set({ signing: waiting, ...(added.position === 'before' ? { handoffs: appended(added.link) } : {}) })
    .where(eq(tasks.id, task.id));
  const row = created as TaskRow;
  unit.record('task.created', taskCreatedPayload(row), row.id);
  unit.createdTasks.push(row);
  await armTimers(unit.timerContext(), clocks.timers);
  return row;
}

/**
 * Closes a signer's task as `change` says (approved: `completed`, its SLA state `met`, or
 * `breached` when it was overdue; removed: `closed`, `cancelled`) and cancels its timers in one
 * round trip (the two statements touch different rows).
 */
async function closeSignerTask(
  unit: CaseUnit,
  task: TaskRow,
  change: { status: 'completed'; closeReason: 'completed'; outcome: 'approve'; comment: string | null } | { status: 'closed'; closeReason: 'signerRemoved' },
): Promise<TaskRow> {
  const slaState = change.status === 'completed' ? sql`case when ${tasks.slaState} = 'overdue' then 'breached' else 'met' end` : 'cancelled';
  const [[closed]] = await Promise.all([
    unit.tx
      .update(tasks)
      .set({ ...change, slaState, completedAt: unit.now })
      .where(eq(tasks.id, task.id))
      .returning(),
    cancelTimers(unit.timerContext(), { taskId: task.id }),
  ]);
  unit.closedTasks.push(closed as TaskRow);
  return closed as TaskRow;
}

async function release(unit: CaseUnit, taskId: string, change: { kind: HandoffKind; from: string | null; reason: string | null }): Promise<Released> {
  const [held] = await unit.tx.select().from(tasks).where(eq(tasks.id, taskId));
  const link = linkOf(unit, held!, change.kind, { from: change.from, to: held!.assigneeId, reason: change.reason });
  const [task] = await unit.tx.update(tasks).set({ signing: null, handoffs: appended(link) }).where(eq(tasks.id, taskId)).returning();
  const decision = held!.signing?.role === 'waiting' ? held!.signing.decision : undefined;
  return { task: task as TaskRow, decision };
}

function linkOf(unit: CaseUnit, task: TaskRow, kind: HandoffKind, change: { from: string | null; to: string | null; reason: string | null }): TaskHandoff {
  return { kind, by: unit.actorId, ...change, fromDepartmentId: task.departmentId, toDepartmentId: task.departmentId, at: unit.now.toISOString() };
}

function appended(link: TaskHandoff) {
  return sql`${tasks.handoffs} || ${JSON.stringify([link])}::jsonb`;
}
