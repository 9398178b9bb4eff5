import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cases, notifications, tasks, type NotificationRow } from '../db/schema/index.ts';
import { ForbiddenError, NotFoundError } from '../errors/index.ts';
import type { Viewer } from '../organisation/viewer.ts';
import { pageOf, type PageRequest } from '../cases/case-views.ts';

/** A notification in its user's 消息, with what it is about. */
export interface UserNotification {
  id: number;
  kind: string;
  message: string;
  caseId: string | null;
  /** The number a person reads of that case, when it is about one. */
  caseNumber: string | null;
  taskId: string | null;
  /** The name of the task it is about, when one. */
  taskName: string | null;
  /** The case's workflow, when it is about a case. */
  definitionKey: string | null;
  payload: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
  read: boolean;
}

/** One page of a user's notifications, the total, and how many of all are unread. */
export interface UserNotificationPage {
  items: UserNotification[];
  total: number;
  unread: number;
}

/**
 * Each user's notifications (消息): those addressed to them (urges, copies, escalations to a
 * supervision office's users, extension decisions), newest first, with a read flag.
 */
export class NotificationsService {
  constructor(private readonly options: { db: Db }) {}

  async list(viewer: Viewer, filters: PageRequest & { unread?: boolean } = {}): Promise<UserNotificationPage> {
    const userId = userOf(viewer);
    const { limit, offset } = pageOf(filters);
    const mine = eq(notifications.userId, userId);
    const where = filters.unread === true ? and(mine, isNull(notifications.readAt)) : mine;
    const { db } = this.options;
    const [rows, [total], [unread]] = await Promise.all([
      db
        .select({ notification: notifications, taskName: tasks.name, caseNumber: cases.caseNumber, definitionKey: cases.definitionKey })
        .from(notifications)
        .leftJoin(tasks, eq(tasks.id, notifications.taskId))
        .leftJoin(cases, eq(cases.id, notifications.caseId))
        .where(where)
        .orderBy(desc(notifications.id))
        .limit(limit)
        .offset(offset),
      db.select({ n: count() }).from(notifications).where(where),
      db.select({ n: count() }).from(notifications).where(and(mine, isNull(notifications.readAt))),
    ]);
    return {
      items: rows.map((r) => viewOf(r.notification, r)),
      total: total?.n ?? 0,
      unread: unread?.n ?? 0,
    };
  }

  /** Marks one of the viewer's notifications read (again: it keeps its first read time). */
  async markRead(viewer: Viewer, id: number): Promise<{ id: number; readAt: Date }> {
    const userId = userOf(viewer);
    const { db } = this.options;
    const [row] = await db
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
      .returning({ id: notifications.id, readAt: notifications.readAt });
    if (!row || row.readAt === null) throw new NotFoundError('notification-not-found', `Notification ${id} does not exist`, { id });
    return { id: row.id, readAt: row.readAt };
  }

  /** Marks every unread notification of the viewer read; answers how many. */
  async markAllRead(viewer: Viewer): Promise<{ marked: number }> {
    const userId = userOf(viewer);
    const rows = await this.options.db
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return { marked: rows.length };
  }
}

function userOf(viewer: Viewer): string {
  if (viewer.kind !== 'user' || viewer.userId === undefined) throw new ForbiddenError('api-key-not-allowed', 'Notifications belong to users');
  return viewer.userId;
}

function viewOf(row: NotificationRow, about: { taskName: string | null; caseNumber: string | null; definitionKey: string | null }): UserNotification {
  return {
    id: row.id,
    kind: row.kind,
    message: row.message,
    caseId: row.caseId,
    caseNumber: about.caseNumber,
    taskId: row.taskId,
    taskName: about.taskName,
    definitionKey: about.definitionKey,
    payload: row.payload,
    createdAt: row.createdAt,
    readAt: row.readAt,
    read: row.readAt !== null,
  };
}
