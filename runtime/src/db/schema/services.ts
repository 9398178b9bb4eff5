import type { InferSelectModel } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { users } from './organisation.ts';

/**
 * States of a service invocation: `queued` (a job for `attempt` is, or should be, on the services
 * queue), `retryWait` (a `serviceRetry` timer queues the next attempt), `succeeded`, `failed` (its
 * last attempt failed: an incident is open), `cancelled` (the case left the serviceTask).
 */
export const invocationStatuses = ['queued', 'retryWait', 'succeeded', 'failed', 'cancelled'] as const;
export type InvocationStatus = (typeof invocationStatuses)[number];

/**
 * One serviceTask activation's call of a service: the truth behind its BullMQ jobs. A job's id is
 * `<id>.a<attempt>`, so no attempt reuses an id (pitfalls B16); the id itself is handed to the
 * handler as the invocation's idempotency key.
 */
export const serviceInvocations = pgTable(
  'service_invocations',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    nodeId: text('node_id').notNull(),
    /** The engine's id of the serviceTask activation, unique in its case. */
    activationId: text('activation_id').notNull(),
    service: text('service').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: invocationStatuses }).notNull(),
    /** The attempt queued, waited for or last made (1 for the first). */
    attempt: integer('attempt').notNull(),
    /** Attempts allowed before the invocation fails; a retry from its incident allows one more. */
    maxAttempts: integer('max_attempts').notNull(),
    /** Delay before the first retry, ms. */
    backoffMs: integer('backoff_ms').notNull(),
    /** `exponential`: each later retry waits twice as long as the one before; `fixed`: as long. */
    backoffType: text('backoff_type', { enum: ['fixed', 'exponential'] }).notNull().default('exponential'),
    lastError: text('last_error'),
    /** The data the handler answered, on success. */
    result: jsonb('result').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Wall-clock instant the current attempt was queued: the sweeper re-queues attempts left behind. */
    queuedAt: timestamp('queued_at', { withTimezone: true }),
    /**
     * When the outcome was handed to the case (engine event `service.succeeded` or `service.failed`);
     * null while it runs, and while a suspended case holds it back until it resumes.
     */
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('service_invocations_case_activation_idx').on(t.caseId, t.activationId),
    index('service_invocations_status_idx').on(t.status, t.queuedAt),
  ],
);
export type ServiceInvocationRow = InferSelectModel<typeof serviceInvocations>;

export const incidentStatuses = ['open', 'resolved'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

/**
 * What an incident is about: `service`, a service task whose invocation failed after its last
 * attempt; `feel`, a FEEL expression (a gateway condition, a multi-instance collection) whose
 * evaluation exceeded its time or memory budget, so the step that needed it did not happen.
 */
export const incidentKinds = ['service', 'feel'] as const;
export type IncidentKind = (typeof incidentKinds)[number];

/**
 * An incident (DESIGN.md §2). Kind `service`: a service task whose invocation failed after its
 * last attempt, open until a retry (a new invocation of the node) succeeds; `invocationId` is the
 * latest failed invocation, one open incident per invocation at most. Kind `feel`: the FEEL
 * `expression` of edge `edgeId` (or of the multi-instance task `nodeId`) exceeded its budget;
 * `attempts` counts the steps it stopped, one open incident per case and expression at most; it is
 * resolved by the next step of the case that succeeds.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: incidentKinds }).notNull().default('service'),
    nodeId: text('node_id').notNull(),
    /** Kind `service`: the latest failed invocation and its service; null for kind `feel`. */
    invocationId: text('invocation_id').references(() => serviceInvocations.id),
    service: text('service'),
    /** Kind `feel`: the edge whose condition it is (null for a multi-instance collection) and the expression. */
    edgeId: text('edge_id'),
    expression: text('expression'),
    /** The error of the last failed attempt. */
    error: text('error').notNull(),
    /** Attempts made so far. */
    attempts: integer('attempts').notNull(),
    status: text('status', { enum: incidentStatuses }).notNull(),
    /** Retries asked for through the API. */
    retries: integer('retries').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    retriedAt: timestamp('retried_at', { withTimezone: true }),
    retriedBy: text('retried_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    index('incidents_status_created_idx').on(t.status, t.createdAt),
    index('incidents_case_idx').on(t.caseId),
    uniqueIndex('incidents_open_invocation_idx').on(t.invocationId).where(sql`${t.status} = 'open'`),
    uniqueIndex('incidents_open_expression_idx').on(t.caseId, t.expression).where(sql`${t.status} = 'open' and ${t.kind} = 'feel'`),
  ],
);
export type IncidentRow = InferSelectModel<typeof incidents>;
