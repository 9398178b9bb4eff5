import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { addWorkingMinutes, formatLocalDate, type BusinessCalendar, type MachineConfigJson, type WorkflowDefinition } from '@tongban/engine';
import { simulationProfiles, workflowFixtures } from '@tongban/workflows';
import type { CalendarBook } from '../calendars/calendar-book.ts';
import type { Clock } from '../clock/clock.ts';
import type { Db } from '../db/client.ts';
import type { Tx } from '../cases/transaction.ts';
import { cases, tasks, taskIsOpen, users } from '../db/schema/index.ts';
import type { DefinitionStore } from '../definitions/definition-store.ts';
import { ForbiddenError, InvalidInputError } from '../errors/index.ts';
import { describe, scopeJurisdictionIds, visibleDepartmentIds } from '../organisation/access.ts';
import type { Organisation } from '../organisation/organisation.ts';
import type { Viewer } from '../organisation/viewer.ts';
import { defaultRates, simulationDefaults } from '../simulate/simulation-options.ts';
import { workingDayMinutes } from '../simulate/simulation-report.ts';
import { forecastWorkflowOf, profileHandlingDays } from './forecast-workflow.ts';
import type { DepartmentRisk, ForecastWorkflow, OpenCaseState, WhatIf } from './forecast.types.ts';
import { measureDepartmentWork, MIN_DECISIONS, type DepartmentStaff, type RecordedDecision } from './measure-department-work.ts';
import type { ComputeForecast, ForecastPool } from './forecast-pool.ts';
import { routeTableOf, type RouteTable } from './route-table.ts';
import { workingDaysFrom } from './working-offset.ts';

/** `POST /monitor/forecast`: what to forecast. */
export interface ForecastRequest {
  /** Working days run forward (1–60). */
  horizonDays: number;
  /** Monte Carlo runs (1–2000). */
  runs: number;
  /** Seed of every draw: the same seed on the same state gives the same answer. */
  seed: number;
  /** Working days of decisions each department's work is measured over (5–120, default 20). */
  historyDays?: number;
  /** Run the forecast again with these changes, beside the forecast as things are. */
  whatIf?: WhatIf;
}

/** One open task's forecast, as answered. */
export interface ForecastTaskView {
  taskId: string;
  caseId: string;
  caseNumber: string;
  nodeId: string;
  name: string;
  departmentId: string;
  /** Its statutory limit, ISO 8601; null without one. */
  dueAt: string | null;
  overdue: boolean;
  breachProbability: number;
  /** Under the what-if, when one was asked. */
  whatIfBreachProbability?: number;
}

/** One department's forecast, as answered. */
export interface ForecastDepartmentView extends DepartmentRisk {
  /** Decisions its figures were measured over. */
  decisions: number;
  /** Whether it lies in the caller's scope, so a what-if may change it (not a department of a higher level that handles some of the cases). */
  inScope: boolean;
  whatIf?: { expectedBreaches: number; expectedDecisions: number; clerks: number };
}

/** `POST /monitor/forecast`: the answer. */
export interface ForecastAnswer {
  seed: number;
  runs: number;
  horizonDays: number;
  /** The instant the open cases were read at (the runtime clock), ISO 8601. */
  asOf: string;
  /** The last working day of the horizon, `YYYY-MM-DD`, on the calendar of the caller's jurisdiction. */
  horizonEnd: string;
  openCases: number;
  expectedBreaches: number;
  whatIfExpectedBreaches?: number;
  whatIf?: WhatIf;
  /** Most expected breaches first. */
  departments: ForecastDepartmentView[];
  /** Highest breach probability first. */
  tasks: ForecastTaskView[];
  /** Departments whose history was too thin (fewer than 20 decisions): the simulation profile stood in. */
  profileDepartments: string[];
  /** What the answer rests on, in a sentence (the profile standing in for thin histories is named). */
  note: string;
  /** Engine steps computed (the rest were reused across runs). */
  engineSteps: number;
  elapsedMs: number;
}

/** What the forecast needs. */
export interface ForecastServiceOptions {
  db: Db;
  clock: Clock;
  definitions: DefinitionStore;
  organisation: () => Promise<Organisation>;
  calendars: () => Promise<CalendarBook>;
  /** Where the Monte Carlo runs are computed: worker threads under a budget. */
  pool: ForecastPool;
}

const DEFAULT_HISTORY_DAYS = 20;

/** A forecast request the caller may make, with what it was checked against. */
interface CheckedRequest {
  viewer: Viewer;
  organisation: Organisation;
  /** The caller's jurisdiction subtree. */
  scope: string[];
  /** The departments a what-if of the caller may change. */
  inScope: ReadonlySet<string>;
  request: ForecastRequest;
  /** `performance.now()` when it arrived. */
  started: number;
}

/**
 * The forecast (DESIGN.md §2 "forecast"): the open cases of a manager's jurisdiction subtree run
 * forward with the model of `run-forecast.ts`, from one read-only, repeatable-read transaction
 * (one snapshot of the database; nothing is written). The runs are computed in a worker thread of
 * the {@link ForecastPool}, so the API answers other requests meanwhile; a forecast asked while the
 * pool is full is refused (`forecast-busy`), one over its budget stopped (`forecast-budget-exceeded`).
 */
export class ForecastService {
  constructor(private readonly options: ForecastServiceOptions) {}

  async forecast(viewer: Viewer, request: ForecastRequest): Promise<ForecastAnswer> {
    const started = performance.now();
    const organisation = await this.options.organisation();
    const scope = scopeJurisdictionIds(viewer, organisation);
    if (viewer.kind !== 'user' || !viewer.roles.includes('manager') || scope === undefined) {
      throw new ForbiddenError('role-required', 'Only a manager may forecast, over their jurisdiction', { roles: ['manager'] });
    }
    const inScope = new Set(visibleDepartmentIds(viewer, organisation));
    checkWhatIfDepartments(request.whatIf, inScope, viewer, organisation);
    for (const closure of request.whatIf?.closures ?? []) {
      if (closure.day > request.horizonDays) {
        throw new InvalidInputError('closure-beyond-horizon', `Day ${closure.day} of a closure lies beyond the horizon of ${request.horizonDays} working days`, { field: 'whatIf.closures', reason: 'beyond the horizon' });
      }
    }
    return this.options.pool.within((compute) => this.answer({ viewer, organisation, scope, inScope, request, started }, compute));
  }

  /** The answer to a checked request: the open cases read, their runs computed by `compute`. */
  private async answer({ viewer, organisation, scope, inScope, request, started }: CheckedRequest, compute: ComputeForecast): Promise<ForecastAnswer> {
    const calendars = await this.options.calendars();
    const now = this.options.clock.now();
    const historyDays = request.historyDays ?? DEFAULT_HISTORY_DAYS;
    const read = await this.options.db.transaction((tx) => this.read(tx, scope, now, historyDays, calendars), { isolationLevel: 'repeatable read', accessMode: 'read only' });

    const workflows = new Map<string, ForecastWorkflow>();
    for (const [key, published] of read.definitions) {
      workflows.set(key, forecastWorkflowOf(published.definition, simulationProfiles.find((p) => p.workflow === published.definition.key), workflowFixtures, published.machine));
    }
    const calendarOf = (key: string): BusinessCalendar => calendars.get(key);
    const routeTables = new Map<string, RouteTable>();
    const routesOf = (jurisdictionId: string): RouteTable => {
      const known = routeTables.get(jurisdictionId);
      if (known) return known;
      const table = routeTableOf(organisation, jurisdictionId);
      routeTables.set(jurisdictionId, table);
      return table;
    };
    const openCases: OpenCaseState[] = read.cases.map((row) => {
      const calendar = calendarOf(row.calendarKey);
      const dayMinutes = workingDayMinutes(calendar);
      const pausedAt = row.suspendedSince ?? now;
      return {
        caseId: row.id,
        caseNumber: row.caseNumber,
        workflow: `${row.definitionKey}@${row.definitionVersion}`,
        snapshot: row.snapshot,
        data: row.data,
        suspension: row.status === 'suspended' ? (row.suspensionReason === 'supplement' ? 'supplement' : 'other') : undefined,
        tasks: (read.tasksByCase.get(row.id) ?? []).map((task) => ({
          taskId: task.activationId,
          nodeId: task.nodeId,
          departmentId: task.departmentId,
          dueAt: task.dueAt === null ? undefined : workingDaysFrom(calendar, row.status === 'suspended' ? pausedAt : now, task.dueAt, dayMinutes),
          age: Math.max(0, workingDaysFrom(calendar, task.createdAt, now, dayMinutes)),
        })),
        routes: routesOf(row.jurisdictionId),
      };
    });

    const departmentIds = new Set<string>(organisation.departmentsWithin(viewer.jurisdictionId as string).map((d) => d.id));
    for (const c of openCases) for (const t of c.tasks) departmentIds.add(t.departmentId);
    const staff: DepartmentStaff[] = [...departmentIds].sort().map((id) => {
      const clerks = read.clerks.get(id) ?? 0;
      return {
        departmentId: id,
        name: organisation.department(id)?.name ?? id,
        clerks,
        profileTasksPerClerkPerDay: simulationDefaults.capacity / Math.max(1, clerks),
        profileHandlingDays: profileHandlingDays(defaultRates.slowRate, simulationDefaults.slowDays),
      };
    });
    const departments = measureDepartmentWork(read.decisions, staff, historyDays);
    const { base, whatIf: changed, engineSteps } = await compute({
      input: { workflows, cases: openCases, departments, horizonDays: request.horizonDays, runs: request.runs, seed: request.seed, today: formatLocalDate(calendarOf(read.viewerCalendar), now) },
      now,
      whatIf: request.whatIf,
    });

    const taskRows = new Map(read.cases.flatMap((row) => (read.tasksByCase.get(row.id) ?? []).map((t) => [`${row.id}\u0000${t.activationId}`, t] as const)));
    const whatIfTask = new Map(changed?.tasks.map((t) => [`${t.caseId}\u0000${t.taskId}`, t.breachProbability]));
    const whatIfDepartment = new Map(changed?.departments.map((d) => [d.departmentId, d]));
    const profileDepartments = [...departments.values()].filter((d) => d.source === 'profile').map((d) => d.departmentId);
    const viewerCalendar = calendarOf(read.viewerCalendar);
    return {
      seed: request.seed,
      runs: request.runs,
      horizonDays: request.horizonDays,
      asOf: now.toISOString(),
      horizonEnd: formatLocalDate(viewerCalendar, addWorkingMinutes(viewerCalendar, now, request.horizonDays * workingDayMinutes(viewerCalendar)).dueAt),
      openCases: openCases.length,
      expectedBreaches: base.expectedBreaches,
      ...(changed ? { whatIfExpectedBreaches: changed.expectedBreaches, whatIf: request.whatIf } : {}),
      departments: base.departments.map((d) => {
        const other = whatIfDepartment.get(d.departmentId);
        return {
          ...d,
          decisions: departments.get(d.departmentId)?.decisions ?? 0,
          inScope: inScope.has(d.departmentId),
          ...(other ? { whatIf: { expectedBreaches: other.expectedBreaches, expectedDecisions: other.expectedDecisions, clerks: other.clerks } } : {}),
        };
      }),
      tasks: base.tasks.map((t) => {
        const row = taskRows.get(`${t.caseId}\u0000${t.taskId}`);
        const whatIf = whatIfTask.get(`${t.caseId}\u0000${t.taskId}`);
        return {
          taskId: row?.id ?? t.taskId,
          caseId: t.caseId,
          caseNumber: t.caseNumber,
          nodeId: t.nodeId,
          name: row?.name ?? t.nodeId,
          departmentId: t.departmentId,
          dueAt: row?.dueAt?.toISOString() ?? null,
          overdue: t.overdue,
          breachProbability: t.breachProbability,
          ...(whatIf === undefined ? {} : { whatIfBreachProbability: whatIf }),
        };
      }),
      profileDepartments,
      note:
        profileDepartments.length === 0
          ? `Every department measured from its decisions of the last ${historyDays} working days.`
          : `${profileDepartments.length} of ${departments.size} departments had fewer than ${MIN_DECISIONS} decisions in the last ${historyDays} working days: the simulation profile stands in for them (${profileDepartments.join(', ')}).`,
      engineSteps,
      elapsedMs: Math.round(performance.now() - started),
    };
  }

  /** Everything the forecast reads, in one read-only transaction. */
  private async read(tx: Tx, scope: string[], now: Date, historyDays: number, calendars: CalendarBook) {
    const openCases = await tx
      .select({
        id: cases.id,
        caseNumber: cases.caseNumber,
        definitionKey: cases.definitionKey,
        definitionVersion: cases.definitionVersion,
        jurisdictionId: cases.jurisdictionId,
        calendarKey: cases.calendarKey,
        status: cases.status,
        suspensionReason: cases.suspensionReason,
        suspendedSince: cases.suspendedSince,
        snapshot: cases.snapshot,
        data: cases.data,
      })
      .from(cases)
      .where(and(inArray(cases.status, ['active', 'suspended']), inArray(cases.jurisdictionId, scope)));
    const ids = openCases.map((c) => c.id);
    const open = ids.length === 0 ? [] : await tx.select().from(tasks).where(and(taskIsOpen, inArray(tasks.caseId, ids)));
    const tasksByCase = new Map<string, typeof open>();
    for (const t of open) tasksByCase.set(t.caseId, [...(tasksByCase.get(t.caseId) ?? []), t]);
    const definitions = new Map<string, { definition: WorkflowDefinition; machine: MachineConfigJson }>();
    for (const c of openCases) {
      const key = `${c.definitionKey}@${c.definitionVersion}`;
      if (definitions.has(key)) continue;
      const published = await this.options.definitions.get(c.definitionKey, c.definitionVersion, tx);
      definitions.set(key, { definition: published.definition, machine: published.machine as unknown as MachineConfigJson });
    }
    const since = new Date(now.getTime() - Math.ceil((historyDays * 7) / 5 + 14) * 86_400_000);
    const decided = await tx
      .select({ departmentId: tasks.departmentId, createdAt: tasks.createdAt, completedAt: tasks.completedAt, calendarKey: cases.calendarKey })
      .from(tasks)
      .innerJoin(cases, eq(cases.id, tasks.caseId))
      .where(and(eq(tasks.status, 'completed'), gte(tasks.completedAt, since)));
    const decisions: RecordedDecision[] = decided.flatMap((d) => {
      if (d.completedAt === null || !calendars.has(d.calendarKey)) return [];
      const calendar = calendars.get(d.calendarKey);
      const dayMinutes = workingDayMinutes(calendar);
      return [{ departmentId: d.departmentId, openedAt: workingDaysFrom(calendar, now, d.createdAt, dayMinutes), decidedAt: workingDaysFrom(calendar, now, d.completedAt, dayMinutes) }];
    });
    const clerkRows = await tx
      .select({ departmentId: users.departmentId, clerks: sql<number>`count(*)::int` })
      .from(users)
      .where(sql`'clerk' = any(${users.roles})`)
      .groupBy(users.departmentId);
    const viewerCalendar = openCases[0]?.calendarKey ?? 'cn-mainland';
    return { cases: openCases, tasksByCase, definitions, decisions, clerks: new Map(clerkRows.map((r) => [r.departmentId, r.clerks])), viewerCalendar };
  }
}

/**
 * Checks the departments a what-if changes: each exists, and lies in the viewer's scope `inScope`
 * (the departments of their jurisdiction's subtree; every department for an admin), as the
 * monitor's lists do: a manager plans their own departments, not another jurisdiction's.
 * @throws InvalidInputError `unknown-department`; ForbiddenError `department-out-of-scope`; each
 *   naming the field (`whatIf.clerks.<id>`, `whatIf.closures[<i>].departmentId`) and the department.
 */
function checkWhatIfDepartments(whatIf: WhatIf | undefined, inScope: ReadonlySet<string>, viewer: Viewer, organisation: Organisation): void {
  const named = [
    ...Object.keys(whatIf?.clerks ?? {}).map((id) => ({ id, field: `whatIf.clerks.${id}` })),
    ...(whatIf?.closures ?? []).map((c, index) => ({ id: c.departmentId, field: `whatIf.closures[${index}].departmentId` })),
  ];
  const known = new Set(organisation.departmentIds());
  for (const { id, field } of named) {
    if (!known.has(id)) throw new InvalidInputError('unknown-department', `Department '${id}' does not exist`, { field, reason: 'unknown-department', departmentId: id });
    if (!inScope.has(id)) {
      throw new ForbiddenError('department-out-of-scope', `Department '${id}' is outside the scope of ${describe(viewer)}: a what-if changes the departments of their jurisdiction only`, {
        field,
        reason: 'out-of-scope',
        departmentId: id,
      });
    }
  }
}
