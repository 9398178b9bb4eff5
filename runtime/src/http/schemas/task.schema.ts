import { z } from '@hono/zod-openapi';
import { caseSchema, supplementItemSchema, taskSchema, taskViewSchema } from './case.schema.ts';
import { idParamSchema } from './common.schema.ts';
import { DATA_LIMITS, freeFormObject } from './free-form.schema.ts';

const jsonObject = z.record(z.string(), z.unknown());

/** A task in the inbox, with the time its statutory limit has left and what the clerk needs of its case. */
export const inboxItemSchema = taskViewSchema
  .extend({
    case: z.object({
      id: z.string(),
      definitionKey: z.string(),
      definitionVersion: z.number().int(),
      caseNumber: z.string().openapi({ example: 'SH-2026-000123' }),
      jurisdictionId: z.string(),
      status: z.string().openapi({ description: '`active`, `suspended` or `completed`' }),
      applicant: jsonObject,
    }),
  })
  .openapi('InboxItem');

/** A task with the number a person reads of its case (已办, extension requests). */
export const taskWithCaseNumberSchema = taskSchema
  .extend({ caseNumber: z.string().openapi({ example: 'SH-2026-000123' }) })
  .openapi('TaskWithCaseNumber');

/** `POST /tasks/{id}/complete`: the clerk's decision. */
export const completeTaskBodySchema = z
  .strictObject({
    outcome: z
      .string()
      .min(1)
      .max(100)
      .openapi({ description: '`approve`, `reject`, `return`, `requestSupplement`, or one the designer named', example: 'approve' }),
    data: freeFormObject(DATA_LIMITS, "The form's values; merged into the case data"),
    comment: z.string().max(4000).nullable().optional(),
    reason: z
      .string()
      .min(1)
      .max(4000)
      .optional()
      .openapi({ description: 'Why: a rejection or a return needs a reason (here, in its reason field of `data`, or as the comment)' }),
    returnTo: idParamSchema.optional().openapi({ description: 'For `return`: the node id of the earlier task, when there are several' }),
    supplementItems: z
      .array(supplementItemSchema)
      .max(100)
      .optional()
      .openapi({ description: 'For `requestSupplement` (补正), required and not empty: every field or document the applicant must supply, told at once (行政许可法 art. 32). Refused with any other outcome' }),
  })
  .openapi('CompleteTaskRequest');

/** What a completion answers: the task as closed, its case, and the tasks the step opened. */
export const completionSchema = z
  .object({ task: taskSchema, case: caseSchema, nextTasks: z.array(taskSchema) })
  .openapi('Completion');
