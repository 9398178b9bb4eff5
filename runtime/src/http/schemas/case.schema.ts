import { z } from '@hono/zod-openapi';
import { caseStatuses, caseSuspensionReasons, handoffKinds, slaStates, taskStatuses } from '../../db/schema/index.ts';
import { idParamSchema } from './common.schema.ts';
import { applicantSchema } from './applicant.schema.ts';
import { DATA_LIMITS, DOCUMENT_LIMITS, freeFormObject } from './free-form.schema.ts';
import { nullableTimestampSchema, timestampSchema } from './timestamp.schema.ts';
import { workflowKeyParamSchema } from './definition.schema.ts';

const jsonObject = z.record(z.string(), z.unknown());

/** One item of a 补正: a field of the application or a document, with a note (行政许可法 art. 32). */
export const supplementItemSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('field'),
      field: z.string().min(1).max(200).openapi({ description: 'A field of the application (a key of the workflow’s `dataSchema`)', example: 'address' }),
      note: z.string().min(1).max(1000).openapi({ example: '须写明门牌号' }),
    }),
    z.strictObject({
      kind: z.literal('document'),
      document: z.string().min(1).max(500).openapi({ description: 'The document to hand in', example: '经营场所平面布局图' }),
      note: z.string().min(1).max(1000),
    }),
  ])
  .openapi('SupplementItem');

/** The 补正 asked on a task activation (at most one) and its answer. */
export const supplementRequestSchema = z
  .object({
    items: z.array(supplementItemSchema),
    requestedBy: z.string().nullable(),
    requestedAt: z.string().openapi({ format: 'date-time' }),
    answeredAt: z.string().optional().openapi({ format: 'date-time' }),
    answeredBy: z.string().nullable().optional(),
    channel: z.enum(['portal', 'window']).optional().openapi({ description: '`portal` (the API key) or `window` (recorded by a service-hall clerk)' }),
  })
  .openapi('SupplementRequestRecord');

/** A case as the API shows it: every column but the engine snapshot. */
export const caseSchema = z
  .object({
    id: z.string(),
    caseNumber: z.string().openapi({ description: 'The number a person reads: prefix, year of filing, sequence', example: 'SH-2026-000123' }),
    definitionKey: z.string(),
    definitionVersion: z.number().int(),
    jurisdictionId: z.string(),
    calendarKey: z.string().openapi({ description: 'The business calendar its working time is counted on: its jurisdiction’s when it was filed' }),
    applicant: jsonObject,
    data: jsonObject,
    status: z.enum(caseStatuses),
    result: z.string().nullable(),
    version: z.number().int(),
    idempotencyKey: z.string().nullable(),
    createdBy: z.string().nullable(),
    filedByApiKey: z.string().nullable().openapi({ description: 'The stable id (not the key) of the intake API key that filed it' }),
    createdAt: timestampSchema,
    acceptedAt: nullableTimestampSchema,
    completedAt: nullableTimestampSchema,
    updatedAt: timestampSchema,
    suspendedSince: nullableTimestampSchema,
    suspensionReason: z
      .enum(caseSuspensionReasons)
      .nullable()
      .openapi({ description: '`supplement` (补正), or a period the law does not count (行政许可法 art. 45)' }),
    resultReason: z.string().nullable().openapi({ description: 'Why the case ended as it did (a refusal, a withdrawal)' }),
    promisedDueAt: nullableTimestampSchema,
    slaState: z.enum(slaStates),
    parentCaseId: z.string().nullable().openapi({ description: 'For a sub-case: the case whose call activity started it' }),
    parentNodeId: z.string().nullable().openapi({ description: 'For a sub-case: that call activity' }),
    parentSubCaseId: z.string().nullable(),
    parentNotifiedAt: nullableTimestampSchema.openapi({ description: 'For a sub-case that ended: when its parent was told' }),
  })
  .openapi('Case');

/** One userTask activation. */
export const taskSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    activationId: z.string(),
    nodeId: z.string(),
    name: z.string(),
    departmentId: z.string(),
    candidateRole: z.string(),
    status: z.enum(taskStatuses),
    assigneeId: z.string().nullable(),
    outcome: z.string().nullable(),
    data: jsonObject.nullable(),
    comment: z.string().nullable(),
    reason: z.string().nullable().openapi({ description: 'Why the clerk chose the outcome (a rejection, a return)' }),
    closeReason: z.string().nullable(),
    createdAt: timestampSchema,
    claimedAt: nullableTimestampSchema,
    completedAt: nullableTimestampSchema,
    atRiskAt: nullableTimestampSchema.openapi({ description: 'When the promised limit passes (atRisk)' }),
    dueAt: nullableTimestampSchema.openapi({ description: 'When the statutory limit passes (overdue)' }),
    provisional: z.boolean().openapi({ description: 'The due date crosses a year whose holiday notice is not loaded' }),
    slaState: z.enum(slaStates),
    escalatedAt: nullableTimestampSchema,
    extension: z
      .object({
        amount: z.number(),
        unit: z.string(),
        reason: z.string(),
        status: z.enum(['requested', 'approved', 'refused']),
        approverRole: z.string(),
        requestedBy: z.string().nullable(),
        requestedAt: z.string().openapi({ format: 'date-time' }),
        approvedBy: z.string().nullable().optional(),
        approvedAt: z.string().optional().openapi({ format: 'date-time' }),
        refusedBy: z.string().nullable().optional(),
        refusedAt: z.string().optional().openapi({ format: 'date-time' }),
        refusalReason: z.string().optional(),
        previousDueAt: z.string().nullable().optional().openapi({ format: 'date-time' }),
        dueAt: z.string().optional().openapi({ format: 'date-time' }),
      })
      .nullable()
      .openapi({ description: 'The extension of the statutory limit asked for on this activation (行政许可法 art. 42), if any' }),
    instance: z
      .object({ over: z.enum(['departments', 'assignees']), item: z.string(), index: z.number().int(), of: z.number().int() })
      .nullable()
      .openapi({ description: 'For one task of a countersignature (会签): which of how many, going to which department kind or assignee' }),
    ownerId: z.string().nullable().openapi({ description: 'The first handler of a task transferred or delegated since: kept through every later hand-off' }),
    delegation: z
      .object({ from: z.string(), to: z.string(), reason: z.string(), at: z.string().openapi({ format: 'date-time' }) })
      .nullable()
      .openapi({ description: 'The delegation (委派) under way: the delegatee (`to`, the assignee meanwhile) may only resolve it back to `from`, who completes' }),
    supplementRequest: supplementRequestSchema.nullable().openapi({ description: 'The 补正 asked on this activation (at most one) and its answer' }),
    signing: z
      .object({
        role: z.enum(['signer', 'after', 'waiting']),
        position: z.enum(['before', 'after']),
        parentTaskId: z.string().optional(),
        signerId: z.string().optional(),
        signerTaskId: z.string().optional(),
        by: z.string(),
        reason: z.string(),
        at: z.string().openapi({ format: 'date-time' }),
        decision: z.object({ outcome: z.string() }).passthrough().optional(),
      })
      .nullable()
      .openapi({
        description:
          'A signer added to a single task (加签): on the signer’s task (`signer`, holding `parentTaskId`), on a task whose assignee decides before signer `signerId` (`after`), or on a task held until its signer’s task `signerTaskId` is approved (`waiting`, with the assignee’s held `decision` when the signer acts after them)',
      }),
    handoffs: z
      .array(
        z.object({
          kind: z.enum(handoffKinds),
          by: z.string().nullable(),
          from: z.string().nullable(),
          to: z.string().nullable(),
          fromDepartmentId: z.string(),
          toDepartmentId: z.string(),
          reason: z.string().nullable(),
          at: z.string().openapi({ format: 'date-time' }),
        }),
      )
      .openapi({ description: 'The chain of handlers: every transfer, delegation, resolution, unclaim and reassignment, oldest first' }),
  })
  .openapi('Task');

/** A task with the time its statutory limit has left (case detail, inbox). */
export const taskViewSchema = taskSchema
  .extend({
    minutesLeft: z.number().nullable().openapi({
      description:
        'Minutes the statutory limit has left on the runtime clock (working minutes for working units); negative when overdue; null without a limit, once closed, or when more than a century of working time lies between the limit and the clock (a virtual clock moved past the countable range by an older version)',
    }),
    suspended: z.boolean().openapi({ description: 'The case waits for a supplement: the task cannot be completed' }),
  })
  .openapi('TaskView');

/** One entry of a case's audit trail. */
export const caseEventSchema = z
  .object({
    id: z.number().int(),
    caseId: z.string(),
    type: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable().openapi({ description: 'The display name of the user who acted; null for the system' }),
    taskId: z.string().nullable(),
    payload: jsonObject,
    at: timestampSchema,
  })
  .openapi('CaseEvent');

/** The detail of a case: tasks with time left, timeline, active nodes, the case-level clock. */
export const caseDetailSchema = z
  .object({
    case: caseSchema,
    definition: z.object({ key: z.string(), version: z.number().int(), name: z.string() }),
    tasks: z.array(taskViewSchema),
    timeline: z.array(caseEventSchema),
    activeNodes: z.array(z.string()),
    sla: z.object({
      acceptedAt: nullableTimestampSchema,
      promisedDueAt: nullableTimestampSchema,
      slaState: z.enum(slaStates),
      minutesLeft: z.number().nullable(),
    }),
  })
  .openapi('CaseDetail');

/** `POST /cases`: an application. */
export const createCaseBodySchema = z
  .strictObject({
    definitionKey: workflowKeyParamSchema,
    jurisdiction: idParamSchema.openapi({ example: 'sh-huangpu-nanjing-east' }),
    applicant: applicantSchema.openapi({ example: { name: '张三', phone: '13800000000', idType: 'residentIdCard', idNumber: '310101199001011234' } }),
    data: freeFormObject(DATA_LIMITS, "The application, checked against the workflow's `dataSchema`: a key it does not declare is refused (400 `invalid-case-data`, `details.reason` `unknown-field`, `details.field` `data.<key>`)"),
  })
  .openapi('CreateCaseRequest');

/** A document handed in: its name or reference, or a small record describing it. */
const documentSchema = z.union([z.string().min(1).max(500), freeFormObject(DOCUMENT_LIMITS, 'A document described as a small record')]);

/** `POST /cases/{id}/supplement`: what the applicant supplies after a 补正. */
export const supplementBodySchema = z
  .strictObject({
    data: freeFormObject(DATA_LIMITS, "What the 补正 asked for; merged into the case data, checked against the workflow's `dataSchema`"),
    documents: z.array(documentSchema).max(100).optional().openapi({ description: 'At most 100: names or references (at most 500 characters), or small records' }),
  })
  .openapi('SupplementRequest');

/** `GET /intake/cases/{id}`: a case as the applicant's portal reads it (its public face). */
export const publicCaseSchema = z
  .object({
    id: z.string(),
    caseNumber: z.string().openapi({ example: 'SH-2026-000123' }),
    workflow: z.object({ key: z.string(), name: z.string() }),
    status: z.enum(caseStatuses),
    suspension: z
      .object({ reason: z.enum(caseSuspensionReasons), since: nullableTimestampSchema })
      .nullable()
      .openapi({ description: 'Why the case waits (`supplement`: a 补正) and since when; null while it runs' }),
    filedAt: timestampSchema,
    acceptedAt: nullableTimestampSchema.openapi({ description: 'When it was accepted (受理); null until then' }),
    promisedDueAt: nullableTimestampSchema,
    currentSteps: z
      .array(z.object({ name: z.string(), dueAt: nullableTimestampSchema }))
      .openapi({ description: 'The steps the case is at, by their public names, with their statutory due dates' }),
    supplement: z
      .object({
        requestedAt: z.string().openapi({ format: 'date-time' }),
        items: z.array(supplementItemSchema),
        answeredAt: z.string().nullable().openapi({ format: 'date-time' }),
      })
      .nullable()
      .openapi({ description: 'The latest 补正: what it asks for, and when it was answered' }),
    result: z.string().nullable(),
    resultReason: z.string().nullable(),
    completedAt: nullableTimestampSchema,
  })
  .openapi('PublicCase');
