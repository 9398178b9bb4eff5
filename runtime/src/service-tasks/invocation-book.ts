import { and, eq, inArray } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { incidents, serviceInvocations, type IncidentRow, type ServiceInvocationRow } from '../db/schema/index.ts';
import type { CaseUnit } from '../cases/case-unit.ts';
import { armTimers, cancelTimers } from '../timers/timer-book.ts';

/** An invocation to start: one serviceTask activation's call of a service. */
export interface InvocationSpec {
  activationId: string;
  nodeId: string;
  service: string;
  params: Record<string, unknown>;
  /** Attempts before the invocation fails (at least 1). */
  maxAttempts: number;
  /** Delay before the first retry, ms. */
  backoffMs: number;
}

/** How one attempt ended. */
export type AttemptOutcome =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; error: string; permanent: boolean };

/** What recording an attempt did. */
export type SettledAttempt =
  | { status: 'succeeded'; invocation: ServiceInvocationRow }
  | { status: 'retrying'; invocation: ServiceInvocationRow; retryAt: Date }
  | { status: 'failed'; invocation: ServiceInvocationRow; incident: IncidentRow };

const LIVE = ['queued', 'retryWait'] as const;

/**
 * The id of the invocation of activation `activationId` of case `caseId`, handed to handlers as
 * its idempotency key; a `:` (refused in BullMQ job ids) becomes `_`.
 */
export function invocationIdOf(caseId: string, activationId: string): string {
  return `${caseId}.${activationId}`.replaceAll(':', '_');
}

/**
 * Starts an invocation in `unit`'s transaction: its row (`queued`, attempt 1) and an outbox
 * message that queues the first attempt after commit. Starting an activation's invocation again
 * does nothing. Returns the row.
 */
export async function startInvocation(unit: CaseUnit, spec: InvocationSpec): Promise<ServiceInvocationRow> {
  const id = invocationIdOf(unit.case.id, spec.activationId);
  const [row] = await unit.tx
    .insert(serviceInvocations)
    .values({
      id,
      caseId: unit.case.id,
      nodeId: spec.nodeId,
      activationId: spec.activationId,
      service: spec.service,
      params: spec.params,
      status: 'queued',
      attempt: 1,
      maxAttempts: Math.max(1, Math.trunc(spec.maxAttempts)),
      backoffMs: Math.max(0, Math.trunc(spec.backoffMs)),
      createdAt: unit.now,
      updatedAt: unit.now,
      queuedAt: new Date(),
    })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    const [existing] = await unit.tx.select().from(serviceInvocations).where(eq(serviceInvocations.id, id));
    return existing as ServiceInvocationRow;
  }
  unit.send({ topic: 'service.invoke', payload: { invocationId: id, attempt: 1 } });
  unit.record('service.invoked', { nodeId: spec.nodeId, activationId: spec.activationId, service: spec.service, invocationId: id });
  return row;
}

/**
 * Cancels the live invocations of the case, or of one activation: their rows become `cancelled`,
 * queued jobs are removed and retry timers cancelled. Returns the cancelled rows.
 */
export async function cancelInvocations(unit: CaseUnit, activationId?: string): Promise<ServiceInvocationRow[]> {
  const scope =
    activationId === undefined
      ? eq(serviceInvocations.caseId, unit.case.id)
      : and(eq(serviceInvocations.caseId, unit.case.id), eq(serviceInvocations.activationId, activationId));
  const cancelled = await unit.tx
    .update(serviceInvocations)
    .set({ status: 'cancelled', updatedAt: unit.now, completedAt: unit.now })
    .where(and(scope, inArray(serviceInvocations.status, [...LIVE])))
    .returning();
  for (const invocation of cancelled) {
    unit.send({ topic: 'service.unqueue', payload: { invocationId: invocation.id, attempt: invocation.attempt } });
    await cancelTimers(unit.timerContext(), { activationId: invocation.activationId });
    unit.record('service.cancelled', { nodeId: invocation.nodeId, activationId: invocation.activationId, invocationId: invocation.id });
  }
  return cancelled;
}

/**
 * Records how attempt `attempt` of an invocation ended, in `unit`'s transaction (case row locked).
 * Returns undefined when the invocation no longer waits for that attempt (it ran twice, or the
 * case left the serviceTask): nothing is recorded.
 *
 * - Success: the invocation `succeeded`, its open incident (a retry from it) `resolved`.
 * - A failure with attempts left: `retryWait`, and a `serviceRetry` timer due after the backoff
 *   (`backoffMs` × 2^(attempt − 1)) queues the next attempt.
 * - A permanent failure, or the last attempt's: `failed`, and an incident opens (or, for a retry
 *   from one, the open incident records the new error and attempt count).
 */
export async function settleAttempt(
  unit: CaseUnit,
  invocationId: string,
  attempt: number,
  outcome: AttemptOutcome,
): Promise<SettledAttempt | undefined> {
  const [current] = await unit.tx.select().from(serviceInvocations).where(eq(serviceInvocations.id, invocationId));
  if (!current || current.status !== 'queued' || current.attempt !== attempt) return undefined;
  const base = { nodeId: current.nodeId, activationId: current.activationId, service: current.service, invocationId, attempt };
  if (outcome.ok) {
    const [invocation] = await unit.tx
      .update(serviceInvocations)
      .set({ status: 'succeeded', result: outcome.data, updatedAt: unit.now, completedAt: unit.now })
      .where(eq(serviceInvocations.id, invocationId))
      .returning();
    const resolved = await unit.tx
      .update(incidents)
      .set({ status: 'resolved', resolvedAt: unit.now, updatedAt: unit.now, attempts: attempt })
      .where(and(eq(incidents.invocationId, invocationId), eq(incidents.status, 'open')))
      .returning({ id: incidents.id });
    for (const incident of resolved) unit.record('incident.resolved', { ...base, incidentId: incident.id });
    unit.record('service.completed', { ...base, fields: Object.keys(outcome.data) });
    return { status: 'succeeded', invocation: invocation as ServiceInvocationRow };
  }
  unit.record('service.attemptFailed', { ...base, error: outcome.error, permanent: outcome.permanent });
  if (!outcome.permanent && attempt < current.maxAttempts) {
    const retryAt = new Date(unit.now.getTime() + current.backoffMs * 2 ** (attempt - 1));
    const [invocation] = await unit.tx
      .update(serviceInvocations)
      .set({ status: 'retryWait', lastError: outcome.error, updatedAt: unit.now, queuedAt: null })
      .where(eq(serviceInvocations.id, invocationId))
      .returning();
    await armTimers(unit.timerContext(), [
      { kind: 'serviceRetry', owner: current.activationId, taskId: null, dueAt: retryAt, generation: attempt, activationId: current.activationId, nodeId: current.nodeId },
    ]);
    return { status: 'retrying', invocation: invocation as ServiceInvocationRow, retryAt };
  }
  const [invocation] = await unit.tx
    .update(serviceInvocations)
    .set({ status: 'failed', lastError: outcome.error, updatedAt: unit.now, queuedAt: null })
    .where(eq(serviceInvocations.id, invocationId))
    .returning();
  const [reopened] = await unit.tx
    .update(incidents)
    .set({ error: outcome.error, attempts: attempt, updatedAt: unit.now })
    .where(and(eq(incidents.invocationId, invocationId), eq(incidents.status, 'open')))
    .returning();
  const incident =
    reopened ??
    ((
      await unit.tx
        .insert(incidents)
        .values({
          id: randomUUID(),
          caseId: unit.case.id,
          nodeId: current.nodeId,
          invocationId,
          service: current.service,
          error: outcome.error,
          attempts: attempt,
          status: 'open',
          createdAt: unit.now,
          updatedAt: unit.now,
        })
        .returning()
    )[0] as IncidentRow);
  unit.record(reopened ? 'incident.retryFailed' : 'incident.opened', { ...base, incidentId: incident.id, error: outcome.error });
  return { status: 'failed', invocation: invocation as ServiceInvocationRow, incident };
}

/**
 * Queues the next attempt of an invocation waiting for its retry (its `serviceRetry` timer fired),
 * in `unit`'s transaction. Does nothing unless the invocation is in `retryWait`.
 */
export async function queueRetry(unit: CaseUnit, activationId: string): Promise<ServiceInvocationRow | undefined> {
  const [current] = await unit.tx
    .select()
    .from(serviceInvocations)
    .where(and(eq(serviceInvocations.caseId, unit.case.id), eq(serviceInvocations.activationId, activationId)));
  if (!current || current.status !== 'retryWait') return undefined;
  return requeue(unit, current, current.maxAttempts);
}

/**
 * Queues one more attempt of a `failed` invocation (a retry asked for through its incident), in
 * `unit`'s transaction; returns the invocation, or undefined when it has not failed.
 */
export async function retryFailed(unit: CaseUnit, invocationId: string): Promise<ServiceInvocationRow | undefined> {
  const [current] = await unit.tx.select().from(serviceInvocations).where(eq(serviceInvocations.id, invocationId));
  if (!current || current.status !== 'failed') return undefined;
  return requeue(unit, current, current.attempt + 1);
}

async function requeue(unit: CaseUnit, current: ServiceInvocationRow, maxAttempts: number): Promise<ServiceInvocationRow> {
  const attempt = current.attempt + 1;
  const [invocation] = await unit.tx
    .update(serviceInvocations)
    .set({ status: 'queued', attempt, maxAttempts, updatedAt: unit.now, queuedAt: new Date() })
    .where(eq(serviceInvocations.id, current.id))
    .returning();
  unit.send({ topic: 'service.invoke', payload: { invocationId: current.id, attempt } });
  unit.record('service.retried', { nodeId: current.nodeId, activationId: current.activationId, invocationId: current.id, attempt });
  return invocation as ServiceInvocationRow;
}
