import { and, eq } from 'drizzle-orm';
import type { CaseContext, SuspensionReason } from '@tongban/engine';
import type { Db } from '../db/client.ts';
import { cases, tasks, type TaskRow } from '../db/schema/index.ts';
import { ConflictError, NotFoundError } from '../errors/index.ts';
import { assertManagesCase, assertMayActOnTask, assertMayFile } from '../organisation/access.ts';
import type { Organisation } from '../organisation/organisation.ts';
import type { Viewer } from '../organisation/viewer.ts';
import type { CaseExecutor } from './case-executor.ts';
import type { CaseUnit } from './case-unit.ts';
import { caseViewOf, type CaseView } from './case-views.ts';
import { checkCaseData } from './check-case-data.ts';

/** The applicant withdraws the application (POST /cases/{id}/withdraw). */
export interface WithdrawInput {
  reason?: string;
}

/** A suspension for a period the law does not count (POST /cases/{id}/suspend). */
export interface SuspendInput {
  reason: SuspensionReason;
  /** The open task whose clerk orders it (a task row id); without it, the case as a whole. */
  taskId?: string;
  comment?: string;
}

/** The end of such a period (POST /cases/{id}/resume): what it produced, merged into the case data. */
export interface ResumeInput {
  data?: Record<string, unknown>;
  comment?: string;
}

const OPEN = new Set(['open', 'claimed']);

/**
 * Operations on a whole case besides intake and decisions: withdrawal by the applicant, and
 * suspension for a period the law does not count (行政许可法 art. 45: hearing, testing,
 * inspection, expert review, appraisal) with its resumption. A suspension pauses every clock of
 * the case as a 补正 does (the same code path), and a resumption re-arms each with what it had left.
 */
export class CaseOperationsService {
  constructor(private readonly options: { db: Db; executor: CaseExecutor; organisation: () => Promise<Organisation> }) {}

  /**
   * The applicant withdraws the application (撤回申请), suspended or not: every open task closes
   * `cancelled`, every clock stops, and the case ends with result `withdrawn`. The citizen portal
   * (API key), a service-hall clerk of the jurisdiction or an admin may.
   *
   * @throws NotFoundError `case-not-found`; ForbiddenError `intake-forbidden`; ConflictError `case-completed`.
   */
  async withdrawCase(caseId: string, input: WithdrawInput, actor: Viewer): Promise<CaseView> {
    const jurisdictionId = await this.jurisdictionOf(caseId);
    assertMayFile(actor, await this.options.organisation(), jurisdictionId);
    return this.options.executor.withCase(caseId, actor.userId ?? null, async (unit) => {
      unit.record('case.withdrawn', { reason: input.reason ?? null, by: actor.kind === 'apiKey' ? 'apiKey' : (actor.username ?? null) });
      await unit.step({ type: 'case.withdraw', ...(input.reason === undefined ? {} : { reason: input.reason }) });
      return caseViewOf(unit.case);
    });
  }

  /**
   * Suspends the case for `reason`, one of the fixed list. Ordered by the clerk of an open task of
   * the case (`taskId`), or for the case as a whole by a manager of its jurisdiction or an admin.
   *
   * @throws NotFoundError `case-not-found`, `task-not-found`; ForbiddenError `task-forbidden`,
   *   `admin-does-not-decide` (an admin naming a task), `case-forbidden`; InvalidInputError `invalid-suspension-reason`; ConflictError `task-not-open`,
   *   `case-suspended`, `case-completed`.
   */
  async suspendCase(caseId: string, input: SuspendInput, viewer: Viewer): Promise<CaseView> {
    const jurisdictionId = await this.jurisdictionOf(caseId);
    const organisation = await this.options.organisation();
    return this.options.executor.withCase(caseId, viewer.userId ?? null, async (unit) => {
      let task: TaskRow | undefined;
      if (input.taskId === undefined) {
        assertManagesCase(viewer, organisation, caseId, jurisdictionId);
      } else {
        task = await this.openTask(unit, input.taskId);
        assertMayActOnTask(viewer, task, 'suspend the case through');
      }
      unit.record('case.suspensionOrdered', { reason: input.reason, comment: input.comment ?? null }, task?.id ?? null);
      await unit.step({
        type: 'case.suspend',
        reason: input.reason,
        ...(task === undefined ? {} : { nodeId: task.nodeId, taskId: task.activationId }),
      });
      return caseViewOf(unit.case);
    });
  }

  /**
   * Ends a suspension for an uncounted period: `data` (a test result, an expert opinion) is merged
   * into the case data, and every paused clock is re-armed with the time it had left. The clerk of
   * the task that ordered it, a manager of the case's jurisdiction, or an admin, may.
   *
   * @throws NotFoundError `case-not-found`; ForbiddenError `case-forbidden`; ConflictError
   *   `case-not-suspended`, `suspension-mismatch` (a 补正, which the applicant's supplement ends).
   */
  async resumeCase(caseId: string, input: ResumeInput, viewer: Viewer): Promise<CaseView> {
    const jurisdictionId = await this.jurisdictionOf(caseId);
    const organisation = await this.options.organisation();
    const data = input.data ?? {};
    return this.options.executor.withCase(caseId, viewer.userId ?? null, async (unit) => {
      const orderedBy = (unit.case.snapshot.context as Partial<CaseContext> | undefined)?.suspension?.taskId ?? null;
      const task = orderedBy === null ? undefined : await unit.task(orderedBy);
      const clerkOfTask = task !== undefined && viewer.kind === 'user' && viewer.departmentId === task.departmentId && viewer.roles.includes(task.candidateRole);
      if (!clerkOfTask) assertManagesCase(viewer, organisation, caseId, jurisdictionId);
      if (unit.case.status !== 'suspended') {
        throw new ConflictError('case-not-suspended', `Case '${caseId}' is ${unit.case.status}, not suspended`, { caseId, status: unit.case.status });
      }
      checkCaseData(unit.definition.definition.dataSchema, { ...unit.case.data, ...data });
      unit.update({ data: { ...unit.case.data, ...data } });
      unit.record('case.resumptionOrdered', { fields: Object.keys(data), comment: input.comment ?? null }, task?.id ?? null);
      await unit.step({ type: 'case.resume', data });
      return caseViewOf(unit.case);
    });
  }

  private async jurisdictionOf(caseId: string): Promise<string> {
    const [found] = await this.options.db.select({ jurisdictionId: cases.jurisdictionId }).from(cases).where(eq(cases.id, caseId));
    if (!found) throw new NotFoundError('case-not-found', `Case '${caseId}' does not exist`, { caseId });
    return found.jurisdictionId;
  }

  private async openTask(unit: CaseUnit, taskId: string): Promise<TaskRow> {
    const [task] = await unit.tx
      .select()
      .from(tasks)
      .where(and(eq(tasks.id, taskId), eq(tasks.caseId, unit.case.id)));
    if (!task) throw new NotFoundError('task-not-found', `Case '${unit.case.id}' has no task '${taskId}'`, { caseId: unit.case.id, taskId });
    if (!OPEN.has(task.status)) {
      throw new ConflictError('task-not-open', `Task '${taskId}' is no longer open (it is ${task.status})`, { taskId, status: task.status });
    }
    return task;
  }
}
