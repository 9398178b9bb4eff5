import { and, desc, eq, inArray } from 'drizzle-orm';
import { caseEvents, notifications, tasks } from '../db/schema/index.ts';
import { ConflictError, ForbiddenError, RateLimitedError } from '../errors/index.ts';
import { describe, scopeJurisdictionIds } from '../organisation/access.ts';
import type { Organisation } from '../organisation/organisation.ts';
import type { Viewer } from '../organisation/viewer.ts';
import { departmentUsers } from '../notifications/department-users.ts';
import type { CaseExecutor } from './case-executor.ts';

/** How long a caller waits between two urges of one case, in minutes of the runtime clock. */
export const URGE_INTERVAL_MINUTES = 60;

/** Who an urge reached: the assignee of an open task, or its department's queue when unclaimed. */
export interface UrgeRecipient {
  taskId: string;
  userId: string | null;
  departmentId: string;
}

/** What `POST /cases/{id}/urge` answers. */
export interface UrgeResult {
  caseId: string;
  at: Date;
  recipients: UrgeRecipient[];
}

/**
 * Urges (催办) the current handlers of a case: a notification to the assignee of each open task,
 * or, when it is unclaimed, to each user of its department holding its candidate role (to the
 * department when there is none), and `case.urged` in the audit trail with the message.
 * A manager or supervisor whose scope holds the case, an admin, or a user who completed one of its
 * tasks may urge; each caller at most once per {@link URGE_INTERVAL_MINUTES} per case. Under the
 * case lock, so of two urges at once one is refused. Nothing of the case changes.
 */
export class CaseUrgesService {
  constructor(private readonly options: { executor: CaseExecutor; organisation: () => Promise<Organisation> }) {}

  /**
   * @throws NotFoundError `case-not-found`; ForbiddenError `urge-forbidden`; ConflictError
   *   `case-not-active` (a finished case); RateLimitedError `urge-too-soon`.
   */
  async urgeCase(caseId: string, viewer: Viewer, input: { message?: string } = {}): Promise<UrgeResult> {
    const organisation = await this.options.organisation();
    const userId = viewer.kind === 'user' ? (viewer.userId ?? null) : null;
    return this.options.executor.withCase(caseId, userId, async (unit) => {
      const row = unit.case;
      const inScope = scopeJurisdictionIds(viewer, organisation)?.includes(row.jurisdictionId) === true;
      const handled =
        userId !== null &&
        !inScope &&
        (await unit.tx
          .select({ id: tasks.id })
          .from(tasks)
          .where(and(eq(tasks.caseId, caseId), eq(tasks.assigneeId, userId), eq(tasks.status, 'completed')))
          .limit(1)).length > 0;
      if (userId === null || (!inScope && !handled)) {
        throw new ForbiddenError('urge-forbidden', `${describe(viewer)} may not urge case '${caseId}': a manager or supervisor over it, or a user who handled one of its tasks, may`, { caseId });
      }
      if (row.status === 'completed') throw new ConflictError('case-not-active', `Case '${caseId}' has ended: there is no one to urge`, { caseId });
      const [last] = await unit.tx
        .select({ at: caseEvents.at })
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, 'case.urged'), eq(caseEvents.actorId, userId)))
        .orderBy(desc(caseEvents.id))
        .limit(1);
      const waitMs = last === undefined ? 0 : last.at.getTime() + URGE_INTERVAL_MINUTES * 60_000 - unit.now.getTime();
      if (waitMs > 0) {
        throw new RateLimitedError('urge-too-soon', `Case '${caseId}' was urged by ${describe(viewer)} at ${last?.at.toISOString()}; once per ${URGE_INTERVAL_MINUTES} minutes`, {
          caseId,
          retryAfterSeconds: Math.ceil(waitMs / 1000),
        });
      }
      const open = await unit.tx
        .select()
        .from(tasks)
        .where(and(eq(tasks.caseId, caseId), inArray(tasks.status, ['open', 'claimed'])));
      const message = input.message?.trim() || `案件 ${caseId} 被催办`;
      const recipients = open.map((t) => ({ taskId: t.id, userId: t.assigneeId, departmentId: t.departmentId }));
      const unclaimed = open.filter((t) => t.assigneeId === null);
      const candidates = await departmentUsers(unit.tx, [...new Set(unclaimed.map((t) => t.departmentId))], [...new Set(unclaimed.map((t) => t.candidateRole))]);
      // An unclaimed task's urge goes to each user who could claim it (their 消息), or to its department when none.
      const addressees = open.flatMap((t) => {
        if (t.assigneeId !== null) return [{ task: t, userId: t.assigneeId as string | null }];
        const users = candidates.filter((u) => u.departmentId === t.departmentId && u.roles.includes(t.candidateRole));
        return users.length === 0 ? [{ task: t, userId: null }] : users.map((u) => ({ task: t, userId: u.id as string | null }));
      });
      if (addressees.length > 0) {
        await unit.tx.insert(notifications).values(
          addressees.map(({ task, userId: to }) => ({
            kind: 'urge',
            jurisdictionId: organisation.department(task.departmentId)?.jurisdictionId ?? null,
            departmentId: task.departmentId,
            userId: to,
            caseId,
            taskId: task.id,
            message,
            payload: { urgedBy: userId },
            createdAt: unit.now,
          })),
        );
      }
      unit.record('case.urged', { message, recipients });
      return { caseId, at: unit.now, recipients };
    });
  }
}
