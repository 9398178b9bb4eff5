import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cases, notifications, tasks, type CaseRow, type NotificationRow, type TaskRow } from '../db/schema/index.ts';
import { pageOf, type Page, type PageRequest } from '../cases/case-views.ts';
import { ForbiddenError } from '../errors/index.ts';
import { describe, visibleDepartmentIds } from '../organisation/access.ts';
import type { Organisation } from '../organisation/organisation.ts';
import { seesJurisdiction, type Viewer } from '../organisation/viewer.ts';

/** A task on a monitor list, with its case's workflow and jurisdiction. */
export interface MonitoredTask extends TaskRow {
  definitionKey: string;
  caseJurisdictionId: string;
  caseStatus: CaseRow['status'];
}

/** The load and SLA compliance of one department (the console's monitor). */
export interface DepartmentLoad {
  departmentId: string;
  departmentName: string;
  jurisdictionId: string;
  kind: string;
  /** Open tasks (open or claimed). */
  open: number;
  atRisk: number;
  overdue: number;
  /** Closed within their statutory limit. */
  met: number;
  /** Closed after it. */
  breached: number;
}

const OPEN = ['open', 'claimed'] as const;

/**
 * The monitor (DESIGN.md §8): overdue and at-risk tasks, escalations and per-department load, in
 * the viewer's scope (a clerk's department; a manager's or supervisor's jurisdiction subtree).
 */
export class MonitorService {
  constructor(private readonly options: { db: Db; organisation: () => Promise<Organisation> }) {}

  /** Open tasks past their statutory limit, longest overdue first. */
  listOverdue(viewer: Viewer, page?: PageRequest): Promise<Page<MonitoredTask>> {
    return this.openTasksIn(viewer, 'overdue', page);
  }

  /** Open tasks past their promised limit, not yet overdue, soonest statutory limit first. */
  listAtRisk(viewer: Viewer, page?: PageRequest): Promise<Page<MonitoredTask>> {
    return this.openTasksIn(viewer, 'atRisk', page);
  }

  /**
   * Escalation notifications the viewer sees, newest first: those about tasks of their
   * departments, and those addressed to a jurisdiction of their subtree.
   */
  async listEscalations(viewer: Viewer, page?: PageRequest): Promise<Page<NotificationRow>> {
    const organisation = await this.options.organisation();
    const departmentIds = this.scope(viewer, organisation);
    const addressed = seesJurisdiction(viewer) && viewer.jurisdictionId ? organisation.subtree(viewer.jurisdictionId) : [''];
    const where = and(
      eq(notifications.kind, 'escalation'),
      or(
        inArray(notifications.jurisdictionId, addressed),
        inArray(notifications.taskId, this.options.db.select({ id: tasks.id }).from(tasks).where(inArray(tasks.departmentId, departmentIds))),
      ),
    );
    const { limit, offset } = pageOf(page);
    const [items, [total]] = await Promise.all([
      this.options.db.select().from(notifications).where(where).orderBy(desc(notifications.id)).limit(limit).offset(offset),
      this.options.db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(where),
    ]);
    return { items, total: total?.n ?? 0 };
  }

  /** Per-department counts of open, at-risk, overdue, met and breached tasks, by department id. */
  async departmentLoad(viewer: Viewer): Promise<DepartmentLoad[]> {
    const organisation = await this.options.organisation();
    const departmentIds = this.scope(viewer, organisation);
    const rows = await this.options.db
      .select({
        departmentId: tasks.departmentId,
        open: sql<number>`count(*) filter (where ${tasks.status} in ('open', 'claimed'))::int`,
        atRisk: sql<number>`count(*) filter (where ${tasks.status} in ('open', 'claimed') and ${tasks.slaState} = 'atRisk')::int`,
        overdue: sql<number>`count(*) filter (where ${tasks.status} in ('open', 'claimed') and ${tasks.slaState} = 'overdue')::int`,
        met: sql<number>`count(*) filter (where ${tasks.slaState} = 'met')::int`,
        breached: sql<number>`count(*) filter (where ${tasks.slaState} = 'breached')::int`,
      })
      .from(tasks)
      .where(inArray(tasks.departmentId, departmentIds))
      .groupBy(tasks.departmentId);
    const counts = new Map(rows.map((r) => [r.departmentId, r]));
    return departmentIds
      .map((id) => organisation.department(id))
      .filter((d) => d !== undefined)
      .map((d) => {
        const c = counts.get(d.id);
        return {
          departmentId: d.id,
          departmentName: d.name,
          jurisdictionId: d.jurisdictionId,
          kind: d.kind,
          open: c?.open ?? 0,
          atRisk: c?.atRisk ?? 0,
          overdue: c?.overdue ?? 0,
          met: c?.met ?? 0,
          breached: c?.breached ?? 0,
        };
      })
      .sort((a, b) => a.departmentId.localeCompare(b.departmentId));
  }

  private async openTasksIn(viewer: Viewer, slaState: 'overdue' | 'atRisk', page?: PageRequest): Promise<Page<MonitoredTask>> {
    const organisation = await this.options.organisation();
    const departmentIds = this.scope(viewer, organisation);
    const where = and(inArray(tasks.departmentId, departmentIds), eq(tasks.slaState, slaState), inArray(tasks.status, [...OPEN]));
    const { limit, offset } = pageOf(page);
    const [rows, [total]] = await Promise.all([
      this.options.db
        .select({ task: tasks, definitionKey: cases.definitionKey, caseJurisdictionId: cases.jurisdictionId, caseStatus: cases.status })
        .from(tasks)
        .innerJoin(cases, eq(cases.id, tasks.caseId))
        .where(where)
        .orderBy(sql`${tasks.dueAt} asc nulls last`, asc(tasks.id))
        .limit(limit)
        .offset(offset),
      this.options.db.select({ n: sql<number>`count(*)::int` }).from(tasks).where(where),
    ]);
    return {
      items: rows.map((r) => ({ ...r.task, definitionKey: r.definitionKey, caseJurisdictionId: r.caseJurisdictionId, caseStatus: r.caseStatus })),
      total: total?.n ?? 0,
    };
  }

  private scope(viewer: Viewer, organisation: Organisation): string[] {
    const ids = visibleDepartmentIds(viewer, organisation);
    if (ids.length === 0) throw new ForbiddenError('monitor-forbidden', `${describe(viewer)} has no monitor scope`);
    return ids;
  }
}
