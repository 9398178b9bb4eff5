import { and, asc, count, desc, eq, exists, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { activeNodes, isCountableSpan, pauseDeadline, step } from '@tongban/engine';
import type { Effect, MachineConfigJson } from '@tongban/engine';
import type { CalendarBook } from '../calendars/calendar-book.ts';
import { caseCalendarKey } from '../calendars/case-calendar-key.ts';
import type { Db } from '../db/client.ts';
import { caseCopies, caseEvents, cases, tasks, timers, users, workflowDefinitions, type CaseRow, type TaskRow } from '../db/schema/index.ts';
import type { DefinitionStore } from '../definitions/definition-store.ts';
import { ConflictError, ForbiddenError, IdempotencyKeyReusedError, InvalidInputError, NotFoundError } from '../errors/index.ts';
import { assertMayFile, describe, scopeJurisdictionIds, visibleDepartmentIds } from '../organisation/access.ts';
import type { Organisation } from '../organisation/organisation.ts';
import type { Viewer } from '../organisation/viewer.ts';
import type { CaseExecutor } from './case-executor.ts';
import { caseViewOf, pageOf, type CaseDetail, type CaseView, type Page, type PageRequest, type TaskView } from './case-views.ts';
import { checkCaseData } from './check-case-data.ts';
import { publicCaseViewOf, type PublicCaseView } from './public-case-view.ts';
import { hiddenCaseFields, withoutFields } from './hidden-case-fields.ts';
import { applicationFields, checkKnownFields } from './application-fields.ts';
import { checkSupplementAnswer } from './supplement-items.ts';
import { drawCaseNumber, filingYear } from './case-number.ts';
import { applicationFingerprint, idempotencyScopeOf } from './idempotency.ts';
import { taskViewOf } from './task-view-of.ts';
import { feelBudgetConflict } from '../feel/feel-budget-conflict.ts';
import type { Tx } from './transaction.ts';

/** `payload` with the hidden fields left out of its `data` (a completion's form values). Pure. */
function payloadWithout(payload: Record<string, unknown>, hidden: ReadonlySet<string>): Record<string, unknown> {
  const data = payload.data;
  if (hidden.size === 0 || typeof data !== 'object' || data === null || Array.isArray(data)) return payload;
  return { ...payload, data: withoutFields(data as Record<string, unknown>, hidden) };
}

/** An application (POST /cases). */
export interface CreateCaseInput {
  definitionKey: string;
  /** Id of the jurisdiction it is filed in, e.g. `sh-huangpu-nanjing-east`. */
  jurisdiction: string;
  applicant: Record<string, unknown>;
  data: Record<string, unknown>;
  /**
   * The `Idempotency-Key` header, scoped to the actor: the same key with the same application
   * yields the same case; with a different application, `idempotency-key-reused`.
   */
  idempotencyKey?: string | null;
  actor: Viewer;
}

/** Filters of {@link CasesService.listCases}. */
export interface CaseFilters extends PageRequest {
  status?: CaseRow['status'];
  definitionKey?: string;
  /** A jurisdiction id: cases filed in it or below it. */
  jurisdiction?: string;
}

/** What the applicant supplies after a 补正 (POST /cases/{id}/supplement). */
export interface SupplementInput {
  data?: Record<string, unknown>;
  /** Names or references of the documents handed in. */
  documents?: unknown[];
}

/** What the cases service needs. */
export interface CasesServiceOptions {
  db: Db;
  executor: CaseExecutor;
  definitions: DefinitionStore;
  organisation: () => Promise<Organisation>;
  calendars: () => Promise<CalendarBook>;
  /** The prefix of the case numbers drawn (`TONGBAN_CASE_NUMBER_PREFIX`), e.g. `SH`. */
  caseNumberPrefix: string;
}

/** Cases: intake, detail, lists in the viewer's scope, supplements (DESIGN.md §4, §7). */
export class CasesService {
  constructor(private readonly options: CasesServiceOptions) {}

  /**
   * Files an application: starts a case on the latest version of `definitionKey` (the case stays
   * pinned to it) and creates its first tasks. With an idempotency key, a repeat (sequential or
   * concurrent) by the same actor returns the case the key first created, with `created: false`.
   *
   * @throws IdempotencyKeyReusedError when the actor reuses a key for a different application;
   *   InvalidInputError `jurisdiction-level-mismatch` when a userTask's level has no jurisdiction
   *   at or above the filing jurisdiction (a district task in a city case), before anything is written;
   *   ForbiddenError `intake-forbidden`; InvalidInputError for an unknown jurisdiction, bad data or
   *   a key of `data` the workflow's `dataSchema` does not declare (`invalid-case-data`, `unknown-field`);
   *   NotFoundError `definition-not-found`.
   */
  async createCase(input: CreateCaseInput): Promise<{ case: CaseView; created: boolean }> {
    const { db, executor } = this.options;
    const organisation = await this.options.organisation();
    if (!organisation.jurisdiction(input.jurisdiction)) {
      throw new InvalidInputError('unknown-jurisdiction', `Jurisdiction '${input.jurisdiction}' does not exist`, {
        field: 'jurisdiction',
        reason: 'unknown',
      });
    }
    assertMayFile(input.actor, organisation, input.jurisdiction);
    const key = input.idempotencyKey ?? null;
    const scope = key === null ? null : idempotencyScopeOf(input.actor);
    const fingerprint = key === null ? null : applicationFingerprint(input);
    const repeated = async (): Promise<{ case: CaseView; created: boolean } | undefined> => {
      if (key === null || scope === null) return undefined;
      const existing = await this.byIdempotencyKey(scope, key);
      if (!existing) return undefined;
      if (existing.idempotencyFingerprint !== fingerprint) throw new IdempotencyKeyReusedError(key);
      return { case: caseViewOf(existing), created: false };
    };
    const earlier = await repeated();
    if (earlier) return earlier;
    const [latest] = await db
      .select({ version: workflowDefinitions.version })
      .from(workflowDefinitions)
      .where(eq(workflowDefinitions.key, input.definitionKey))
      .orderBy(desc(workflowDefinitions.version))
      .limit(1);
    if (!latest) {
      throw new NotFoundError('definition-not-found', `Workflow '${input.definitionKey}' has no published version`, {
        key: input.definitionKey,
      });
    }
    const definition = await this.options.definitions.get(input.definitionKey, latest.version);
    for (const node of definition.definition.nodes) {
      if (node.type === 'userTask' && !organisation.jurisdictionAtLevel(input.jurisdiction, node.level)) {
        throw new InvalidInputError(
          'jurisdiction-level-mismatch',
          `Task '${node.id}' of '${definition.key}' is handled at level '${node.level}', and jurisdiction '${input.jurisdiction}' has none at that level`,
          { field: 'jurisdiction', reason: 'level-mismatch', nodeId: node.id, level: node.level },
        );
      }
    }
    checkKnownFields(input.data, applicationFields(definition.definition, input.data), 'invalid-case-data');
    checkCaseData(definition.definition.dataSchema, input.data);
    const calendarKey = caseCalendarKey(organisation, input.jurisdiction, definition.definition);
    if (!(await this.options.calendars()).has(calendarKey)) {
      throw new ConflictError('calendar-not-found', `Jurisdiction '${input.jurisdiction}' counts on calendar '${calendarKey}', which is not defined`, {
        jurisdiction: input.jurisdiction,
        calendar: calendarKey,
      });
    }
    const caseId = randomUUID();
    const actorId = input.actor.userId ?? null;
    const timeZone = (await this.options.calendars()).get(calendarKey).timeZone;
    const caseNumber = await drawCaseNumber(db, this.options.caseNumberPrefix, filingYear(executor.clock.now(), timeZone));
    let pendingEffects: Effect[] = [];
    const insert = async (tx: Tx, now: Date): Promise<CaseRow | undefined> => {
      let started;
      try {
        started = step(definition.machine as unknown as MachineConfigJson, undefined, { type: 'case.start' }, now, { caseId, data: input.data }, { feel: this.options.executor.feel });
      } catch (error) {
        throw feelBudgetConflict(error, caseId, definition.definition) ?? error;
      }
      const rows = await tx
        .insert(cases)
        .values({
          id: caseId,
          caseNumber,
          definitionKey: definition.key,
          definitionVersion: definition.version,
          jurisdictionId: input.jurisdiction,
          calendarKey,
          applicant: input.applicant,
          data: input.data,
          status: 'active',
          snapshot: started.snapshot,
          idempotencyKey: key,
          idempotencyScope: scope,
          idempotencyFingerprint: fingerprint,
          createdBy: actorId,
          filedByApiKey: input.actor.kind === 'apiKey' ? (input.actor.apiKeyId ?? null) : null,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      pendingEffects = started.effects;
      return rows[0];
    };
    const created = await executor.withNewCase(definition, actorId, insert, async (unit) => {
        unit.record('case.created', {
          caseNumber,
          definitionKey: definition.key,
          definitionVersion: definition.version,
          jurisdictionId: input.jurisdiction,
          calendarKey,
          applicant: input.applicant,
          idempotencyKey: key,
          filedBy: input.actor.kind === 'apiKey' ? 'apiKey' : (input.actor.username ?? null),
        });
        await unit.apply(pendingEffects);
        return unit.case;
      });
    if (created) return { case: caseViewOf(created), created: true };
    const existing = await repeated();
    if (!existing) throw new Error(`Case for idempotency key '${key}' was neither created nor found`);
    return existing;
  }

  /**
   * The detail of case `caseId`: tasks with SLA state and time left, timeline, active nodes.
   * @throws NotFoundError `case-not-found`; ForbiddenError `case-forbidden` outside the viewer's scope.
   */
  async getCase(caseId: string, viewer: Viewer): Promise<CaseDetail> {
    const { db } = this.options;
    const organisation = await this.options.organisation();
    const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
    if (!row) throw new NotFoundError('case-not-found', `Case '${caseId}' does not exist`, { caseId });
    const taskRows = await db.select().from(tasks).where(eq(tasks.caseId, caseId)).orderBy(asc(tasks.createdAt), asc(tasks.activationId));
    const through = await this.readerSteps(viewer, organisation, row, taskRows);
    const [events, definition, liveTimers] = await Promise.all([
      db
        .select({ event: caseEvents, actorName: users.displayName })
        .from(caseEvents)
        .leftJoin(users, eq(users.id, caseEvents.actorId))
        .where(eq(caseEvents.caseId, caseId))
        .orderBy(asc(caseEvents.id)),
      this.options.definitions.get(row.definitionKey, row.definitionVersion),
      db.select().from(timers).where(and(eq(timers.caseId, caseId), inArray(timers.status, ['pending', 'paused']))),
    ]);
    const hidden = through === 'all' ? new Set<string>() : hiddenCaseFields(definition.definition, through);
    const timeline = events.map(({ event, actorName }) => ({ ...event, payload: payloadWithout(event.payload, hidden), actorName }));
    const calendar = (await this.options.calendars()).get(row.calendarKey);
    const now = this.options.executor.clock.now();
    const taskViews: TaskView[] = taskRows.map((task) => {
      const breach = liveTimers.find((t) => t.taskId === task.id && t.kind === 'taskBreach' && t.status === 'paused');
      return taskViewOf({ ...task, data: withoutFields(task.data, hidden) }, {
        definition: definition.definition,
        calendar,
        caseStatus: row.status,
        suspendedSince: row.suspendedSince,
        now,
        pausedBreachMinutes: breach === undefined ? undefined : breach.remainingMinutes,
      });
    });
    const caseTimer = liveTimers.find((t) => t.kind === 'caseAtRisk');
    let caseLeft: number | null = null;
    if (caseTimer?.status === 'paused') caseLeft = caseTimer.remainingMinutes ?? 0;
    else if (row.promisedDueAt && row.status !== 'completed' && isCountableSpan(calendar, now, row.promisedDueAt)) {
      caseLeft = Math.round(pauseDeadline(calendar, now, row.promisedDueAt, definition.definition.promisedSla?.unit ?? 'workingDay'));
    }
    return {
      case: { ...caseViewOf(row), data: withoutFields(row.data, hidden) },
      definition: { key: definition.key, version: definition.version, name: definition.name },
      tasks: taskViews,
      timeline,
      activeNodes: activeNodes(row.snapshot),
      sla: { acceptedAt: row.acceptedAt, promisedDueAt: row.promisedDueAt, slaState: row.slaState, minutesLeft: caseLeft },
    };
  }

  /**
   * The public face of case `caseId` (`publicCaseViewOf`) for the intake API key that filed it, or
   * for a user who may read the case.
   * @throws NotFoundError `case-not-found`, also for a case another API key filed (its existence is
   *   not disclosed); ForbiddenError `case-forbidden` for a user outside its scope.
   */
  async getPublicCase(caseId: string, viewer: Viewer): Promise<PublicCaseView> {
    const { db } = this.options;
    const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
    if (!row || (viewer.kind === 'apiKey' && row.filedByApiKey !== (viewer.apiKeyId ?? null))) {
      throw new NotFoundError('case-not-found', `Case '${caseId}' does not exist`, { caseId });
    }
    const taskRows = await db.select().from(tasks).where(eq(tasks.caseId, caseId)).orderBy(asc(tasks.createdAt), asc(tasks.activationId));
    if (viewer.kind === 'user') await this.readerSteps(viewer, await this.options.organisation(), row, taskRows);
    const definition = await this.options.definitions.get(row.definitionKey, row.definitionVersion);
    return publicCaseViewOf(row, taskRows, definition.name);
  }

  /**
   * Cases in the viewer's scope, newest first: a clerk's those with a task of their department; a
   * manager's or supervisor's those filed in their jurisdiction's subtree; an admin's every case.
   * A clerk's cases leave out the data fields their department's steps hide (`fieldPermissions`).
   * @throws ForbiddenError `cases-forbidden` for an API key.
   */
  async listCases(viewer: Viewer, filters: CaseFilters = {}): Promise<Page<CaseView>> {
    const { db } = this.options;
    const organisation = await this.options.organisation();
    if (viewer.kind !== 'user') {
      throw new ForbiddenError('cases-forbidden', `${describe(viewer)} may not list cases`);
    }
    const conditions: SQL[] = [];
    const scope = scopeJurisdictionIds(viewer, organisation);
    if (scope !== undefined) {
      conditions.push(inArray(cases.jurisdictionId, scope));
    } else {
      const departmentIds = visibleDepartmentIds(viewer, organisation);
      conditions.push(
        exists(
          db
            .select({ one: tasks.id })
            .from(tasks)
            .where(and(eq(tasks.caseId, cases.id), inArray(tasks.departmentId, departmentIds.length > 0 ? departmentIds : ['']))),
        ),
      );
    }
    if (filters.status) conditions.push(eq(cases.status, filters.status));
    if (filters.definitionKey) conditions.push(eq(cases.definitionKey, filters.definitionKey));
    if (filters.jurisdiction) conditions.push(inArray(cases.jurisdictionId, organisation.subtree(filters.jurisdiction)));
    const where = and(...conditions);
    const { limit, offset } = pageOf(filters);
    const [rows, [total]] = await Promise.all([
      db.select().from(cases).where(where).orderBy(desc(cases.createdAt), desc(cases.id)).limit(limit).offset(offset),
      db.select({ n: count() }).from(cases).where(where),
    ]);
    if (scope !== undefined || rows.length === 0) return { items: rows.map(caseViewOf), total: total?.n ?? 0 };
    // A clerk reads each case through their department's steps: the fields those hide are left out.
    const departmentIds = visibleDepartmentIds(viewer, organisation);
    const steps = await db
      .select({ caseId: tasks.caseId, nodeId: tasks.nodeId })
      .from(tasks)
      .where(and(inArray(tasks.caseId, rows.map((r) => r.id)), inArray(tasks.departmentId, departmentIds.length > 0 ? departmentIds : [''])));
    const items = await Promise.all(
      rows.map(async (row) => {
        const definition = await this.options.definitions.get(row.definitionKey, row.definitionVersion);
        const hidden = hiddenCaseFields(definition.definition, steps.filter((t) => t.caseId === row.id).map((t) => t.nodeId));
        return { ...caseViewOf(row), data: withoutFields(row.data, hidden) };
      }),
    );
    return { items, total: total?.n ?? 0 };
  }

  /**
   * The applicant supplies what a 补正 asked for, through the portal (an API key, only for a case
   * it filed) or at the service-hall window (a clerk records what was handed in): the answer is
   * checked against the request's items and the application's fields (`checkSupplementAnswer`),
   * then against the data schema; on any refusal nothing is stored. The data is merged into the
   * case data, the request marked answered (when, by whom, `portal` or `window`), a
   * `case.supplemented` event recorded with the items answered, and the case resumes (every paused
   * clock re-armed with what it had left).
   * @throws ConflictError `case-not-suspended`; ForbiddenError `intake-forbidden`; NotFoundError
   *   `case-not-found` (also for another API key's case); InvalidInputError naming the field.
   */
  async supplementCase(caseId: string, input: SupplementInput, actor: Viewer): Promise<CaseView> {
    const organisation = await this.options.organisation();
    const [found] = await this.options.db
      .select({ jurisdictionId: cases.jurisdictionId, filedByApiKey: cases.filedByApiKey })
      .from(cases)
      .where(eq(cases.id, caseId));
    if (!found || (actor.kind === 'apiKey' && found.filedByApiKey !== (actor.apiKeyId ?? null))) {
      throw new NotFoundError('case-not-found', `Case '${caseId}' does not exist`, { caseId });
    }
    assertMayFile(actor, organisation, found.jurisdictionId);
    const data = input.data ?? {};
    const documents = input.documents ?? [];
    return this.options.executor.withCase(caseId, actor.userId ?? null, async (unit) => {
      if (unit.case.status !== 'suspended') {
        throw new ConflictError('case-not-suspended', `Case '${caseId}' is ${unit.case.status}, not waiting for a supplement`, {
          caseId,
          status: unit.case.status,
        });
      }
      if (unit.case.suspensionReason !== 'supplement' && unit.case.suspensionReason !== null) {
        // A period the law does not count ends only by its own event: the step refuses (`suspension-mismatch`).
        await unit.step({ type: 'case.supplement', data });
      }
      const [asked] = await unit.tx
        .select()
        .from(tasks)
        .where(and(eq(tasks.caseId, caseId), isNotNull(tasks.supplementRequest), sql`${tasks.supplementRequest}->>'answeredAt' is null`))
        .orderBy(desc(tasks.createdAt))
        .limit(1);
      const request = asked?.supplementRequest ?? undefined;
      const fields = applicationFields(unit.definition.definition, unit.case.data);
      checkSupplementAnswer(request, fields, { data, documents });
      checkCaseData(unit.definition.definition.dataSchema, { ...unit.case.data, ...data });
      const channel = actor.kind === 'apiKey' ? 'portal' : 'window';
      if (asked?.supplementRequest) {
        await unit.tx
          .update(tasks)
          .set({ supplementRequest: { ...asked.supplementRequest, answeredAt: unit.now.toISOString(), answeredBy: actor.userId ?? null, channel } })
          .where(eq(tasks.id, asked.id));
      }
      unit.update({ data: { ...unit.case.data, ...data } });
      unit.record('case.supplemented', { fields: Object.keys(data), documents, items: request?.items ?? [], channel }, asked?.id ?? null);
      await unit.step({ type: 'case.supplement', data });
      return caseViewOf(unit.case);
    });
  }

  private async byIdempotencyKey(scope: string, key: string): Promise<CaseRow | undefined> {
    const [row] = await this.options.db
      .select()
      .from(cases)
      .where(and(eq(cases.idempotencyScope, scope), eq(cases.idempotencyKey, key)));
    return row;
  }

  /**
   * The steps through which `viewer` reads case `row`: `all` for a manager, supervisor or admin whose
   * scope holds it; for a clerk, the nodes of the tasks of their department or of tasks they handle
   * or handled in another department (a delegatee, a transfer's earlier handler); the nodes of the
   * tasks a copy (抄送) to them was sent from. The case data leaves out what every one of those steps
   * hides (`hiddenCaseFields`).
   * @throws ForbiddenError `case-forbidden` when there is none.
   */
  private async readerSteps(viewer: Viewer, organisation: Organisation, row: CaseRow, taskRows: TaskRow[]): Promise<'all' | string[]> {
    if (viewer.kind === 'user') {
      if (scopeJurisdictionIds(viewer, organisation)?.includes(row.jurisdictionId)) return 'all';
      const visible = new Set(visibleDepartmentIds(viewer, organisation));
      const userId = viewer.userId;
      const handles = (t: TaskRow) =>
        userId !== undefined && (t.assigneeId === userId || t.ownerId === userId || t.handoffs.some((link) => link.from === userId || link.to === userId));
      const mine = taskRows.filter((t) => visible.has(t.departmentId) || handles(t));
      if (mine.length > 0) return mine.map((t) => t.nodeId);
      if (userId !== undefined) {
        const copies = await this.options.db
          .select({ taskId: caseCopies.taskId })
          .from(caseCopies)
          .where(and(eq(caseCopies.caseId, row.id), eq(caseCopies.userId, userId)));
        const copied = new Set(copies.map((c) => c.taskId));
        if (copies.length > 0) return taskRows.filter((t) => copied.has(t.id)).map((t) => t.nodeId);
      }
    }
    throw new ForbiddenError('case-forbidden', `Case '${row.id}' is outside the scope of ${describe(viewer)}`, { caseId: row.id });
  }
}
