import { eq } from 'drizzle-orm';
import type { CaseExecutor } from '../cases/case-executor.ts';
import type { CaseUnit } from '../cases/case-unit.ts';
import type { Db } from '../db/client.ts';
import { cases, serviceInvocations, type ServiceInvocationRow } from '../db/schema/index.ts';
import { settleAttempt, type AttemptOutcome, type SettledAttempt } from './invocation-book.ts';
import { PermanentServiceError } from './service-handler.ts';
import type { ServiceRegistry } from './service-registry.ts';

/** What running one attempt did: its outcome recorded, or `skipped` (the invocation no longer waits for it). */
export type AttemptResult = SettledAttempt['status'] | 'skipped';

/** Options of the {@link ServiceRunner}. */
export interface ServiceRunnerOptions {
  db: Db;
  executor: CaseExecutor;
  registry: ServiceRegistry;
  /** Longest an attempt may run before it counts as failed, ms. Default 60 000. */
  attemptTimeoutMs?: number;
  /**
   * Carries a recorded success or final failure into the case, in the same transaction (the
   * engine's `service.succeeded` or `service.failed`).
   */
  deliver: (unit: CaseUnit, invocation: ServiceInvocationRow) => Promise<void>;
}

const DEFAULT_ATTEMPT_TIMEOUT_MS = 60_000;

/**
 * Runs attempts of service invocations: the one handler behind every services job. The handler
 * runs outside any transaction; its outcome is then recorded in the case's transaction (case row
 * locked) by {@link settleAttempt}, which checks the invocation still waits for that attempt, so
 * a job run twice (a worker killed mid-attempt, pitfalls B17) records one outcome.
 */
export class ServiceRunner {
  private readonly timeoutMs: number;

  constructor(private readonly options: ServiceRunnerOptions) {
    this.timeoutMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
  }

  /** Runs attempt `attempt` of invocation `invocationId` and records its outcome. */
  async run(invocationId: string, attempt: number): Promise<AttemptResult> {
    const { db, executor } = this.options;
    const [found] = await db
      .select({ invocation: serviceInvocations, data: cases.data })
      .from(serviceInvocations)
      .innerJoin(cases, eq(cases.id, serviceInvocations.caseId))
      .where(eq(serviceInvocations.id, invocationId));
    if (!found || found.invocation.status !== 'queued' || found.invocation.attempt !== attempt) return 'skipped';
    const outcome = await this.attempt(found.invocation, found.data, attempt);
    return executor.withCase(found.invocation.caseId, null, async (unit) => {
      const settled = await settleAttempt(unit, invocationId, attempt, outcome);
      if (!settled) return 'skipped';
      if (settled.status !== 'retrying') await this.options.deliver(unit, settled.invocation);
      return settled.status;
    });
  }

  private async attempt(
    invocation: typeof serviceInvocations.$inferSelect,
    data: Record<string, unknown>,
    attempt: number,
  ): Promise<AttemptOutcome> {
    const handler = this.options.registry.get(invocation.service);
    if (!handler) {
      return {
        ok: false,
        permanent: true,
        error: `No service '${invocation.service}' is registered (node '${invocation.nodeId}'); registered: ${this.options.registry.names().join(', ')}`,
      };
    }
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`Service '${invocation.service}' took longer than ${this.timeoutMs} ms`));
      }, this.timeoutMs);
    });
    try {
      const result = await Promise.race([
        handler({
          invocationId: invocation.id,
          attempt,
          caseId: invocation.caseId,
          nodeId: invocation.nodeId,
          service: invocation.service,
          params: invocation.params,
          data,
          now: this.options.executor.clock.now(),
          signal: controller.signal,
        }),
        timeout,
      ]);
      const answered: unknown = result?.data;
      if (typeof answered !== 'object' || answered === null || Array.isArray(answered)) {
        return { ok: false, permanent: true, error: `Service '${invocation.service}' answered no data object (node '${invocation.nodeId}')` };
      }
      return { ok: true, data: answered as Record<string, unknown> };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, permanent: error instanceof PermanentServiceError, error: message.slice(0, 2_000) };
    } finally {
      clearTimeout(timer);
    }
  }
}
