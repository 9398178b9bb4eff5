import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { formatLocalDate, getCalendar, parseLocalDateTime, workingMinutesBetween } from '@tongban/engine';
import type { Clock } from '../clock/clock.ts';
import type { CalendarBook } from '../calendars/calendar-book.ts';
import type { Db } from '../db/client.ts';
import { cases, notifications, tasks, taskIsOpen, users, type CaseRow, type NotificationRow, type TaskRow } from '../db/schema/index.ts';
import { pageOf, type Page, type PageRequest } from '../cases/case-views.ts';
import type { DefinitionStore } from '../definitions/definition-store.ts';
import { ForbiddenError, InvalidInputError } from '../errors/index.ts';
import { describe, scopeJurisdictionIds, visibleDepartmentIds } from '../organisation/access.ts';
import type { Organisation } from '../organisation/organisation.ts';
import type { Viewer } from '../organisation/viewer.ts';
import { aggregateHandledTasks } from './handled-tasks.ts';
import { addDays, datesFrom } from './local-dates.ts';
import { DEFAULT_SERIES_DAYS, seriesRangeProblem } from './series-range.ts';

/** A task on a monitor list, with its case's workflow, jurisdiction and applicant, its assignee's name and how long it is overdue. */
export interface MonitoredTask extends TaskRow {
  /** The number a person reads of its case. */
  caseNumber: string;
  definitionKey: string;
  caseJurisdictionId: string;
  caseStatus: CaseRow['status'];
  /** The applicant's `name`, when the application gives one. */
  applicantName: string | null;
  /** The display name of the assignee, null while unclaimed. */
  assigneeName: string | null;
  /** Working minutes since its statutory limit passed, on its case's calendar; null when it has not. */
  overdueWorkingMinutes: number | null;
  /** Working minutes of a full working day on that calendar, to read the figure above in days and hours. */
  workingMinutesPerDay: number;
}

/** An escalation notice on the monitor, with the number a person reads of its case. */
export interface Escalation extends NotificationRow {
  caseNumber: string | null;
}

/** Filters of the overdue and at-risk lists. */
export interface MonitorListFilters extends PageRequest {
  departmentId?: string | undefined;
  definitionKey?: string | undefined;
  nodeId?: string | undefined;
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
  /**
   * Median working minutes from creation to decision of the department's decided tasks (status
   * `completed`), on the calendar of each case's workflow, rounded; null when none was decided.
   */
  medianHandlingMinutes: number | null;
  /** Decided tasks the median is taken over. */
  handled: number;
}

/** The median handling time of a district: its departments' and its sub-districts' (the city: its own departments'). */
export interface DistrictHandling {
  jurisdictionId: string;
  /** As {@link DepartmentLoad.medianHandlingMinutes}, over the district's decided tasks. */
  medianHandlingMinutes: number | null;
  handled: number;
}

/** `GET /monitor/load`: per department in scope, and the median handling time per district. */
export interface MonitorLoad {
  items: DepartmentLoad[];
  districts: DistrictHandling[];
}

/** The load and SLA figures of one node of a workflow version, over the tasks in scope. */
export interface NodeHeat {
  /** Open tasks (open or claimed). */
  active: number;
  /** Open tasks past their promised limit, not yet overdue. */
  atRisk: number;
  /** Open tasks past their statutory limit. */
  overdue: number;
  /** Decided tasks (status `completed`). */
  completed: number;
  /** Mean working minutes from creation to decision of the decided tasks, rounded; null when none. */
  avgDurationMinutes: number | null;
}

/** The tasks in scope on one local day (in the time zone of {@link SERIES_CALENDAR}). */
export interface SeriesDay {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Tasks created that day. */
  created: number;
  /** Tasks decided (status `completed`) that day. */
  completed: number;
  /** Tasks open at the end of the day (created by then, not yet closed). */
  openAtEnd: number;
  /** Tasks closed that day within their statutory limit. */
  met: number;
  /** Tasks closed that day after it. */
  breached: number;
}

/** Days of {@link MonitorService.dailySeries}, `YYYY-MM-DD`, both included. */
export interface SeriesRange {
  /** Default: {@link DEFAULT_SERIES_DAYS} − 1 days before `to`. */
  from?: string | undefined;
  /** Default: today on the runtime clock. */
  to?: string | undefined;
}

/** The calendar whose time zone the days of a series are counted in. */
export const SERIES_CALENDAR = 'cn-mainland';

/** What the monitor needs. */
export interface MonitorServiceOptions {
  db: Db;
  clock: Clock;
  definitions: DefinitionStore;
  organisation: () => Promise<Organisation>;
  calendars: () => Promise<CalendarBook>;
}

const roundOrNull = (minutes: number | null): number | null => (minutes === null ? null : Math.round(minutes));

/**
 * The monitor (DESIGN.md §8): overdue and at-risk tasks, escalations, per-department load and
 * handling times, per-node heat and daily series, in the viewer's scope (a clerk's department; a
 * manager's or supervisor's jurisdiction subtree). Figures are counted in SQL over every task in
 * scope.
 */
export class MonitorService {
  constructor(private readonly options: MonitorServiceOptions) {}

  /** Open tasks past their statutory limit, longest overdue first; filtered by department, workflow and node. */
  listOverdue(viewer: Viewer, filters?: MonitorListFilters): Promise<Page<MonitoredTask>> {
    return this.openTasksIn(viewer, 'overdue', filters);
  }

  /** Open tasks past their promised limit, not yet overdue, soonest statutory limit first; filtered likewise. */
  listAtRisk(viewer: Viewer, filters?: MonitorListFilters): Promise<Page<MonitoredTask>> {
    return this.openTasksIn(viewer, 'atRisk', filters);
  }

  /**
   * Escalation notifications the viewer sees, newest first: those about tasks of their
   * departments, and those addressed to a jurisdiction of their subtree.
   */
  async listEscalations(viewer: Viewer, page?: PageRequest): Promise<Page<Escalation>> {
    const organisation = await this.options.organisation();
    const departmentIds = this.scope(viewer, organisation);
    const addressed = scopeJurisdictionIds(viewer, organisation) ?? [''];
    const where = and(
      eq(notifications.kind, 'escalation'),
      // The copies addressed to supervisors' 消息 are theirs, not the list's.
      isNull(notifications.userId),
      or(
        inArray(notifications.jurisdictionId, addressed),
        inArray(notifications.taskId, this.options.db.select({ id: tasks.id }).from(tasks).where(inArray(tasks.departmentId, departmentIds))),
      ),
    );
    const { limit, offset } = pageOf(page);
    const [rows, [total]] = await Promise.all([
      this.options.db
        .select({ notification: notifications, caseNumber: cases.caseNumber })
        .from(notifications)
        .leftJoin(cases, eq(cases.id, notifications.caseId))
        .where(where)
        .orderBy(desc(notifications.id))
        .limit(limit)
        .offset(offset),
      this.options.db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(where),
    ]);
    return { items: rows.map((r) => ({ ...r.notification, caseNumber: r.caseNumber })), total: total?.n ?? 0 };
  }

  /**
   * Per department in scope (sorted by id): open, at-risk, overdue, met and breached tasks, and
   * the median handling time of its decided tasks; and the median handling time per district of
   * those departments.
   */
  async monitorLoad(viewer: Viewer): Promise<MonitorLoad> {
    const organisation = await this.options.organisation();
    const departmentIds = this.scope(viewer, organisation);
    const districtOf = new Map(departmentIds.map((id) => [id, this.districtOf(id, organisation)]));
    const [rows, medians] = await Promise.all([
      this.options.db
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
        .groupBy(tasks.departmentId),
      aggregateHandledTasks<{ department_id: string | null; district_id: string | null; median: number; handled: number }>(
        this.options.db,
        await this.options.calendars(),
        inArray(tasks.departmentId, departmentIds),
        sql`
          select m.department as department_id, m.district as district_id,
            percentile_cont(0.5) within group (order by handled.minutes) as median, count(*)::int as handled
          from handled
          join jsonb_to_recordset(${JSON.stringify([...districtOf].map(([department, district]) => ({ department, district })))}::jsonb)
            as m(department text, district text) on m.department = handled.department_id
          group by grouping sets ((m.department), (m.district))`,
      ),
    ]);
    const counts = new Map(rows.map((r) => [r.departmentId, r]));
    const byDepartment = new Map(medians.filter((m) => m.department_id !== null).map((m) => [m.department_id, m]));
    const byDistrict = new Map(medians.filter((m) => m.district_id !== null).map((m) => [m.district_id, m]));
    const items = departmentIds
      .map((id) => organisation.department(id))
      .filter((d) => d !== undefined)
      .map((d) => {
        const c = counts.get(d.id);
        const m = byDepartment.get(d.id);
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
          medianHandlingMinutes: roundOrNull(m?.median ?? null),
          handled: m?.handled ?? 0,
        };
      })
      .sort((a, b) => a.departmentId.localeCompare(b.departmentId));
    const districts = [...new Set(districtOf.values())].sort().map((id) => {
      const m = byDistrict.get(id);
      return { jurisdictionId: id, medianHandlingMinutes: roundOrNull(m?.median ?? null), handled: m?.handled ?? 0 };
    });
    return { items, districts };
  }

  /**
   * Per node of workflow `key` version `version`, over the tasks in scope of cases pinned to that
   * version: open, at-risk, overdue and decided tasks and the mean handling time. Nodes without a
   * task in scope are left out.
   * @throws NotFoundError `definition-not-found`; ForbiddenError `monitor-forbidden`.
   */
  async nodeHeat(viewer: Viewer, key: string, version: number): Promise<{ nodes: Record<string, NodeHeat> }> {
    const organisation = await this.options.organisation();
    const departmentIds = this.scope(viewer, organisation);
    await this.options.definitions.get(key, version);
    const where = and(inArray(tasks.departmentId, departmentIds), eq(cases.definitionKey, key), eq(cases.definitionVersion, version));
    const [rows, durations] = await Promise.all([
      this.options.db
        .select({
          nodeId: tasks.nodeId,
          active: sql<number>`count(*) filter (where ${tasks.status} in ('open', 'claimed'))::int`,
          atRisk: sql<number>`count(*) filter (where ${tasks.status} in ('open', 'claimed') and ${tasks.slaState} = 'atRisk')::int`,
          overdue: sql<number>`count(*) filter (where ${tasks.status} in ('open', 'claimed') and ${tasks.slaState} = 'overdue')::int`,
          completed: sql<number>`count(*) filter (where ${tasks.status} = 'completed')::int`,
        })
        .from(tasks)
        .innerJoin(cases, eq(cases.id, tasks.caseId))
        .where(where)
        .groupBy(tasks.nodeId),
      aggregateHandledTasks<{ node_id: string; average: number }>(
        this.options.db,
        await this.options.calendars(),
        where,
        sql`select node_id, avg(minutes) as average from handled group by node_id`,
      ),
    ]);
    const averages = new Map(durations.map((d) => [d.node_id, d.average]));
    const nodes: Record<string, NodeHeat> = {};
    for (const row of rows.sort((a, b) => a.nodeId.localeCompare(b.nodeId))) {
      const { nodeId, ...counts } = row;
      nodes[nodeId] = { ...counts, avgDurationMinutes: roundOrNull(averages.get(nodeId) ?? null) };
    }
    return { nodes };
  }

  /**
   * The tasks in scope per local day from `range.from` to `range.to` (both included, in the time
   * zone of {@link SERIES_CALENDAR}), oldest first: created, decided, open at the day's end, and
   * closed within or after their statutory limit.
   * @throws InvalidInputError `invalid-series-range` (a bound not a date, `to` before `from`, over
   *   366 days); ForbiddenError `monitor-forbidden`.
   */
  async dailySeries(viewer: Viewer, range: SeriesRange = {}): Promise<{ days: SeriesDay[] }> {
    const organisation = await this.options.organisation();
    const departmentIds = this.scope(viewer, organisation);
    const calendar = getCalendar(SERIES_CALENDAR);
    const to = range.to ?? formatLocalDate(calendar, this.options.clock.now());
    const from = range.from ?? addDays(to, -(DEFAULT_SERIES_DAYS - 1));
    const problem = seriesRangeProblem(from, to);
    if (problem) throw new InvalidInputError('invalid-series-range', problem.message, { field: problem.field, reason: problem.message });
    const start = parseLocalDateTime(calendar, from);
    const end = parseLocalDateTime(calendar, addDays(to, 1));
    const inScope = inArray(tasks.departmentId, departmentIds);
    const localDay = (instant: typeof tasks.createdAt | typeof tasks.completedAt) =>
      sql<string>`to_char(${instant} at time zone ${calendar.timeZone}, 'YYYY-MM-DD')`;
    const { db } = this.options;
    const [[before], created, closed] = await Promise.all([
      db
        .select({ open: sql<number>`count(*)::int` })
        .from(tasks)
        .where(and(inScope, lt(tasks.createdAt, start), or(isNull(tasks.completedAt), gte(tasks.completedAt, start)))),
      db
        .select({ day: localDay(tasks.createdAt), n: sql<number>`count(*)::int` })
        .from(tasks)
        .where(and(inScope, gte(tasks.createdAt, start), lt(tasks.createdAt, end)))
        .groupBy(sql`1`),
      db
        .select({
          day: localDay(tasks.completedAt),
          closed: sql<number>`count(*)::int`,
          completed: sql<number>`count(*) filter (where ${tasks.status} = 'completed')::int`,
          met: sql<number>`count(*) filter (where ${tasks.slaState} = 'met')::int`,
          breached: sql<number>`count(*) filter (where ${tasks.slaState} = 'breached')::int`,
        })
        .from(tasks)
        .where(and(inScope, gte(tasks.completedAt, start), lt(tasks.completedAt, end)))
        .groupBy(sql`1`),
    ]);
    const createdOn = new Map(created.map((r) => [r.day, r.n]));
    const closedOn = new Map(closed.map((r) => [r.day, r]));
    let open = before?.open ?? 0;
    const days = datesFrom(from, to).map((date) => {
      const c = closedOn.get(date);
      const createdThatDay = createdOn.get(date) ?? 0;
      open += createdThatDay - (c?.closed ?? 0);
      return { date, created: createdThatDay, completed: c?.completed ?? 0, openAtEnd: open, met: c?.met ?? 0, breached: c?.breached ?? 0 };
    });
    return { days };
  }

  private async openTasksIn(viewer: Viewer, slaState: 'overdue' | 'atRisk', filters: MonitorListFilters = {}): Promise<Page<MonitoredTask>> {
    const organisation = await this.options.organisation();
    const departmentIds = this.scope(viewer, organisation);
    const where = and(
      inArray(tasks.departmentId, departmentIds),
      eq(tasks.slaState, slaState),
      taskIsOpen,
      ...(filters.departmentId === undefined ? [] : [eq(tasks.departmentId, filters.departmentId)]),
      ...(filters.nodeId === undefined ? [] : [eq(tasks.nodeId, filters.nodeId)]),
      ...(filters.definitionKey === undefined ? [] : [eq(cases.definitionKey, filters.definitionKey)]),
    );
    const { limit, offset } = pageOf(filters);
    const [rows, [total], calendars] = await Promise.all([
      this.options.db
        .select({
          task: tasks,
          caseNumber: cases.caseNumber,
          definitionKey: cases.definitionKey,
          caseJurisdictionId: cases.jurisdictionId,
          caseStatus: cases.status,
          calendarKey: cases.calendarKey,
          applicant: cases.applicant,
          assigneeName: users.displayName,
        })
        .from(tasks)
        .innerJoin(cases, eq(cases.id, tasks.caseId))
        .leftJoin(users, eq(users.id, tasks.assigneeId))
        .where(where)
        .orderBy(sql`${tasks.dueAt} asc nulls last`, asc(tasks.id))
        .limit(limit)
        .offset(offset),
      // The case is joined only when the workflow filter reads it (the count reads every matching task).
      filters.definitionKey === undefined
        ? this.options.db.select({ n: sql<number>`count(*)::int` }).from(tasks).where(where)
        : this.options.db.select({ n: sql<number>`count(*)::int` }).from(tasks).innerJoin(cases, eq(cases.id, tasks.caseId)).where(where),
      this.options.calendars(),
    ]);
    const now = this.options.clock.now();
    return {
      items: rows.map((r) => {
        const calendar = calendars.get(r.calendarKey);
        const dueAt = r.task.dueAt;
        const overdue = dueAt !== null && dueAt.getTime() < now.getTime() ? workingMinutesBetween(calendar, dueAt, now).minutes : null;
        return {
          ...r.task,
          caseNumber: r.caseNumber,
          definitionKey: r.definitionKey,
          caseJurisdictionId: r.caseJurisdictionId,
          caseStatus: r.caseStatus,
          applicantName: typeof r.applicant.name === 'string' ? r.applicant.name : null,
          assigneeName: r.assigneeName,
          overdueWorkingMinutes: overdue,
          workingMinutesPerDay: minutesPerWorkingDay(calendar),
        };
      }),
      total: total?.n ?? 0,
    };
  }

  /** The district a department belongs to: its own jurisdiction's, rolled up from a sub-district; the city for the city's. */
  private districtOf(departmentId: string, organisation: Organisation): string {
    const jurisdictionId = organisation.department(departmentId)?.jurisdictionId ?? '';
    return organisation.ancestry(jurisdictionId).find((j) => j.level !== 'subDistrict')?.id ?? jurisdictionId;
  }

  private scope(viewer: Viewer, organisation: Organisation): string[] {
    const ids = visibleDepartmentIds(viewer, organisation);
    if (ids.length === 0) throw new ForbiddenError('monitor-forbidden', `${describe(viewer)} has no monitor scope`);
    return ids;
  }
}

/** Working minutes of a full working day of `calendar` (the sum of its working periods). */
function minutesPerWorkingDay(calendar: { workingHours: readonly { start: string; end: string }[] }): number {
  const minutes = (time: string) => {
    const [h = 0, m = 0] = time.split(':').map(Number);
    return h * 60 + m;
  };
  return calendar.workingHours.reduce((sum, period) => sum + minutes(period.end) - minutes(period.start), 0);
}
