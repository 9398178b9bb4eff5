import { and, eq, inArray, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { addDuration, caseDeadline, isEngineError, step } from '@tongban/engine';
import type {
  BusinessCalendar,
  CaseContext,
  CaseEvent,
  Effect,
  FeelEvaluator,
  MachineConfigJson,
  SlaUnit,
  TaskInstance,
  UserTask,
  WorkflowNode,
} from '@tongban/engine';
import {
  caseEvents,
  cases,
  incidents,
  notifications,
  outbox,
  tasks,
  taskIsOpen,
  users,
  type CaseRow,
  type CaseSuspensionReason,
  type OutboxRow,
  type TaskRow,
  type TimerRow,
} from '../db/schema/index.ts';
import type { CalendarBook } from '../calendars/calendar-book.ts';
import type { DefinitionStore, PublishedDefinition } from '../definitions/definition-store.ts';
import { ConflictError, ForbiddenError, InvalidInputError, type TongbanError } from '../errors/index.ts';
import { feelBudgetConflict } from '../feel/feel-budget-conflict.ts';
import type { Organisation } from '../organisation/organisation.ts';
import type { OutboxMessage } from '../outbox/outbox-message.ts';
import { cancelInvocations, deliverDeferred, invocationSpecOf, raiseIncident, startInvocation } from '../service-tasks/invocation-book.ts';
import { escalateBreach } from '../timers/escalate-breach.ts';
import { remindTask } from '../timers/remind-task.ts';
import { firstBasis } from '../timers/deadline-basis.ts';
import { extendDeadline, recordExtensionRefusal, recordExtensionRequest } from '../tasks/extension-effects.ts';
import { armTimers, cancelTimers, pauseTimers, recountTimers, resumeTimers, taskDeadlineProvisional, type TimerContext } from '../timers/timer-book.ts';
import { taskClocks } from '../timers/task-clocks.ts';
import { planDeliveries } from '../webhooks/plan-deliveries.ts';
import { webhookNoticesOf } from '../webhooks/webhook-events-of.ts';
import { cancelSubCase, deliverDeferredSubCases, notifyParent, startSubCase } from './sub-cases.ts';
import type { CaseWork } from './case-work.ts';
import type { Tx } from './transaction.ts';
import { taskCreatedPayload } from './task-created-payload.ts';

/** The clerk's decision being applied, recorded on the task when the step closes it. */
export interface Completion {
  activationId: string;
  outcome: string;
  data: Record<string, unknown>;
  comment: string | null;
  /** Why the clerk chose the outcome, when they gave a reason. */
  reason: string | null;
  assigneeId: string | null;
}

/** What a unit of work runs with. */
export interface CaseUnitContext {
  tx: Tx;
  now: Date;
  organisation: Organisation;
  /** The published definitions (a sub-case's definition is read through it). */
  definitions: DefinitionStore;
  definition: PublishedDefinition;
  /** Every business calendar, by key (a related case is counted on its own). */
  calendars: CalendarBook;
  /** The calendar of this unit's case (`cases.calendar_key`). */
  calendar: BusinessCalendar;
  /** The user (or API key) the audit events are attributed to; null for the system (timers). */
  actorId: string | null;
  /** Evaluates the step's FEEL under a budget (`BoundedFeelEvaluator`). */
  feel: FeelEvaluator;
}

const OPEN = ['open', 'claimed'] as const;

/**
 * Close reasons of a task that was decided, or closed at its statutory limit: it counts as met or
 * breached. Any other (`returned`, `cancelled`, `removed`) closes it `cancelled`, counted neither.
 */
const DECIDED_CLOSE_REASONS: readonly string[] = ['completed', 'breached'];

/**
 * One event applied to one case inside one transaction, with the case row locked: runs the engine
 * step, carries out its effects (task rows routed to departments, timers, suspension, completion),
 * records audit events and collects outbox messages. `save` writes the next case row
 * (`version` + 1) and the outbox rows. Only `tx` is used (pitfalls B32).
 */
export class CaseUnit implements CaseWork {
  /** Task rows created by this unit, in order. */
  readonly createdTasks: TaskRow[] = [];
  /** Task rows closed by this unit, as closed, in order. */
  readonly closedTasks: TaskRow[] = [];
  private readonly messages: OutboxMessage[] = [];
  private readonly events: (typeof caseEvents.$inferInsert)[] = [];
  private readonly changes: Partial<CaseRow> = {};
  private completion: Completion | undefined;
  /** Units of other cases this one touched in its transaction (sub-cases, a parent); saved with it. */
  private readonly related: CaseUnit[] = [];
  private readonly startVersion: number;
  private dirty = false;

  /**
   * @param parentUnit the unit of the parent case, when this is a sub-case its parent started in
   *   the same transaction (it is told of the sub-case's end through that unit).
   */
  constructor(
    private readonly context: CaseUnitContext,
    private row: CaseRow,
    readonly parentUnit?: CaseUnit,
  ) {
    this.startVersion = row.version;
  }

  /** The evaluator of the step's FEEL (a sub-case starts with it too). */
  get feel(): FeelEvaluator {
    return this.context.feel;
  }

  /** Every business calendar, by key. */
  get calendars(): CalendarBook {
    return this.context.calendars;
  }

  /** The published definitions. */
  get definitions(): DefinitionStore {
    return this.context.definitions;
  }

  /** The user (or API key) the audit events are attributed to; null for the system. */
  get actorId(): string | null {
    return this.context.actorId;
  }

  /**
   * A unit for another case in this unit's transaction (its row locked or just inserted by the
   * caller), saved when this one is. `parentUnit`: this unit, when the other case is a sub-case it
   * starts.
   */
  relatedUnit(definition: PublishedDefinition, row: CaseRow, parentUnit?: CaseUnit): CaseUnit {
    const unit = new CaseUnit({ ...this.context, definition, calendar: this.context.calendars.get(row.calendarKey) }, row, parentUnit);
    this.related.push(unit);
    return unit;
  }

  /** The case as it stands in this unit (changes applied). */
  get case(): CaseRow {
    return this.row;
  }

  /** The instant this unit runs at. */
  get now(): Date {
    return this.context.now;
  }

  /** The transaction of this unit. */
  get tx(): Tx {
    return this.context.tx;
  }

  /** The organisation the unit routes tasks in. */
  get organisation(): Organisation {
    return this.context.organisation;
  }

  /** The pinned definition of the case. */
  get definition(): PublishedDefinition {
    return this.context.definition;
  }

  /**
   * The userTask node `nodeId` of the case's definition.
   * @throws Error when the node is not a userTask (a compiled machine never asks for that).
   */
  userTask(nodeId: string): UserTask {
    const node: WorkflowNode | undefined = this.definition.definition.nodes.find((n) => n.id === nodeId);
    if (!node || node.type !== 'userTask') {
      throw new Error(`Node '${nodeId}' is not a userTask of workflow '${this.definition.key}' v${this.definition.version}`);
    }
    return node;
  }

  /** Changes columns of the case row (written by `save`). */
  update(changes: Partial<CaseRow>): void {
    this.dirty = true;
    Object.assign(this.changes, changes);
    this.row = { ...this.row, ...changes };
  }

  /**
   * Appends an audit event (who: the unit's actor; when: the unit's instant). Events are written
   * by `save`, in one statement, in the order they were recorded.
   */
  record(type: string, payload: Record<string, unknown>, taskId: string | null = null): void {
    this.dirty = true;
    this.events.push({ caseId: this.row.id, type, actorId: this.context.actorId, taskId, payload, at: this.now });
  }

  /** Queues an outbox message for dispatch after commit. */
  send(message: OutboxMessage): void {
    this.messages.push(message);
  }

  /** Sets the clerk's decision that the step about to run applies. */
  complete(completion: Completion): void {
    this.completion = completion;
  }

  /**
   * Runs the engine step for `event` on the case's snapshot and carries out its effects.
   * Engine refusals become Tongban errors: a wrong outcome or return target → 400 naming the
   * field; a task no longer open, a suspended or completed case → 409; a FEEL expression over
   * its budget → 409 `feel-budget-exceeded` naming the edge (the executor records the incident).
   */
  async step(event: CaseEvent): Promise<Effect[]> {
    let result;
    try {
      result = step(this.definition.machine as unknown as MachineConfigJson, this.row.snapshot, event, this.now, undefined, { feel: this.context.feel });
    } catch (error) {
      throw feelBudgetConflict(error, this.row.id, this.definition.definition) ?? translateEngineError(error, this.row.id);
    }
    await this.resolveFeelIncidents();
    const running = runningServices(this.row.snapshot);
    this.update({ snapshot: result.snapshot });
    await this.apply(result.effects);
    const still = new Set(runningServices(result.snapshot));
    await cancelInvocations(this, running.filter((serviceId) => !still.has(serviceId)));
    return result.effects;
  }

  /** A step of the case succeeded: its open incidents of kind `feel` (a step stopped before) are over. */
  private async resolveFeelIncidents(): Promise<void> {
    await this.tx
      .update(incidents)
      .set({ status: 'resolved', resolvedAt: this.now, updatedAt: this.now })
      .where(and(eq(incidents.caseId, this.row.id), eq(incidents.kind, 'feel'), eq(incidents.status, 'open')));
  }

  /** Carries out effects in order. */
  async apply(effects: readonly Effect[]): Promise<void> {
    let created: { taskId: string; nodeId: string; instance?: TaskInstance }[] = [];
    for (const effect of effects) {
      if (effect.type === 'createTask') {
        created.push(effect);
        continue;
      }
      // Tasks created side by side (a parallel split) are written together.
      await this.createTasks(created);
      created = [];
      switch (effect.type) {
        case 'closeTask':
          await this.closeTask(effect.taskId, effect.reason);
          break;
        case 'suspendCase':
          await this.suspend('supplement', effect.nodeId, effect.taskId);
          break;
        case 'pauseCase':
          await this.suspend(effect.reason, effect.nodeId, effect.taskId);
          break;
        case 'resumeCase':
          await this.resume();
          break;
        case 'completeCase':
          await this.finish(effect.result, effect.nodeId);
          break;
        case 'escalate':
          await escalateBreach(this, await this.task(effect.taskId), { limit: effect.limit, edgeId: effect.edgeId });
          break;
        case 'notify':
          await remindTask(this, await this.task(effect.taskId), { limit: effect.limit, edgeId: effect.edgeId });
          break;
        case 'deemOutcome':
          await this.deem(effect.taskId, effect.outcome);
          break;
        case 'invokeService':
          await startInvocation(this, invocationSpecOf(effect));
          break;
        case 'raiseIncident':
          await raiseIncident(this, effect);
          break;
        case 'scheduleTimer': {
          const due = addDuration(this.context.calendar, this.now, effect.duration);
          await armTimers(this.timerContext(), [
            {
              kind: effect.purpose,
              owner: effect.timerId,
              taskId: null,
              dueAt: due.dueAt,
              generation: 1,
              nodeId: effect.nodeId,
              engineTimerId: effect.timerId,
              unit: effect.duration.unit,
              basis: firstBasis(this.now, effect.duration),
              provisional: due.provisional,
            },
          ]);
          break;
        }
        case 'cancelTimer':
          await cancelTimers(this.timerContext(), { engineTimerId: effect.timerId });
          break;
        case 'requestExtensionApproval':
          await recordExtensionRequest(this, effect);
          break;
        case 'extendDeadline':
          await extendDeadline(this, effect);
          break;
        case 'extensionRefused':
          await recordExtensionRefusal(this, effect);
          break;
        case 'startSubCase':
          await startSubCase(this, effect);
          break;
        case 'cancelSubCase':
          await cancelSubCase(this, effect);
          break;
        case 'deemAccepted':
          await this.accept(new Date(effect.acceptedAt ?? this.row.createdAt.toISOString()), { nodeId: effect.nodeId, activationId: effect.taskId });
          break;
      }
    }
    await this.createTasks(created);
  }

  /**
   * Marks the case accepted (受理) at `at` (default now), when it is not yet: the case's promised
   * total (`promisedSla`) runs from there, so its timer is armed. `deemedBy`: the intake whose
   * art. 32 deadline passed, when the case is deemed accepted rather than accepted by a clerk.
   */
  async accept(at: Date = this.now, deemedBy?: { nodeId: string; activationId: string }): Promise<void> {
    if (this.row.acceptedAt !== null) return;
    const promised = this.definition.definition.promisedSla;
    const due = promised ? caseDeadline(this.context.calendar, promised, at) : undefined;
    this.update({ acceptedAt: at, promisedDueAt: due?.dueAt ?? null });
    this.record('case.accepted', {
      acceptedAt: at.toISOString(),
      deemed: deemedBy !== undefined,
      ...(deemedBy === undefined ? {} : { nodeId: deemedBy.nodeId, activationId: deemedBy.activationId }),
      promisedSla: promised ?? null,
      promisedDueAt: due?.dueAt.toISOString() ?? null,
    });
    if (promised && due) {
      await armTimers(this.timerContext(), [
        { kind: 'caseAtRisk', owner: 'case', taskId: null, dueAt: due.dueAt, generation: 1, basis: firstBasis(at, promised), provisional: due.provisional },
      ]);
    }
  }

  /**
   * Writes the case row (`version` + 1) and the outbox rows; returns the outbox rows. A unit that
   * changed nothing and recorded nothing writes nothing.
   */
  async save(): Promise<OutboxRow[]> {
    const own = await this.saveOwn();
    const related: OutboxRow[] = [];
    for (const unit of this.related) related.push(...(await unit.save()));
    return [...own, ...related];
  }

  /**
   * The case row, the audit events and the outbox rows go in one round trip: the three statements
   * are sent together on the transaction's connection (postgres.js pipelines them; none depends on
   * another's result or order); a version conflict rolls back all three with the transaction.
   */
  private async saveOwn(): Promise<OutboxRow[]> {
    if (!this.dirty && this.messages.length === 0) return [];
    // Outbox times are wall-clock: the sweeper measures how long a row has waited in real time.
    const createdAt = new Date();
    await this.planWebhookDeliveries();
    const [updated, , outboxRows] = await Promise.all([
      this.tx
        .update(cases)
        .set({ ...this.changes, version: this.startVersion + 1, updatedAt: this.now })
        .where(and(eq(cases.id, this.row.id), eq(cases.version, this.startVersion)))
        .returning({ version: cases.version }),
      this.events.length === 0 ? undefined : this.tx.insert(caseEvents).values(this.events),
      this.messages.length === 0
        ? []
        : this.tx
            .insert(outbox)
            .values(this.messages.map((m) => ({ topic: m.topic, payload: m.payload, createdAt })))
            .returning(),
    ]);
    if (updated.length === 0) {
      throw new ConflictError('case-version-conflict', `Case '${this.row.id}' changed while event was applied`, {
        caseId: this.row.id,
      });
    }
    this.row = { ...this.row, version: this.startVersion + 1, updatedAt: this.now };
    return outboxRows;
  }

  /** Queues a webhook delivery for each event of this unit the API key that filed the case subscribed to. */
  private async planWebhookDeliveries(): Promise<void> {
    const apiKeyId = this.row.filedByApiKey;
    if (apiKeyId === null) return;
    const notices = webhookNoticesOf(this.events);
    if (notices.length === 0) return;
    const messages = await planDeliveries(this.tx, { apiKeyId, caseId: this.row.id, occurredAt: this.now, notices });
    for (const message of messages) this.send(message);
  }

  /** The timer book's view of this unit. */
  timerContext(): TimerContext {
    return {
      tx: this.tx,
      now: this.now,
      caseId: this.row.id,
      calendar: this.context.calendar,
      send: (message) => this.send(message),
      unitOf: (timer) => this.unitOf(timer),
    };
  }

  /** Writes a notification of `kind` addressed to the department of `task`, in its jurisdiction. */
  async notifyDepartment(task: TaskRow, kind: string, message: string, payload: Record<string, unknown>): Promise<void> {
    const department = this.organisation.department(task.departmentId);
    await this.tx.insert(notifications).values({
      kind,
      jurisdictionId: department?.jurisdictionId ?? null,
      departmentId: task.departmentId,
      caseId: this.row.id,
      taskId: task.id,
      message,
      payload,
      createdAt: this.now,
    });
  }

  /** The task row of activation `activationId` of this case. */
  async task(activationId: string): Promise<TaskRow> {
    const [task] = await this.tx
      .select()
      .from(tasks)
      .where(and(eq(tasks.caseId, this.row.id), eq(tasks.activationId, activationId)));
    if (!task) throw new Error(`Case '${this.row.id}' has no task activation '${activationId}'`);
    return task;
  }

  private async unitOf(timer: TimerRow): Promise<SlaUnit> {
    if (timer.unit !== null) return timer.unit;
    if (timer.kind === 'caseAtRisk') return this.definition.definition.promisedSla?.unit ?? 'workingDay';
    const [task] = timer.taskId === null ? [] : await this.tx.select({ nodeId: tasks.nodeId }).from(tasks).where(eq(tasks.id, timer.taskId));
    const node = task ? this.userTask(task.nodeId) : undefined;
    const limit = timer.kind === 'taskAtRisk' ? node?.sla?.promised : node?.sla?.statutory;
    return limit?.unit ?? 'workingDay';
  }

  /**
   * Inserts the task rows of `created` (one statement), routed to their departments with their
   * deadlines counted from now, and arms their timers (one statement).
   */
  private async createTasks(created: readonly { taskId: string; nodeId: string; instance?: TaskInstance }[]): Promise<void> {
    if (created.length === 0) return;
    const assignees = await this.assigneesOf(created);
    const planned = created.map(({ taskId: activationId, nodeId, instance }) => {
      const node = this.userTask(nodeId);
      const kind = instance?.over === 'departments' ? instance.item : node.department;
      const department = this.organisation.routeTask(this.row.jurisdictionId, kind, node.level);
      const assignee = instance?.over === 'assignees' ? assignees.get(`${department.id}/${instance.item}`) : undefined;
      const id = randomUUID();
      const clocks = taskClocks(this.context.calendar, node.sla, this.now, { id, activationId });
      return {
        timers: clocks.timers,
        values: {
          id,
          caseId: this.row.id,
          activationId,
          nodeId,
          name: node.name,
          departmentId: department.id,
          candidateRole: node.candidateRole,
          status: assignee === undefined ? ('open' as const) : ('claimed' as const),
          assigneeId: assignee ?? null,
          claimedAt: assignee === undefined ? null : this.now,
          instance: instance ?? null,
          createdAt: this.now,
          ...clocks.columns,
        },
      };
    });
    const rows = await this.tx
      .insert(tasks)
      .values(planned.map((p) => p.values))
      .returning();
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const { values } of planned) {
      const row = byId.get(values.id) as TaskRow;
      this.createdTasks.push(row);
      this.record('task.created', taskCreatedPayload(row), row.id);
    }
    await armTimers(this.timerContext(), planned.flatMap((p) => p.timers));
  }

  /**
   * The users the assignee instances of `created` go to, by `<department id>/<username>`: a
   * countersignature over assignees names users of the task's department.
   */
  private async assigneesOf(created: readonly { nodeId: string; instance?: TaskInstance }[]): Promise<Map<string, string>> {
    const usernames = created.flatMap((c) => (c.instance?.over === 'assignees' ? [c.instance.item] : []));
    if (usernames.length === 0) return new Map();
    const found = await this.tx
      .select({ id: users.id, username: users.username, departmentId: users.departmentId })
      .from(users)
      .where(inArray(users.username, usernames));
    return new Map(found.map((u) => [`${u.departmentId}/${u.username}`, u.id]));
  }

  /**
   * Closes the task of `activationId` and cancels its timers in one round trip: the two statements
   * are sent together (they touch different rows, in either order). A task waiting for an added
   * signer closes that signer's task (`<activation>+sign<n>`) with it and cancels its timers too;
   * any other task costs no statement for it.
   */
  private async closeTask(activationId: string, reason: string): Promise<void> {
    const decided = this.completion?.activationId === activationId ? this.completion : undefined;
    const [[task]] = await Promise.all([
      this.tx
        .update(tasks)
        .set({
          status: reason === 'completed' ? 'completed' : 'closed',
          closeReason: reason,
          slaState: DECIDED_CLOSE_REASONS.includes(reason) ? sql`case when ${tasks.slaState} = 'overdue' then 'breached' else 'met' end` : 'cancelled',
          completedAt: this.now,
          ...(decided
            ? {
                outcome: decided.outcome,
                data: decided.data,
                comment: decided.comment,
                reason: decided.reason,
                ...(decided.assigneeId === null ? {} : { assigneeId: decided.assigneeId }),
              }
            : {}),
        })
        .where(and(eq(tasks.caseId, this.row.id), eq(tasks.activationId, activationId)))
        .returning(),
      cancelTimers(this.timerContext(), { taskActivationId: activationId }),
    ]);
    if (!task) throw new Error(`Case '${this.row.id}' has no task activation '${activationId}'`);
    this.closedTasks.push(task);
    this.record('task.closed', { nodeId: task.nodeId, activationId, reason, slaState: task.slaState }, task.id);
    if (task.signing?.role !== 'waiting') return;
    const signers = await this.tx
      .update(tasks)
      .set({ status: 'closed', closeReason: reason === 'completed' ? 'cancelled' : reason, slaState: 'cancelled', completedAt: this.now })
      .where(and(eq(tasks.caseId, this.row.id), sql`starts_with(${tasks.activationId}, ${`${activationId}+sign`})`, taskIsOpen))
      .returning();
    for (const signer of signers) {
      await cancelTimers(this.timerContext(), { taskId: signer.id });
      this.closedTasks.push(signer);
      this.record('task.closed', { nodeId: signer.nodeId, activationId: signer.activationId, reason: signer.closeReason, slaState: signer.slaState }, signer.id);
    }
  }

  /**
   * Records on a task closed at its statutory limit the outcome its department's silence counts
   * as (超时默认); a deemed approval accepts the case like a clerk's.
   */
  private async deem(activationId: string, outcome: 'approve' | 'reject'): Promise<void> {
    const [task] = await this.tx
      .update(tasks)
      .set({ outcome })
      .where(and(eq(tasks.caseId, this.row.id), eq(tasks.activationId, activationId)))
      .returning();
    if (!task) throw new Error(`Case '${this.row.id}' has no task activation '${activationId}'`);
    this.record('task.deemed', { nodeId: task.nodeId, activationId, outcome }, task.id);
    if (outcome === 'approve') await this.accept();
  }

  /**
   * Suspends the case for `reason` (补正, or a period the law does not count): every SLA clock is
   * paused with the time it had left. `activationId`: the task whose clerk ordered it, when one did.
   */
  private async suspend(reason: CaseSuspensionReason, nodeId: string | null, activationId: string | null): Promise<void> {
    this.update({ status: 'suspended', suspendedSince: this.now, suspensionReason: reason });
    const paused = await pauseTimers(this.timerContext());
    const task = activationId === null ? null : await this.task(activationId);
    this.record(
      'case.suspended',
      {
        reason,
        nodeId,
        activationId,
        pausedTimers: paused.map((t) => ({ id: t.id, kind: t.kind, remainingMinutes: t.remainingMinutes })),
      },
      task?.id ?? null,
    );
  }

  private async resume(): Promise<void> {
    const { suspendedSince, suspensionReason } = this.row;
    this.update({ status: 'active', suspendedSince: null, suspensionReason: null });
    const resumed = await resumeTimers(this.timerContext());
    await this.holdDeadlines(resumed.map(({ timer }) => timer));
    this.record('case.resumed', {
      reason: suspensionReason,
      suspendedFrom: suspendedSince?.toISOString() ?? null,
      suspendedTo: this.now.toISOString(),
      timers: resumed.map(({ previous, timer }) => ({
        previous: previous.id,
        id: timer.id,
        kind: timer.kind,
        remainingMinutes: previous.remainingMinutes,
        dueAt: timer.dueAt?.toISOString() ?? null,
      })),
    });
    await deliverDeferred(this);
    await deliverDeferredSubCases(this);
  }

  /**
   * Counts the case's live deadlines again on its calendar as it is now (a holiday notice loaded,
   * an adjustment changed): timers re-armed where a deadline moved, the task and case columns
   * updated, and `case.deadlinesRecounted` recorded with `cause` (which change of the calendar)
   * when anything changed. Returns how many timers changed.
   */
  async recountDeadlines(cause: string): Promise<number> {
    const recounted = await recountTimers(this.timerContext());
    if (recounted.length === 0) return 0;
    await this.holdDeadlines(recounted.map(({ timer }) => timer));
    this.record('case.deadlinesRecounted', {
      calendar: this.row.calendarKey,
      cause,
      timers: recounted.map(({ previous, timer }) => ({
        previous: previous.id,
        id: timer.id,
        kind: timer.kind,
        taskId: timer.taskId,
        previousDueAt: previous.dueAt?.toISOString() ?? null,
        dueAt: timer.dueAt?.toISOString() ?? null,
        provisional: timer.provisional,
        ...(timer.status === 'paused' ? { remainingMinutes: timer.remainingMinutes } : {}),
      })),
    });
    return recounted.length;
  }

  /**
   * Writes the deadlines of re-armed or recounted `timers` where they are shown: a task's
   * `atRiskAt` / `dueAt` and its provisional flag, the case's `promisedDueAt`.
   */
  private async holdDeadlines(changed: readonly TimerRow[]): Promise<void> {
    for (const timer of changed) {
      if (timer.kind === 'caseAtRisk') this.update({ promisedDueAt: timer.dueAt });
      else if (timer.taskId !== null && (timer.kind === 'taskAtRisk' || timer.kind === 'taskBreach')) {
        const column = timer.kind === 'taskAtRisk' ? { atRiskAt: timer.dueAt } : { dueAt: timer.dueAt };
        await this.tx
          .update(tasks)
          .set({ ...column, provisional: await taskDeadlineProvisional(this.timerContext(), timer.taskId) })
          .where(eq(tasks.id, timer.taskId));
      }
    }
  }

  private async finish(result: string, nodeId: string): Promise<void> {
    const late = this.row.promisedDueAt !== null && this.now.getTime() > this.row.promisedDueAt.getTime();
    const resultReason = (this.row.snapshot.context as Partial<CaseContext> | undefined)?.resultReason ?? null;
    this.update({
      status: 'completed',
      result,
      resultReason,
      completedAt: this.now,
      suspendedSince: null,
      suspensionReason: null,
      slaState: late || this.row.slaState === 'atRisk' ? 'breached' : 'met',
    });
    await cancelTimers(this.timerContext());
    await cancelInvocations(this);
    await notifyParent(this);
    const open = await this.tx
      .update(tasks)
      .set({ status: 'closed', closeReason: 'cancelled', slaState: 'cancelled', completedAt: this.now })
      .where(and(eq(tasks.caseId, this.row.id), inArray(tasks.status, [...OPEN])))
      .returning({ id: tasks.id });
    this.record('case.completed', { result, reason: resultReason, nodeId, closedTasks: open.map((t) => t.id) });
  }
}

/** The ids of the service invocations a snapshot's case waits for (engine context `services`, status `running`). */
function runningServices(snapshot: Record<string, unknown>): string[] {
  const services = (snapshot.context as Partial<CaseContext> | undefined)?.services ?? {};
  return Object.values(services).flatMap((s) => (s.status === 'running' ? [s.serviceId] : []));
}

/** Maps an engine refusal to the Tongban error the API answers with; anything else passes through. */
function translateEngineError(error: unknown, caseId: string): unknown {
  if (!isEngineError(error)) return error;
  const message = error.message;
  switch (error.code) {
    case 'outcome-not-offered':
      return new InvalidInputError('outcome-not-offered', message, { field: 'outcome', reason: message });
    case 'return-target-required':
    case 'return-target-not-offered':
      return new InvalidInputError(error.code, message, { field: 'returnTo', reason: message });
    case 'reason-required':
      return new InvalidInputError('reason-required', message, { field: 'reason', reason: 'required' });
    case 'invalid-suspension-reason':
      return new InvalidInputError('invalid-suspension-reason', message, { field: 'reason', reason: 'not-in-list' });
    case 'suspension-mismatch':
    case 'timer-not-pending':
      return new ConflictError(error.code, message, { caseId });
    case 'sub-case-not-active':
    case 'service-not-active':
      return new ConflictError(error.code, message, { caseId });
    case 'signer-refused':
      return (error as unknown as { rule: string }).rule === 'not-countersign'
        ? new ConflictError('not-countersign', message, { caseId })
        : new InvalidInputError('signer-refused', message, { field: 'signers', reason: (error as unknown as { rule: string }).rule });
    case 'extension-refused':
      return extensionRefusal(error as unknown as { rule: string; taskId: string }, message);
    case 'task-not-active':
      return new ConflictError('task-not-open', message, { caseId });
    case 'case-suspended':
    case 'case-not-suspended':
    case 'case-completed':
      return new ConflictError(error.code, message, { caseId });
    default:
      return error;
  }
}

/** The Tongban error of a refused extension, by the rule it broke. */
function extensionRefusal(error: { rule: string; taskId: string }, message: string): TongbanError {
  const details = { taskId: error.taskId, rule: error.rule };
  switch (error.rule) {
    case 'cap-exceeded':
    case 'amount-not-whole':
      return new InvalidInputError('extension-refused', message, { field: 'amount', reason: error.rule, ...details });
    case 'reason-missing':
      return new InvalidInputError('extension-refused', message, { field: 'reason', reason: error.rule, ...details });
    case 'wrong-approver':
      return new ForbiddenError('extension-approver-required', message, details);
    default:
      return new ConflictError(`extension-${error.rule}`, message, details);
  }
}
