import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { CaseExecutor } from '../cases/case-executor.ts';
import { pageOf, type Page, type PageRequest } from '../cases/case-views.ts';
import type { Db } from '../db/client.ts';
import { caseCopies, cases, notifications, tasks, users, type CaseCopyRow } from '../db/schema/index.ts';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../errors/index.ts';
import { describe } from '../organisation/access.ts';
import type { Organisation } from '../organisation/organisation.ts';
import type { Viewer } from '../organisation/viewer.ts';
import { currentTask } from './hand-off.ts';
import { assertHandles } from './task-handler.ts';

/** At most this many recipients in one copy. */
export const MAX_COPY_RECIPIENTS = 50;

/** A copy in the "copied to me" list (抄送我的): the copy, its read flag, and what the reader needs of the case and task. */
export interface CopyItem extends CaseCopyRow {
  read: boolean;
  case: { id: string; caseNumber: string; definitionKey: string; status: string; applicant: Record<string, unknown> };
  task: { id: string; nodeId: string; name: string };
  copiedByName: string | null;
}

/**
 * Copies (抄送): a handler of a task sends its case to users who only read it. Each recipient
 * gets one copy per case (a second copy to them changes nothing but the audit trail), a
 * notification, and the case in their "copied to me" list with a read flag. A copy is not a task:
 * no clock, no effect on a countersign.
 */
export class TaskCopiesService {
  constructor(private readonly options: { db: Db; executor: CaseExecutor; organisation: () => Promise<Organisation> }) {}

  /**
   * Copies the case of task `taskId` to `userIds` (its handler does; reason optional).
   * @throws InvalidInputError `unknown-user` (field `userIds`); ForbiddenError; ConflictError `task-not-open`.
   */
  async copyTask(taskId: string, viewer: Viewer, input: { userIds: string[]; reason?: string }): Promise<CaseCopyRow[]> {
    const userIds = [...new Set(input.userIds)];
    if (userIds.length === 0 || userIds.length > MAX_COPY_RECIPIENTS) {
      throw new InvalidInputError('invalid-recipients', `A copy goes to 1 to ${MAX_COPY_RECIPIENTS} users`, { field: 'userIds', reason: 'count' });
    }
    const organisation = await this.options.organisation();
    return this.options.executor.withCaseOfTask(taskId, viewer.userId ?? null, async (unit) => {
      const task = await currentTask(unit, taskId);
      assertHandles(viewer, task, 'copy');
      const found = await unit.tx.select({ id: users.id, departmentId: users.departmentId }).from(users).where(inArray(users.id, userIds));
      const missing = userIds.filter((id) => !found.some((u) => u.id === id));
      if (missing.length > 0) {
        throw new InvalidInputError('unknown-user', `User(s) ${missing.map((id) => `'${id}'`).join(', ')} do not exist`, { field: 'userIds', reason: 'unknown-user', missing });
      }
      const reason = input.reason?.trim() || null;
      const created = await unit.tx
        .insert(caseCopies)
        .values(userIds.map((userId) => ({ caseId: task.caseId, taskId, userId, copiedBy: viewer.userId ?? null, reason, createdAt: unit.now })))
        .onConflictDoNothing({ target: [caseCopies.caseId, caseCopies.userId] })
        .returning();
      if (created.length > 0) {
        await unit.tx.insert(notifications).values(
          created.map((copy) => {
            const departmentId = found.find((u) => u.id === copy.userId)?.departmentId ?? null;
            return {
              kind: 'copy',
              jurisdictionId: departmentId === null ? null : (organisation.department(departmentId)?.jurisdictionId ?? null),
              departmentId,
              userId: copy.userId,
              caseId: task.caseId,
              taskId,
              message: `案件 ${task.caseId}（${task.name}）抄送给您${reason ? `：${reason}` : ''}`,
              payload: { copyId: copy.id, copiedBy: viewer.userId ?? null },
              createdAt: unit.now,
            };
          }),
        );
      }
      unit.record('task.copied', { nodeId: task.nodeId, userIds, newly: created.map((c) => c.userId), reason }, task.id);
      return created;
    });
  }

  /** The copies sent to the viewer, newest first; `unread` keeps those not yet marked read. */
  async listCopies(viewer: Viewer, filters: PageRequest & { unread?: boolean } = {}): Promise<Page<CopyItem>> {
    if (viewer.kind !== 'user' || !viewer.userId) throw new ForbiddenError('copies-forbidden', `${describe(viewer)} receives no copies`);
    const conditions: SQL[] = [eq(caseCopies.userId, viewer.userId)];
    if (filters.unread) conditions.push(isNull(caseCopies.readAt));
    const where = and(...conditions);
    const { limit, offset } = pageOf(filters);
    const { db } = this.options;
    const [rows, [total]] = await Promise.all([
      db
        .select({ copy: caseCopies, case: cases, task: tasks, copiedByName: users.displayName })
        .from(caseCopies)
        .innerJoin(cases, eq(cases.id, caseCopies.caseId))
        .innerJoin(tasks, eq(tasks.id, caseCopies.taskId))
        .leftJoin(users, eq(users.id, caseCopies.copiedBy))
        .where(where)
        .orderBy(desc(caseCopies.createdAt), desc(caseCopies.id))
        .limit(limit)
        .offset(offset),
      db.select({ n: sql<number>`count(*)::int` }).from(caseCopies).where(where),
    ]);
    return {
      items: rows.map((r) => ({
        ...r.copy,
        read: r.copy.readAt !== null,
        case: { id: r.case.id, caseNumber: r.case.caseNumber, definitionKey: r.case.definitionKey, status: r.case.status, applicant: r.case.applicant },
        task: { id: r.task.id, nodeId: r.task.nodeId, name: r.task.name },
        copiedByName: r.copiedByName,
      })),
      total: total?.n ?? 0,
    };
  }

  /**
   * Marks copy `copyId` read (its recipient only; the first time counts, again is a no-op).
   * @throws NotFoundError `copy-not-found` (also for another user's copy).
   */
  async markCopyRead(copyId: number, viewer: Viewer): Promise<CaseCopyRow> {
    const userId = viewer.kind === 'user' ? (viewer.userId ?? '') : '';
    const now = this.options.executor.clock.now();
    const { db } = this.options;
    const [marked] = await db
      .update(caseCopies)
      .set({ readAt: sql`coalesce(${caseCopies.readAt}, ${now.toISOString()}::timestamptz)` })
      .where(and(eq(caseCopies.id, copyId), eq(caseCopies.userId, userId)))
      .returning();
    if (!marked) throw new NotFoundError('copy-not-found', `Copy ${copyId} is not one sent to ${describe(viewer)}`, { copyId });
    return marked;
  }
}
