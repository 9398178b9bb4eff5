import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { ServiceImplementation, ServiceRetry } from '@tongban/engine';
import { incidents, serviceInvocations, type IncidentRow, type ServiceInvocationRow } from '../db/schema/index.ts';
import type { CaseWork } from '../cases/case-work.ts';
import { ConflictError } from '../errors/index.ts';
import { armTimers, cancelTimers } from '../timers/timer-book.ts';

/** An invocation to start: one call of a service by a service task (`activationId`: the engine's `serviceId`). */
export interface InvocationSpec {
  activationId: string;
  nodeId: string;
  service: string;
  params: Record<string, unknown>;
  /** Attempts before the invocation fails (at least 1). */
  maxAttempts: number;
  /** Delay before the first retry, ms. */
  backoffMs: number;
  backoffType: 'fixed' | 'exponential';
}

/** How one attempt ended. */
export type AttemptOutcome =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; error: string; permanent: boolean };

/** What recording an attempt did. */
export type SettledAttempt =
  | { status: 'succeeded'; invocation: ServiceInvocationRow }
  | { status: 'retrying'; invocation: ServiceInvocationRow; retryAt: Date }
  | { status: 'failed'; invocation: ServiceInvocationRow };

const LIVE = ['queued', 'retryWait'] as const;

/** The name of the built-in service an HTTP implementation runs on. */
const HTTP_CALL = 'http-call';

/**
 * The id of the invocation of activation `activationId` of case `caseId`, handed to handlers as
 * its idempotency key; a `:` (refused in BullMQ job ids) becomes `_`.
 */
export function invocationIdOf(caseId: string, activationId: string): string {
  return `${caseId}.${activationId}`.replaceAll(':', '_');
}

/**
 * The invocation a service task's `invokeService` effect asks for: a registered handler by name,
 * or an HTTP call (the built-in `http-call` with the method and URL); `retry.attempts` more tries
 * after the first, `retry.backoff` between them.
 *
 * Pure: performs no I/O.
 */
export function invocationSpecOf(effect: {
  serviceId: string;
  nodeId: string;
  implementation: ServiceImplementation;
  retry: ServiceRetry | null;
}): InvocationSpec {
  const implementation = effect.implementation;
  return {
    activationId: effect.serviceId,
    nodeId: effect.nodeId,
    service: 'handler' in implementation ? implementation.handler : HTTP_CALL,
    params: 'handler' in implementation ? { ...implementation.params } : { method: implementation.http.method, url: implementation.http.url },
    maxAttempts: 1 + (effect.retry?.attempts ?? 0),
    backoffMs: Math.round((effect.retry?.backoff.delaySeconds ?? 0) * 1_000),
    backoffType: effect.retry?.backoff.type ?? 'exponential',
  };
}

/**
 * Starts an invocation in `unit`'s transaction: its row (`queued`, attempt 1) and an outbox
 * message that queues the first attempt after commit. Starting an activation's invocation again
 * does nothing. Returns the row.
 */
export async function startInvocation(unit: CaseWork, spec: InvocationSpec): Promise<ServiceInvocationRow> {
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
      backoffType: spec.backoffType,
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
 * Cancels the live invocations of the case, or those of the engine's `serviceIds`: their rows
 * become `cancelled`, queued jobs are removed and retry timers cancelled. Returns the cancelled rows.
 */
export async function cancelInvocations(unit: CaseWork, serviceIds?: readonly string[]): Promise<ServiceInvocationRow[]> {
  if (serviceIds !== undefined && serviceIds.length === 0) return [];
  const scope =
    serviceIds === undefined
      ? eq(serviceInvocations.caseId, unit.case.id)
      : and(eq(serviceInvocations.caseId, unit.case.id), inArray(serviceInvocations.activationId, [...serviceIds]));
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
 * case left the service task): nothing is recorded.
 *
 * - Success: the invocation `succeeded`; an open incident of its node (a retry of it) is `resolved`.
 * - A failure with attempts left: `retryWait`, and a `serviceRetry` timer due after the backoff
 *   (`backoffMs`, doubled for each attempt made when exponential) queues the next attempt.
 * - A permanent failure, or the last attempt's: `failed` (the case then raises an incident).
 */
export async function settleAttempt(
  unit: CaseWork,
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
      .set({ status: 'resolved', resolvedAt: unit.now, updatedAt: unit.now })
      .where(and(eq(incidents.caseId, unit.case.id), eq(incidents.nodeId, current.nodeId), eq(incidents.status, 'open')))
      .returning({ id: incidents.id });
    for (const incident of resolved) unit.record('incident.resolved', { ...base, incidentId: incident.id });
    unit.record('service.completed', { ...base, fields: Object.keys(outcome.data) });
    return { status: 'succeeded', invocation: invocation as ServiceInvocationRow };
  }
  unit.record('service.attemptFailed', { ...base, error: outcome.error, permanent: outcome.permanent });
  if (!outcome.permanent && attempt < current.maxAttempts) {
    const delay = current.backoffType === 'fixed' ? current.backoffMs : current.backoffMs * 2 ** (attempt - 1);
    const retryAt = new Date(unit.now.getTime() + delay);
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
    .set({ status: 'failed', lastError: outcome.error, updatedAt: unit.now, completedAt: unit.now, queuedAt: null })
    .where(eq(serviceInvocations.id, invocationId))
    .returning();
  return { status: 'failed', invocation: invocation as ServiceInvocationRow };
}

/**
 * Queues the next attempt of an invocation waiting for its retry (its `serviceRetry` timer fired),
 * in `unit`'s transaction. Does nothing unless the invocation is in `retryWait`.
 */
export async function queueRetry(unit: CaseWork, activationId: string): Promise<ServiceInvocationRow | undefined> {
  const [current] = await unit.tx
    .select()
    .from(serviceInvocations)
    .where(and(eq(serviceInvocations.caseId, unit.case.id), eq(serviceInvocations.activationId, activationId)));
  if (!current || current.status !== 'retryWait') return undefined;
  const attempt = current.attempt + 1;
  const [invocation] = await unit.tx
    .update(serviceInvocations)
    .set({ status: 'queued', attempt, updatedAt: unit.now, queuedAt: new Date() })
    .where(eq(serviceInvocations.id, current.id))
    .returning();
  unit.send({ topic: 'service.invoke', payload: { invocationId: current.id, attempt } });
  unit.record('service.retried', { nodeId: current.nodeId, activationId: current.activationId, invocationId: current.id, attempt });
  return invocation as ServiceInvocationRow;
}

/**
 * Hands a settled invocation's outcome to the case, in `unit`'s transaction: engine event
 * `service.succeeded` (the handler's data merged into the case data) or `service.failed`. A
 * suspended case holds it back (`service.deferred`) until it resumes; an outcome the case no
 * longer waits for (it left the service task) is recorded as `service.ignored`.
 */
export async function deliverOutcome(unit: CaseWork, invocation: ServiceInvocationRow): Promise<void> {
  const base = { nodeId: invocation.nodeId, activationId: invocation.activationId, invocationId: invocation.id };
  if (unit.case.status === 'suspended') {
    unit.record('service.deferred', { ...base, status: invocation.status });
    return;
  }
  await unit.tx.update(serviceInvocations).set({ deliveredAt: unit.now }).where(eq(serviceInvocations.id, invocation.id));
  const data = invocation.result ?? {};
  try {
    if (invocation.status === 'succeeded') {
      await unit.step({ type: 'service.succeeded', nodeId: invocation.nodeId, serviceId: invocation.activationId, data });
      unit.update({ data: { ...unit.case.data, ...data } });
    } else {
      await unit.step({ type: 'service.failed', nodeId: invocation.nodeId, serviceId: invocation.activationId, error: invocation.lastError ?? 'failed' });
    }
  } catch (error) {
    if (!(error instanceof ConflictError && (error.code === 'service-not-active' || error.code === 'case-completed'))) throw error;
    unit.record('service.ignored', { ...base, status: invocation.status, reason: error.message });
  }
}

/** Hands the case the outcomes its suspension held back, oldest first (on resumption). */
export async function deliverDeferred(unit: CaseWork): Promise<void> {
  const held = await unit.tx
    .select()
    .from(serviceInvocations)
    .where(
      and(
        eq(serviceInvocations.caseId, unit.case.id),
        inArray(serviceInvocations.status, ['succeeded', 'failed']),
        isNull(serviceInvocations.deliveredAt),
      ),
    )
    .orderBy(asc(serviceInvocations.completedAt), asc(serviceInvocations.id));
  for (const invocation of held) await deliverOutcome(unit, invocation);
}

/**
 * Records the incident the engine raises for service task `nodeId` (`raiseIncident`): a new open
 * incident, or the node's open one (after a failed retry) with the new invocation, error and
 * attempts.
 */
export async function raiseIncident(unit: CaseWork, effect: { serviceId: string; nodeId: string; error: string }): Promise<IncidentRow> {
  const invocationId = invocationIdOf(unit.case.id, effect.serviceId);
  const [invocation] = await unit.tx.select().from(serviceInvocations).where(eq(serviceInvocations.id, invocationId));
  const attempts = invocation?.attempt ?? 1;
  const service = invocation?.service ?? '';
  const [updated] = await unit.tx
    .update(incidents)
    .set({ invocationId, error: effect.error, attempts, updatedAt: unit.now })
    .where(and(eq(incidents.caseId, unit.case.id), eq(incidents.nodeId, effect.nodeId), eq(incidents.status, 'open')))
    .returning();
  const incident =
    updated ??
    ((
      await unit.tx
        .insert(incidents)
        .values({
          id: randomUUID(),
          caseId: unit.case.id,
          nodeId: effect.nodeId,
          invocationId,
          service,
          error: effect.error,
          attempts,
          status: 'open',
          createdAt: unit.now,
          updatedAt: unit.now,
        })
        .returning()
    )[0] as IncidentRow);
  unit.record(updated ? 'incident.retryFailed' : 'incident.opened', {
    nodeId: effect.nodeId,
    invocationId,
    service,
    incidentId: incident.id,
    error: effect.error,
  });
  return incident;
}
