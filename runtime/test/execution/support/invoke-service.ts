import { serviceInvocations } from '../../../src/db/schema/index.ts';
import { invocationIdOf } from '../../../src/service-tasks/index.ts';
import type { ExecutionHarness } from './execution-harness.ts';

/** What {@link invokeService} starts: a service call of a case, as a serviceTask activation would. */
export interface TestInvocation {
  caseId: string;
  activationId: string;
  nodeId?: string;
  service: string;
  params?: Record<string, unknown>;
  maxAttempts?: number;
  backoffMs?: number;
}

/**
 * Writes a queued invocation row for attempt 1 and queues its job (the runtime's re-queueing of
 * queued attempts): what a case step starting a serviceTask leaves behind. Returns the invocation id.
 */
export async function invokeService(h: Pick<ExecutionHarness, 'database' | 'clock' | 'runtime'>, spec: TestInvocation): Promise<string> {
  const id = invocationIdOf(spec.caseId, spec.activationId);
  const now = h.clock.now();
  await h.database.db.insert(serviceInvocations).values({
    id,
    caseId: spec.caseId,
    nodeId: spec.nodeId ?? spec.activationId.split('#')[0]!,
    activationId: spec.activationId,
    service: spec.service,
    params: spec.params ?? {},
    status: 'queued',
    attempt: 1,
    maxAttempts: spec.maxAttempts ?? 3,
    backoffMs: spec.backoffMs ?? 60_000,
    createdAt: now,
    updatedAt: now,
    queuedAt: new Date(),
  });
  await h.runtime.requeueInvocations();
  return id;
}
