import type { InferSelectModel } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { departments, jurisdictions, users } from './organisation.ts';

export const caseStatuses = ['active', 'suspended', 'completed'] as const;

/**
 * Why a case is suspended: `supplement` (补正, the applicant owes documents) or one of the periods
 * 行政许可法 art. 45 does not count (the engine's `suspensionReasons`; a test keeps the two lists equal).
 */
export const caseSuspensionReasons = ['supplement', 'hearing', 'testing', 'inspection', 'expertReview', 'appraisal'] as const;
export type CaseSuspensionReason = (typeof caseSuspensionReasons)[number];
/**
 * SLA states: of an open task or case `onTrack`, `atRisk` (past its promised limit), `overdue`
 * (past its statutory limit); of a closed one `met` or `breached` when it was decided (or closed
 * at its limit), `cancelled` when it was closed undecided (parallel work a return cancelled, a
 * withdrawal, a removed signer): counted neither met nor breached.
 */
export const slaStates = ['onTrack', 'atRisk', 'overdue', 'met', 'breached', 'cancelled'] as const;
export type SlaState = (typeof slaStates)[number];

/** One application being handled, pinned to the definition version it started on. */
export const cases = pgTable(
  'cases',
  {
    id: text('id').primaryKey(),
    /** The number a person reads, `<prefix>-<year of filing>-<sequence>` (e.g. `SH-2026-000123`); see `case-number.ts`. */
    caseNumber: text('case_number').notNull(),
    definitionKey: text('definition_key').notNull(),
    definitionVersion: integer('definition_version').notNull(),
    jurisdictionId: text('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id),
    /** The business calendar its working time is counted on: its jurisdiction's when filed. */
    calendarKey: text('calendar_key').notNull(),
    applicant: jsonb('applicant').$type<Record<string, unknown>>().notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: caseStatuses }).notNull(),
    result: text('result'),
    /** The engine snapshot, as a JSON object (never a JSON string). */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    /** Bumped on every applied event: optimistic check beside the row lock. */
    version: integer('version').notNull().default(0),
    idempotencyKey: text('idempotency_key'),
    /** Who sent the idempotency key (`user:<id>` or `apiKey:<id>`): keys of different callers never meet. */
    idempotencyScope: text('idempotency_scope'),
    /** SHA-256 (hex) of the canonical JSON of the application the key first came with. */
    idempotencyFingerprint: text('idempotency_fingerprint'),
    createdBy: text('created_by'),
    /** The id of the intake API key that filed the case (not the key), when one did: the portal reads back only its own cases, and its webhooks hear of them; null when a user filed it. */
    filedByApiKey: text('filed_by_api_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    suspendedSince: timestamp('suspended_since', { withTimezone: true }),
    /** Why the case is suspended: `supplement` (补正) or a period the law does not count (行政许可法 art. 45). */
    suspensionReason: text('suspension_reason', { enum: caseSuspensionReasons }),
    /** Why the case ended as it did, when a reason was given (a refusal, a withdrawal). */
    resultReason: text('result_reason'),
    /** Due instant of the case's promised total (承诺时限), when the definition has one. */
    promisedDueAt: timestamp('promised_due_at', { withTimezone: true }),
    slaState: text('sla_state', { enum: slaStates }).notNull().default('onTrack'),
    /** For a sub-case: the case whose call activity started it, and that node. */
    parentCaseId: text('parent_case_id').references((): AnyPgColumn => cases.id),
    parentNodeId: text('parent_node_id'),
    /** For a sub-case: the engine's id of it in the parent (`<parent>/<node>#<n>`), sent back when it ends. */
    parentSubCaseId: text('parent_sub_case_id'),
    /** For a sub-case that ended: when the parent was told (null while a suspended parent holds it back). */
    parentNotifiedAt: timestamp('parent_notified_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('cases_case_number_idx').on(t.caseNumber),
    index('cases_filed_by_api_key_idx').on(t.filedByApiKey),
    uniqueIndex('cases_idempotency_scope_key_idx')
      .on(t.idempotencyScope, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    index('cases_jurisdiction_status_idx').on(t.jurisdictionId, t.status),
    index('cases_definition_idx').on(t.definitionKey, t.definitionVersion),
    index('cases_parent_idx').on(t.parentCaseId),
  ],
);
export type CaseRow = InferSelectModel<typeof cases>;

/**
 * The last sequence number given per case-number prefix and year of filing: a case number is
 * drawn by one upsert that increments it (`case-number.ts`), so concurrent filings never share one.
 */
export const caseNumberCounters = pgTable(
  'case_number_counters',
  {
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year] })],
);

export const taskStatuses = ['open', 'claimed', 'completed', 'closed'] as const;

/**
 * An extension of a task's statutory limit: asked for by its clerk with a reason the applicant is
 * told, approved or refused (with a reason) by a user holding `approverRole`. `amount` counts in `unit`, the limit's unit.
 */
export interface TaskExtensionRecord {
  amount: number;
  unit: string;
  reason: string;
  status: 'requested' | 'approved' | 'refused';
  approverRole: string;
  requestedBy: string | null;
  requestedAt: string;
  approvedBy?: string | null;
  approvedAt?: string;
  /** Who refused it, when, and why (the clerk is told). */
  refusedBy?: string | null;
  refusedAt?: string;
  refusalReason?: string;
  /** The statutory deadline before and after the extension (ISO 8601), once approved. */
  previousDueAt?: string | null;
  dueAt?: string;
}
export type TaskStatus = (typeof taskStatuses)[number];

/** What moved a task from one handler to another (DESIGN.md §2: owner / assignee / delegatee). */
export const handoffKinds = ['transfer', 'delegate', 'resolve', 'unclaim', 'reassign', 'addSigner', 'signerApproved', 'removeSigner'] as const;
export type HandoffKind = (typeof handoffKinds)[number];

/**
 * One link of a task's chain of handlers: who moved it (`by`), from whom (`from`, the assignee
 * before, null when unclaimed) to whom (`to`, a user, or null when it went back to a department's
 * queue), to which department (`toDepartmentId`, for a transfer to a department), why, and when
 * (ISO 8601). Appended, never rewritten.
 */
export interface TaskHandoff {
  kind: HandoffKind;
  by: string | null;
  from: string | null;
  to: string | null;
  fromDepartmentId: string;
  toDepartmentId: string;
  reason: string | null;
  at: string;
}

/**
 * One thing a 补正 asks for (行政许可法 art. 32: everything missing, told at once): a field of the
 * application (a key of the workflow's `dataSchema`) or a document, with a note saying what is wrong or wanted.
 */
export type SupplementItem = { kind: 'field'; field: string; note: string } | { kind: 'document'; document: string; note: string };

/**
 * The 补正 asked for on one task activation (at most one, 一次性告知): the items, who asked and when
 * (ISO 8601), and, once supplied, when, by whom and through which channel (`portal`: the API key;
 * `window`: a clerk recorded what was handed in at the service hall).
 */
export interface SupplementRequestRecord {
  items: SupplementItem[];
  requestedBy: string | null;
  requestedAt: string;
  answeredAt?: string;
  answeredBy?: string | null;
  channel?: 'portal' | 'window';
}

/** A delegation (委派) under way: the delegatee (`to`, the assignee meanwhile) resolves it back to `from`, who completes. */
/** The decision of a task's assignee held until the signer added after them approves (向后加签). */
export interface HeldDecision {
  outcome: string;
  data?: Record<string, unknown>;
  comment?: string | null;
  reason?: string;
  returnTo?: string;
}

/**
 * A signer added to a single task (加签), who / why / when (ISO 8601) on each row it touches:
 * - `signer`: the signer's task, naming the task it holds (`parentTaskId`);
 * - `after`: a task whose assignee decides first, then signer `signerId` approves (向后加签);
 * - `waiting`: a task held until its signer's task (`signerTaskId`) is approved: before its
 *   assignee decides (向前加签), or after, with the assignee's `decision` kept until then.
 */
export type TaskSigning =
  | { role: 'signer'; position: SignerPosition; parentTaskId: string; by: string; reason: string; at: string }
  | { role: 'after'; position: 'after'; signerId: string; by: string; reason: string; at: string }
  | { role: 'waiting'; position: SignerPosition; signerTaskId: string; by: string; reason: string; at: string; decision?: HeldDecision };

/** Where an added signer acts: before the assignee decides, or after. */
export type SignerPosition = 'before' | 'after';

export interface TaskDelegation {
  from: string;
  to: string;
  reason: string;
  at: string;
}

/** One userTask activation in a case. `activationId` is the engine's task id, unique in its case. */
export const tasks = pgTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    activationId: text('activation_id').notNull(),
    nodeId: text('node_id').notNull(),
    name: text('name').notNull(),
    departmentId: text('department_id')
      .notNull()
      .references(() => departments.id),
    candidateRole: text('candidate_role').notNull(),
    status: text('status', { enum: taskStatuses }).notNull(),
    assigneeId: text('assignee_id').references(() => users.id),
    outcome: text('outcome'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    comment: text('comment'),
    /** Why the clerk chose the outcome: required for a rejection or a return (schema version 2). */
    reason: text('reason'),
    closeReason: text('close_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Promised limit (warning). */
    atRiskAt: timestamp('at_risk_at', { withTimezone: true }),
    /** Statutory limit (breach). */
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** A due date crossing a year whose holiday notice is not loaded. */
    provisional: boolean('provisional').notNull().default(false),
    slaState: text('sla_state', { enum: slaStates }).notNull().default('onTrack'),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    /** The extension of the statutory limit asked for on this activation (one at most, 行政许可法 art. 42). */
    extension: jsonb('extension').$type<TaskExtensionRecord>(),
    /**
     * For one task of a countersignature (会签): the `index`-th of `of`, going to `item` (a
     * department kind, or the username of its assignee).
     */
    instance: jsonb('instance').$type<{ over: 'departments' | 'assignees'; item: string; index: number; of: number }>(),
    /** The first handler of a task that was transferred or delegated: kept through every later hand-off. */
    ownerId: text('owner_id').references(() => users.id),
    /** The delegation under way (委派), null when none: only its delegatee acts, and only to resolve it. */
    delegation: jsonb('delegation').$type<TaskDelegation>(),
    /** For an instance added to a countersignature (加签): the user who added it (who may remove it, 减签). */
    addedBy: text('added_by').references(() => users.id),
    /** A signer added before the assignee of a single task (向前加签): on the signer's task and on the task it holds. */
    signing: jsonb('signing').$type<TaskSigning>(),
    /** The 补正 asked for on this activation, and its answer; null when none was. */
    supplementRequest: jsonb('supplement_request').$type<SupplementRequestRecord>(),
    /** The chain of handlers: every transfer, delegation, resolution, unclaim and reassignment, in order. */
    handoffs: jsonb('handoffs').$type<TaskHandoff[]>().notNull().default([]),
  },
  (t) => [
    uniqueIndex('tasks_case_activation_idx').on(t.caseId, t.activationId),
    index('tasks_inbox_idx').on(t.departmentId, t.status, t.dueAt),
    index('tasks_sla_idx').on(t.slaState, t.dueAt),
    index('tasks_case_idx').on(t.caseId),
    index('tasks_assignee_idx').on(t.assigneeId, t.status),
    // The open-task lists page through these in their order (soonest statutory limit first), so a
    // first page reads its rows and stops; the queries spell the status condition out as written
    // here. The last column is what the list filters on besides, so that a page's total is
    // counted from the index alone (on pages VACUUM has marked all-visible).
    index('tasks_open_sla_idx')
      .on(t.slaState, t.dueAt, t.id, t.departmentId)
      .where(sql`status in ('open', 'claimed')`),
    index('tasks_open_inbox_idx')
      .on(t.departmentId, t.dueAt, t.createdAt, t.id, t.candidateRole)
      .where(sql`status in ('open', 'claimed')`),
    // The inbox's other part: open tasks assigned to the viewer outside their department's candidate tasks.
    index('tasks_open_assignee_idx')
      .on(t.assigneeId, t.dueAt, t.createdAt, t.id, t.departmentId, t.candidateRole)
      .where(sql`status in ('open', 'claimed')`),
  ],
);
export type TaskRow = InferSelectModel<typeof tasks>;

/**
 * The condition "the task is open or claimed", written as the open-task indexes' predicate so the
 * planner can use them whatever plan a prepared statement gets (a parameter list would not match).
 */
export const taskIsOpen = sql`${tasks.status} in ('open', 'claimed')`;

/** Append-only audit of a case: who did what, when, with what payload. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    type: text('type').notNull(),
    actorId: text('actor_id'),
    taskId: text('task_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.id)],
);
export type CaseEventRow = InferSelectModel<typeof caseEvents>;

/**
 * A copy of a case for a user who only reads it (抄送), sent from one of its tasks; `readAt` is
 * set the first time the recipient marks it read. One row per case and recipient.
 */
export const caseCopies = pgTable(
  'case_copies',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    copiedBy: text('copied_by').references(() => users.id),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('case_copies_case_user_idx').on(t.caseId, t.userId), index('case_copies_user_idx').on(t.userId, t.createdAt)],
);
export type CaseCopyRow = InferSelectModel<typeof caseCopies>;
